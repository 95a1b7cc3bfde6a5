import Foundation

/// One run as the command line performs it: configuration, rule packs, discovery, linting, baseline.
public struct LintRun: Sendable {
    public var paths: [String]
    public var stdinFilename = "<stdin>"
    /// An explicit configuration file; nil searches upward from the working directory.
    public var configurationPath: String?
    /// Ignore any configuration file.
    public var ignoreConfiguration = false
    /// Rule packs in addition to the configuration's.
    public var rulePacks: [String] = []
    /// Lint files named on the command line even when the configuration excludes them.
    public var forceInclude = false
    public var baselinePath: String?
    public var writeBaselinePath: String?
    public var limits = ParseLimits.default
    public var inputKind = InputKind.auto

    public init(paths: [String]) {
        self.paths = paths
    }

    public struct Outcome: Sendable {
        public var report: LintReport
        /// Things to tell the user on stderr (files skipped by the configuration, an empty run).
        public var notes: [String]
        /// 0, 1 or 2, see the README.
        public var exitStatus: Int32
    }

    public func run() throws(ConfigurationError) -> Outcome {
        let configuration = try loadConfiguration()
        var rules = RuleCatalog.builtIn.rules
        for pack in configuration.rulePacks + rulePacks {
            rules += try RulePackLoader.load(path: pack, taken: Set(rules.map(\.id)))
        }
        if let unknown = configuration.unknownRuleReferences(known: Set(rules.map(\.id))).first { throw unknown }
        let engine: RuleEngine
        do {
            engine = try RuleEngine(rules: configuration.apply(to: rules))
        } catch {
            throw ConfigurationError(file: configuration.file ?? "configuration", position: nil, message: error.description)
        }

        var notes: [String] = []
        let workingDirectory = PathText.currentDirectory
        let base = PathText.standardized(configuration.baseDirectory, in: workingDirectory)
        let inputs = InputDiscovery(stdinFilename: stdinFilename).discover(paths).filter { input in
            guard case .file(let path) = input.source, configuration.filtersPaths else { return true }
            let relative = PathText.relative(PathText.standardized(path, in: workingDirectory), to: base) ?? path
            if configuration.admits(relativePath: relative) { return true }
            if input.isExplicit && forceInclude { return true }
            if input.isExplicit {
                notes.append("\(input.displayPath) is excluded by \(configuration.file ?? "the configuration"); "
                    + "use --force-include to lint it")
            }
            return false
        }
        if inputs.isEmpty && notes.isEmpty { notes.append("no JSON or YAML files found to lint") }

        var report = Linter(engine: engine, limits: limits, inputKind: inputKind).lint(inputs)
        if let writeBaselinePath {
            do {
                try Baseline.render(report.diagnostics).write(toFile: writeBaselinePath, atomically: true, encoding: .utf8)
            } catch {
                throw ConfigurationError(file: writeBaselinePath, position: nil, message: "cannot write the baseline")
            }
            notes.append("wrote \(report.diagnostics.count) findings to the baseline \(writeBaselinePath)")
        }
        if let path = baselinePath ?? writeBaselinePath {
            let baseline = try readBaseline(path)
            for index in report.files.indices {
                report.files[index].diagnostics = baseline.filter(report.files[index].diagnostics)
            }
        }
        let status: Int32 = !report.failedFiles.isEmpty ? 2
            : report.diagnostics.contains { $0.severity >= configuration.failOn } ? 1 : 0
        return Outcome(report: report, notes: notes, exitStatus: status)
    }

    private func loadConfiguration() throws(ConfigurationError) -> Configuration {
        if ignoreConfiguration { return Configuration() }
        if let configurationPath {
            guard FileManager.default.fileExists(atPath: configurationPath) else {
                throw ConfigurationError(file: configurationPath, position: nil, message: "configuration file does not exist")
            }
            return try ConfigurationLoader.load(path: configurationPath)
        }
        let found = ConfigurationLoader.find(from: FileManager.default.currentDirectoryPath)
        return try found.map { path throws(ConfigurationError) in try ConfigurationLoader.load(path: path) } ?? Configuration()
    }

    private func readBaseline(_ path: String) throws(ConfigurationError) -> Baseline {
        switch InputReader.read(.file(path), displayPath: path) {
        case .success(let bytes): return try Baseline.parse(bytes, path: path)
        case .failure(let failure): throw ConfigurationError(file: path, position: nil, message: failure.message)
        }
    }
}
