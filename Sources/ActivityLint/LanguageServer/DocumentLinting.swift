/// The language server's one seam to the linter: which configuration governs a document, and the document's
/// diagnostics under it. Everything else in the server speaks the protocol.
///
/// Each document is governed by the `.activity-lint.yml` nearest its folder, as the command line finds it for its
/// working directory. A configuration that no longer loads keeps its last good version in force and is reported as
/// a diagnostic on the file the error is in.
struct DocumentLinting {
    /// What a configuration file gives a document: its settings and the linter they build.
    struct Governance {
        var configuration: Configuration
        var linter: Linter
        /// The configuration and its rule packs, which are never linted as requests.
        var ownFiles: Set<String>
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
        unconfigured = Governance(
            configuration: Configuration(), linter: Linter(engine: Linter.builtIn().engine, limits: limits), ownFiles: [])
    }

    /// The diagnostics of a document's current text; none for documents that are not activity documents, that
    /// the configuration excludes, or that are the linter's own files.
    mutating func diagnostics(path: String?, bytes: [UInt8], syntax: Syntax?) -> [Diagnostic] {
        let rules = governing(path)
        let reported = path ?? "untitled"
        if let path {
            if rules.ownFiles.contains(path) { return [] }
            let configuration = rules.configuration
            if configuration.filtersPaths,
               let relative = PathText.relative(path, to: PathText.standardized(configuration.baseDirectory, in: "/")),
               !configuration.admits(relativePath: relative)
            {
                return []
            }
        }
        // The editor's text is never read from disk, so the size limit is checked here, before any parsing.
        if bytes.count > limits.maxFileSize {
            let finding = Finding(
                ruleID: "file-too-large",
                message: "the document has \(bytes.count) bytes, over the limit of \(limits.maxFileSize) bytes (a "
                    + "CreateActivity request is at most 1 MB); it was not linted",
                range: SourceRange(at: .start))
            return rules.linter.engine.diagnostics(for: [finding], file: reported)
        }
        return rules.linter.lint(
            bytes: bytes, path: reported, syntax: syntax, sentToBeLinted: false, module: path.flatMap(moduleContext)
        ).diagnostics
    }

    /// A Terraform document's module: the editor's text for the document itself, the disk for the other files of
    /// its folder, read again at each lint (they may have changed), by the command line's link rules.
    private func moduleContext(_ path: String) -> TerraformModuleContext? {
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

    /// The configuration files in use, with their rule packs and what they extend, for reloading when one changes.
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
            governance[file] = try Self.governance(file, limits: limits)
        } catch {
            configurationErrors[error.file, default: []].append(error)
        }
    }

    /// A configuration and its rule packs made into a linter, as `LintRun` does for a command-line run.
    private static func governance(_ file: String, limits: ParseLimits) throws(ConfigurationError) -> Governance {
        let configuration = try ConfigurationLoader.load(path: file)
        var rules = RuleCatalog.builtIn.rules
        for pack in configuration.rulePacks {
            rules += try RulePackLoader.load(
                path: pack, taken: Set(rules.map(\.id)), namedBy: configuration.rulePackReferences[pack])
        }
        if let unknown = configuration.unknownRuleReferences(known: Set(rules.map(\.id))).first { throw unknown }
        let engine: RuleEngine
        do {
            engine = try RuleEngine(rules: configuration.apply(to: rules))
        } catch {
            throw ConfigurationError(file: file, position: nil, message: error.description)
        }
        let ownFiles = Set([file] + configuration.rulePacks).map { PathText.standardized($0, in: "/") }
        return Governance(
            configuration: configuration, linter: Linter(engine: engine, limits: limits), ownFiles: Set(ownFiles))
    }
}
