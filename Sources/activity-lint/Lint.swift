import ActivityLint
import ArgumentParser

struct Lint: ParsableCommand {
    // Each command names itself: the name ArgumentParser would derive from the type costs a reflective type-name
    // lookup at start (about 3 M instructions).
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Lint files and directories (the default command).",
        discussion: """
            Directories are searched recursively for *.json, *.yaml and *.yml files, skipping hidden files and \
            folders (.git, .build, .github) and node_modules. Only activity documents are linted (requests, CLI \
            input files, CloudFormation/SAM/CDK templates, Terraform plans); other JSON and YAML files are \
            skipped and counted (-v lists them with the reason). Use - to read standard input. Settings come from the nearest .activity-lint.yml in the \
            working directory or a folder above it (see the README).
            """)

    /// ArgumentParser sees only a few of the paths (its positional arrays cost quadratic time); `PathArguments`
    /// puts the whole list back.
    @Argument(help: "Files, directories, or - for standard input.")
    var paths: [String] = []

    @Option(help: "Also lint the paths listed in this file, one a line (- reads the list from standard input).")
    var filesFrom: String?

    @Flag(name: [.customLong("null"), .customShort("0")],
          help: "The --files-from list is separated by NUL bytes (git ls-files -z, find -print0).")
    var nullSeparated = false

    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = LintSettings.defaults.format

    @Option(help: "The name to report for standard input; its ending (.json, .yaml) picks the parser. Implies - when no - is given.")
    var stdinFilename: String?

    @Option(help: "Colour in text output: auto (only on a terminal, never with NO_COLOR), always, never.")
    var color: LintSettings.ColorChoice = LintSettings.defaults.color

    @Option(help: "What the inputs are: \(InputKind.allCases.map(\.rawValue).joined(separator: ", ")) (auto decides from each document's content).")
    var inputKind: InputKind = LintSettings.defaults.inputKind

    @Flag(name: [.customLong("show-skipped"), .customShort("v"), .customLong("verbose")],
          help: "List every file that was skipped (not an activity document, a link out of the repository) with the reason.")
    var showSkipped = false

    @Option(name: .customLong("config"), help: "Use this configuration file instead of searching for .activity-lint.yml.")
    var configPath: String?

    @Flag(help: "Ignore any configuration file.")
    var noConfig = false

    @Option(name: .customLong("rules"), help: "A rule pack (YAML) to add; repeat for several.")
    var rulePacks: [String] = []

    @Flag(help: "Lint files named on the command line even when the configuration excludes them.")
    var forceInclude = false

    @Option(help: "Report only findings that are not in this baseline file.")
    var baseline: String?

    @Option(help: "Record today's findings in this baseline file (then report only what it does not hold).")
    var writeBaseline: String?

    @Flag(help: "Apply safe fixes to the files in place, then report what is left.")
    var fix = false

    @Flag(help: "With --fix or --diff, apply unsafe fixes too (they rename an activity or change its encryption, which CloudFormation answers by replacing the resource).")
    var unsafeFixes = false

    @Flag(help: "Print the fixes as a unified diff and write nothing; exit 1 when there is something to fix.")
    var diff = false

    @Option(help: "The largest input read, in bytes (default 16 MiB); larger ones are reported, not read.")
    var maxFileSize: Int = LintSettings.defaults.maxFileSize

    @Option(help: "The deepest nesting of objects and lists accepted (default 128).")
    var maxDepth: Int = LintSettings.defaults.maxDepth

    @Option(help: "The most YAML aliases one file may use (default 10000).")
    var maxAliases: Int = LintSettings.defaults.maxAliases

    @Option(help: "The most findings of one rule reported per file, 0 for all; one more line counts the rest.")
    var maxFindingsPerRule: Int = LintSettings.defaults.maxFindingsPerRule

    @Option(help: "The most results in a SARIF run (GitHub code scanning's limit), 0 for no cap.")
    var sarifMaxResults: Int = LintSettings.defaults.sarifMaxResults

    @Option(help: "The largest SARIF report in bytes (GitHub's upload limit), 0 for no cap.")
    var sarifMaxBytes: Int = LintSettings.defaults.sarifMaxBytes

    func validate() throws {
        try settings.validate()
    }

    mutating func run() throws {
        throw ExitCode(try settings.execute())
    }

    /// The options as parsed; `paths` holds only the paths ArgumentParser saw (`PathArguments` has the rest).
    var settings: LintSettings {
        LintSettings(
            paths: paths, filesFrom: filesFrom, nullSeparated: nullSeparated, format: format,
            stdinFilename: stdinFilename, color: color, inputKind: inputKind, showSkipped: showSkipped,
            configPath: configPath, noConfig: noConfig, rulePacks: rulePacks, forceInclude: forceInclude,
            baseline: baseline, writeBaseline: writeBaseline, fix: fix, unsafeFixes: unsafeFixes, diff: diff,
            maxFileSize: maxFileSize, maxDepth: maxDepth, maxAliases: maxAliases,
            maxFindingsPerRule: maxFindingsPerRule, sarifMaxResults: sarifMaxResults, sarifMaxBytes: sarifMaxBytes)
    }
}

extension LintSettings.ColorChoice: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
extension InputKind: ExpressibleByArgument {}
