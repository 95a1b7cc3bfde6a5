import ActivityLint
import ArgumentParser

/// What a lint run was asked to do, whichever parser read the command line: `Lint` (ArgumentParser) and
/// `DirectLintArguments` both produce this, and `execute()` runs it.
struct LintSettings: Equatable {
    enum ColorChoice: String, CaseIterable {
        case auto, always, never
    }

    var paths: [String] = []
    var filesFrom: String?
    var nullSeparated = false
    var format: OutputFormat = .text
    var stdinFilename: String?
    var color: ColorChoice = .auto
    var inputKind: InputKind = .auto
    var showSkipped = false
    var configPath: String?
    var noConfig = false
    var rulePacks: [String] = []
    var forceInclude = false
    var baseline: String?
    var writeBaseline: String?
    var fix = false
    var unsafeFixes = false
    var diff = false
    var maxFileSize = ParseLimits.default.maxFileSize
    var maxDepth = ParseLimits.default.maxDepth
    var maxAliases = ParseLimits.default.maxAliases
    var maxFindingsPerRule = FindingCap.defaultLimit
    var sarifMaxResults = SARIFReporter.defaultMaxResults
    var sarifMaxBytes = SARIFReporter.defaultMaxBytes

    /// The settings of a run given no options: `Lint`'s defaults.
    static let defaults = LintSettings()

    /// The mistakes no single option shows. ArgumentParser reports them, with the usage, through `Lint.validate()`;
    /// the direct parser hands a command line that fails them to ArgumentParser.
    func validate() throws {
        guard maxFileSize > 0, maxDepth > 0, maxAliases >= 0 else {
            throw ValidationError("limits must be positive numbers")
        }
        guard maxFindingsPerRule >= 0, sarifMaxResults >= 0, sarifMaxBytes >= 0 else {
            throw ValidationError("output caps must be 0 (no cap) or positive numbers")
        }
        guard !paths.isEmpty || filesFrom != nil || stdinFilename != nil else {
            throw ValidationError("Missing expected argument '<paths> ...' (or --files-from FILE)")
        }
        if (fix || diff), paths.contains("-") {
            throw ValidationError("--fix and --diff change files; standard input (-) has none to change")
        }
        if unsafeFixes, !fix, !diff {
            throw ValidationError("--unsafe-fixes goes with --fix or --diff")
        }
        if (fix || diff), writeBaseline != nil {
            throw ValidationError("--fix and --diff do not go with --write-baseline: fix first, then write the baseline")
        }
    }
}
