/// The language server's one seam to the linter: which `LintContext` governs a document, and the document's
/// findings under it. Everything else in the server speaks the protocol.
///
/// Each document is governed by the `.activity-lint.yml` nearest its folder, as the command line finds it for its
/// working directory. A configuration that no longer loads keeps its last good version in force and is reported as
/// a diagnostic on the file the error is in.
struct DocumentLinting {
    /// What a configuration file gives a document: the context it builds.
    struct Governance: Sendable {
        var context: LintContext
        /// The configuration and its rule packs, which are never linted as requests.
        var ownFiles: Set<String>
    }

    /// A document checked under its configuration: its findings before the rules across documents, and the
    /// linter that adds those and caps the findings of each rule, as the command line's run does.
    struct Checked: Sendable {
        var file: Linter.CheckedFile
        var linter: Linter

        /// Lets go of what a report would quote (the server quotes nothing) and of the linter's copy of the text's
        /// line table: an open document keeps its findings for as long as it is open.
        mutating func keepOnly(source: SourceText) {
            file.result.sourceLines = nil
            for index in file.activities.indices { file.activities[index].source = source }
        }

        /// The document's diagnostics once its requests are compared with those `duplicates` saw before it.
        func diagnostics(after duplicates: inout DuplicateActivities) -> [Diagnostic] {
            linter.finish(file, &duplicates).diagnostics
        }
    }

    let limits: ParseLimits
    /// The nearest configuration file for each folder asked about (nil: none above it).
    private var nearest: [String: String?] = [:]
    private var governance: [String: Governance] = [:]
    /// Why configurations do not load, by the file the error is in.
    private(set) var configurationErrors: [String: [ConfigurationError]] = [:]
    private let unconfigured: Governance

    init(limits: ParseLimits = .default) {
        self.limits = limits
        // The built-in catalog binds by construction; the catalog tests prove it.
        let context = try! LintContext(
            configuration: Configuration(), root: "/", availableRules: RuleCatalog.builtIn.rules, rulePacks: [])
        unconfigured = Governance(context: context, ownFiles: [])
    }

    /// The findings of a document's current text; none for documents that are not activity documents, that the
    /// configuration excludes, or that are the linter's own files. `path` nil: a document with no file.
    mutating func check(path: String?, bytes: [UInt8], syntax: Syntax?) -> Checked {
        Self.check(path: path, bytes: bytes, syntax: syntax, under: governing(path), limits: limits)
    }

    /// What governs the document at `path`, for checking it later, on any thread (a workspace scan).
    mutating func governance(for path: String) -> Governance {
        governing(path)
    }

    static func check(
        path: String?, bytes: [UInt8], syntax: Syntax?, under rules: Governance, limits: ParseLimits
    ) -> Checked {
        let linter = rules.context.linter(limits: limits)
        let reported = path ?? "untitled"
        if let path, rules.ownFiles.contains(path) {
            let reason = SkipReason(.linterFile, "the linter's own configuration or rule pack")
            return Checked(file: .init(result: .skipped(path: path, kind: .unread, reason), activities: []), linter: linter)
        }
        // The editor's text is never read from disk, so the size limit is checked here, before any parsing.
        if bytes.count > limits.maxFileSize {
            let finding = Finding(
                ruleID: "file-too-large",
                message: "the document has \(bytes.count) bytes, over the limit of \(limits.maxFileSize) bytes (a "
                    + "CreateActivity request is at most 1 MB); it was not linted",
                range: SourceRange(at: .start))
            let diagnostics = rules.context.engine.diagnostics(for: [finding], file: reported)
            let result = FileResult(path: reported, source: nil, kind: .undetermined, diagnostics: diagnostics)
            return Checked(file: .init(result: result, activities: []), linter: linter)
        }
        let module = path.flatMap { moduleContext($0, limits: limits) }
        let file = path == nil
            ? linter.check(bytes: bytes, path: reported, syntax: syntax, sentToBeLinted: false)
            : rules.context.check(bytes: bytes, path: reported, syntax: syntax, limits: limits, module: module)
        return Checked(file: file, linter: linter)
    }

    /// A Terraform document's module: the editor's text for the document itself, the disk for the other files of
    /// its folder, read again at each lint (they may have changed), by the command line's link rules.
    private static func moduleContext(_ path: String, limits: ParseLimits) -> TerraformModuleContext? {
        guard TerraformFileKind.of(path: path) != nil else { return nil }
        let folder = PathText.parent(of: path)
        let repository = RepositoryRoot.find(from: folder)
        let discovery = InputDiscovery(root: repository ?? folder, isRepository: repository != nil)
        return TerraformModuleContext(
            cache: TerraformModuleCache(discovery: discovery, limits: limits), path: path, displayPath: path)
    }

    /// Forgets every configuration found or loaded and loads again those that were in use, keeping the last good
    /// version of any that now fails.
    mutating func reload() {
        let inUse = Set(nearest.values.compactMap { $0 })
        nearest = [:]
        configurationErrors = [:]
        for file in inUse { load(file) }
    }

    /// The configuration files in use, with their rule packs, for reloading when one changes.
    var configurationFiles: Set<String> {
        Set(governance.values.flatMap { $0.ownFiles }).union(configurationErrors.keys)
    }

    private mutating func governing(_ path: String?) -> Governance {
        guard let path else { return unconfigured }
        let folder = PathText.parent(of: path)
        let file: String?
        if let known = nearest[folder] {
            file = known
        } else {
            file = ConfigurationLoader.find(from: folder)
            nearest[folder] = file
            if let file, governance[file] == nil { load(file) }
        }
        return file.flatMap { governance[$0] } ?? unconfigured
    }

    private mutating func load(_ file: String) {
        do {
            let configuration = try ConfigurationLoader.load(path: file)
            let folder = PathText.parent(of: file)
            let context = try LintContext(configuration: configuration, root: RepositoryRoot.find(from: folder) ?? folder)
            let ownFiles = ([file] + context.rulePacks).map { PathText.standardized($0, in: "/") }
            governance[file] = Governance(context: context, ownFiles: Set(ownFiles))
        } catch {
            for problem in error.all { configurationErrors[problem.file, default: []].append(problem) }
        }
    }
}
