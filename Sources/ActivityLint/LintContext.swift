#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A configuration made ready to lint: the rules it puts in force (the built-in catalog and its rule packs, with
/// its severities and rules turned off) and the paths it admits. What an editor or a language server builds once
/// for a workspace and asks about each document it holds in memory, with no command line and no file reading;
/// the command line builds its run on the same value.
public struct LintContext: Sendable {
    public let configuration: Configuration
    /// The folder that relative document paths are relative to (the workspace or repository root).
    public let root: String
    /// Every rule there is to run, the built-in catalog and the packs' rules, before the configuration turns rules
    /// off or re-grades them.
    public let availableRules: [RuleDescriptor]
    /// The rule pack files in use, the configuration's and those given beside it: the linter's own files, which
    /// are never linted as requests.
    public let rulePacks: [String]
    /// The rules in force, bound to their validators.
    public let engine: RuleEngine

    /// Loads the configuration's rule packs (and `rulePacks`, as `--rules` names them) and binds every rule in
    /// force. Throws every pack that cannot be read and every rule id the configuration names that no rule has.
    public init(configuration: Configuration, root: String, rulePacks: [String] = []) throws(ConfigurationError) {
        var problems = ProblemList()
        let available = Self.availableRules(for: configuration, rulePacks: rulePacks, problems: &problems)
        try problems.check()
        try self.init(configuration: configuration, root: root, availableRules: available.rules, rulePacks: available.packFiles)
    }

    /// Binds the rules in force among rules already read.
    init(configuration: Configuration, root: String, availableRules: [RuleDescriptor], rulePacks: [String])
        throws(ConfigurationError)
    {
        do {
            engine = try RuleEngine(rules: configuration.apply(to: availableRules))
        } catch {
            throw ConfigurationError(file: configuration.file ?? "configuration", position: nil, message: error.description)
        }
        self.configuration = configuration
        self.root = root
        self.availableRules = availableRules
        self.rulePacks = rulePacks
    }

    /// The built-in rules, then each rule pack's (the configuration's, then `rulePacks`), with the pack files read;
    /// every pack that cannot be read and every unknown rule id the configuration names goes into `problems`.
    static func availableRules(
        for configuration: Configuration, rulePacks: [String], problems: inout ProblemList
    ) -> (rules: [RuleDescriptor], packFiles: [String]) {
        var rules = RuleCatalog.builtIn.rules
        let packs = configuration.rulePacks.map { ($0, configuration.rulePackReferences[$0]) }
            + rulePacks.map { ($0, SettingsFile.Reference.flag("--rules")) }
        var everyPackRead = true
        for (pack, reference) in packs {
            let loaded = problems.attempt { () throws(ConfigurationError) in
                try RulePackLoader.load(path: pack, taken: Set(rules.map(\.id)), namedBy: reference)
            }
            rules += loaded ?? []
            everyPackRead = everyPackRead && loaded != nil
        }
        // An id of a pack that could not be read is not unknown: the pack's own problem is reported instead.
        if everyPackRead {
            for unknown in configuration.unknownRuleReferences(known: Set(rules.map(\.id))) { problems.record(unknown) }
        }
        return (rules, packs.map(\.0))
    }

    /// The context for a document at `path` (a file or a folder): the `.activity-lint.yml` nearest it, in its
    /// folder or one above, with its rule packs, as the command line finds it for its working directory, or
    /// the defaults when there is none. The root is the git work tree holding the path, else its folder.
    public init(nearestConfigurationTo path: String) throws(ConfigurationError) {
        let absolute = PathText.standardized(path, in: PathText.currentDirectory)
        var info = stat()
        let isFolder = stat(absolute, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
        let folder = isFolder ? absolute : PathText.parent(of: absolute)
        let configuration = try ConfigurationLoader.find(from: folder)
            .map { file throws(ConfigurationError) in try ConfigurationLoader.load(path: file) } ?? Configuration()
        try self.init(configuration: configuration, root: RepositoryRoot.find(from: folder) ?? folder)
    }

    /// Lints a document held in memory. `path` names it in diagnostics and decides what no content can: its
    /// parser (by extension), whether its name names an activity, and whether the configuration's `include` and
    /// `exclude` admit it (a skipped result when they do not). A path in angle brackets (`<stdin>`, `<buffer>`)
    /// names no file: the text was sent to be linted, so it is a request unless it is a template or plan, and no
    /// glob turns it away, as with standard input on the command line.
    public func lint(bytes: [UInt8], path: String) -> FileResult {
        let unnamed = path.hasPrefix("<")
        if !unnamed, let reason = exclusion(of: path) {
            return FileResult(path: path, source: nil, kind: .unread, skipped: reason)
        }
        return Linter(engine: engine).lint(bytes: bytes, path: path, syntax: nil, sentToBeLinted: unnamed)
    }

    /// A document's findings as `lint(bytes:path:)` finds them, before the rules across documents and the
    /// per-rule cap (see `Linter.finish`), with the activities its requests would create: for the language server,
    /// which compares each document with the others it knows. `syntax` overrides the choice by extension.
    func check(
        bytes: [UInt8], path: String, syntax: Syntax?, limits: ParseLimits, module: TerraformModuleContext? = nil
    ) -> Linter.CheckedFile {
        if let reason = exclusion(of: path) {
            return Linter.CheckedFile(result: FileResult(path: path, source: nil, kind: .unread, skipped: reason), activities: [])
        }
        return linter(limits: limits).check(bytes: bytes, path: path, syntax: syntax, sentToBeLinted: false, module: module)
    }

    /// The linter of this context's rules.
    func linter(limits: ParseLimits) -> Linter {
        Linter(engine: engine, limits: limits)
    }

    /// Lints in-memory text (see `lint(bytes:path:)`).
    public func lint(text: String, path: String) -> FileResult {
        lint(bytes: Array(text.utf8), path: path)
    }

    /// Why the configuration turns `path` away, or nil when it admits it. Globs are relative to the configuration
    /// file's folder; a relative `path` (and a relative folder) is relative to `root`.
    private func exclusion(of path: String) -> SkipReason? {
        guard configuration.filtersPaths else { return nil }
        let absolute = PathText.standardized(path, in: root)
        let base = PathText.standardized(configuration.baseDirectory, in: root)
        // A document outside the configuration's folder is matched by the path as given.
        let relative = PathText.relative(absolute, to: base) ?? path
        guard !configuration.admits(relativePath: relative) else { return nil }
        return SkipReason(.excluded, "excluded by \(configuration.file ?? "the configuration")")
    }
}
