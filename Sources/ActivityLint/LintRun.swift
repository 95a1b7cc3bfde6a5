// FoundationEssentials where it exists: full Foundation would link ICU's data into the binary (tens of MB).
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
    /// How many findings of one rule a file reports (`--max-findings-per-rule`).
    public var findingCap = FindingCap()
    /// Fix files as they are linted (`--fix`, `--diff`).
    public var fixMode: FixMode?

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

    /// What a streamed run leaves once every file has been handed on.
    public struct Totals: Sendable {
        public var totals: ReportTotals
        /// Every rule that was in force, for SARIF's `tool.driver.rules`.
        public var rules: [RuleDescriptor]
        public var notes: [String]
        public var exitStatus: Int32
    }

    /// Runs and returns every file's result.
    public func run() throws(ConfigurationError) -> Outcome {
        var files: [FileResult] = []
        let totals = try run { files.append($0) }
        return Outcome(report: LintReport(files: files, rules: totals.rules), notes: totals.notes, exitStatus: totals.exitStatus)
    }

    /// Runs and hands each file's result to `each` in input order, keeping none: for reports written as they go.
    /// `starting` learns the rules in force before the first file (a SARIF report lists them ahead of results).
    public func run(
        starting: ([RuleDescriptor]) -> Void = { _ in }, each: (FileResult) -> Void
    ) throws(ConfigurationError) -> Totals {
        let workingDirectory = PathText.currentDirectory
        let repository = RepositoryRoot.find(from: workingDirectory)
        let root = repository ?? workingDirectory
        let known = try loadRules()
        let context = try LintContext(
            configuration: known.configuration, root: root, availableRules: known.available, rulePacks: known.packFiles)
        let (configuration, rules, engine) = (context.configuration, context.availableRules, context.engine)
        var baseline = try baselinePath.map { path throws(ConfigurationError) in try BaselineFile(path: path) }
        starting(engine.descriptors)

        var notes: [String] = []
        func reported(_ path: String) -> String {
            PathText.display(standardized: PathText.standardized(path, in: workingDirectory), root: root)
        }
        let base = PathText.standardized(configuration.baseDirectory, in: workingDirectory)
        var totals = ReportTotals()
        totals.repositoryRoot = root
        totals.configuration.file = configuration.file.map(reported)
        totals.configuration.rulesAvailable = rules.count
        totals.configuration.rulesOff = rules.map(\.id).filter(configuration.disabled.contains)
        totals.configuration.rulesLowered = rules.filter { rule in
            guard !configuration.disabled.contains(rule.id), let set = configuration.severities[rule.id] else { return false }
            return rule.severity >= configuration.failOn && set < configuration.failOn
        }.map(\.id)
        // The linter's own files are never read as requests, wherever they are and however they are named.
        let ownPaths = [configuration.file].compactMap { $0 } + context.rulePacks + [baselinePath, writeBaselinePath].compactMap { $0 }
        let linterFiles = Set(ownPaths.map { PathText.resolved($0) ?? PathText.standardized($0, in: workingDirectory) })
        // Compared by name first, so that only a file of the same name costs a look at its real path.
        let linterFileNames = Set(linterFiles.map { String(PathText.lastComponent($0)) })
        func admits(_ input: InputItem) -> InputItem? {
            guard case .file(let path) = input.source else { return input }
            if !linterFileNames.isEmpty, linterFileNames.contains(String(PathText.lastComponent(path))),
               linterFiles.contains(PathText.resolved(path) ?? "") {
                var skipped = input
                skipped.source = .skipped(SkipReason(.linterFile, "the linter's own configuration, rule pack or baseline"))
                return skipped
            }
            guard configuration.filtersPaths else { return input }
            let relative = PathText.relative(PathText.standardized(path, in: workingDirectory), to: base) ?? path
            if configuration.admits(relativePath: relative) { return input }
            if input.isExplicit && forceInclude { return input }
            totals.configuration.excludedFiles += 1
            if input.isExplicit {
                notes.append("\(input.displayPath) is excluded by \(totals.configuration.file ?? "the configuration"); "
                    + "use --force-include to lint it")
            }
            return nil
        }

        var recorded: [Diagnostic] = []
        var failsRun = false
        var admitted = 0
        // A name given for standard input is a path too, reported like any other.
        let stdinName = stdinFilename.hasPrefix("<") ? stdinFilename : reported(stdinFilename)
        let discovery = InputDiscovery(stdinFilename: stdinName, root: root, isRepository: repository != nil)
        var linter = Linter(
            engine: engine, limits: limits, inputKind: inputKind, findingCap: findingCap, fixMode: fixMode)
        linter.moduleDiscovery = discovery
        // Files are linted while the walk goes on.
        linter.lint(discovering: { lint in
            discovery.discover(paths) { input in
                guard let input = admits(input) else { return }
                admitted += 1
                lint(input)
            }
        }, hiding: { file in
            // Before the per-rule cap, so baselined findings never count towards it (see `Linter.lint`).
            if writeBaselinePath != nil {
                // Everything found today goes into the new baseline, so nothing of it is reported.
                recorded += file.diagnostics
                file.diagnostics = []
            } else {
                baseline?.apply(to: &file)
            }
        }) { file in
            failsRun = failsRun || file.diagnostics.contains { $0.severity >= configuration.failOn }
            totals.add(file)
            each(file)
        }
        // Capped like any file's findings: a baseline of made-up entries cannot flood the report.
        if let unused = baseline?.unusedEntries(engine: engine, reportedAs: reported(baselinePath!))
            .map({ findingCap.apply(to: $0, engine: engine) })
        {
            failsRun = failsRun || unused.diagnostics.contains { $0.severity >= configuration.failOn }
            totals.add(unused)
            each(unused)
        }
        if admitted == 0 && notes.isEmpty {
            let excluded = totals.configuration.excludedFiles
            notes.append(excluded > 0
                ? "all \(excluded) JSON and YAML files found are excluded by \(totals.configuration.file ?? "the configuration")"
                : "no JSON or YAML files found to lint")
        }
        if totals.configuration.turnsEveryRuleOff {
            notes.append("\(totals.configuration.file ?? "the configuration") turns every rule off: nothing was checked")
        }
        if let baseline, let baselinePath { notes.append(baseline.note(reportedAs: reported(baselinePath))) }
        if let writeBaselinePath {
            do {
                try Baseline.render(recorded).write(toFile: writeBaselinePath, atomically: true, encoding: .utf8)
            } catch {
                throw ConfigurationError(file: writeBaselinePath, position: nil, message: "cannot write the baseline")
            }
            notes.append("wrote \(recorded.count) findings to the baseline \(writeBaselinePath)")
        }
        let status: Int32 = totals.unreadable > 0 ? 2 : failsRun ? 1 : 0
        return Totals(totals: totals, rules: engine.descriptors, notes: notes, exitStatus: status)
    }
}
