import ActivityLint
import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

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
    var format: OutputFormat = .text

    @Option(help: "The name to report for standard input; its ending (.json, .yaml) picks the parser. Implies - when no - is given.")
    var stdinFilename: String?

    @Option(help: "Colour in text output: auto (only on a terminal, never with NO_COLOR), always, never.")
    var color: ColorChoice = .auto

    @Option(help: "What the inputs are: \(InputKind.allCases.map(\.rawValue).joined(separator: ", ")) (auto decides from each document's content).")
    var inputKind: InputKind = .auto

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
    var maxFileSize: Int = ParseLimits.default.maxFileSize

    @Option(help: "The deepest nesting of objects and lists accepted (default 128).")
    var maxDepth: Int = ParseLimits.default.maxDepth

    @Option(help: "The most YAML aliases one file may use (default 10000).")
    var maxAliases: Int = ParseLimits.default.maxAliases

    @Option(help: "The most findings of one rule reported per file, 0 for all; one more line counts the rest.")
    var maxFindingsPerRule: Int = FindingCap.defaultLimit

    @Option(help: "The most results in a SARIF run (GitHub code scanning's limit), 0 for no cap.")
    var sarifMaxResults: Int = SARIFReporter.defaultMaxResults

    @Option(help: "The largest SARIF report in bytes (GitHub's upload limit), 0 for no cap.")
    var sarifMaxBytes: Int = SARIFReporter.defaultMaxBytes

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

    mutating func run() throws {
        throw ExitCode(try execute())
    }

    /// Lints and prints the report; returns the exit status.
    func execute() throws -> Int32 {
        var paths = self.paths
        if let filesFrom {
            if filesFrom == "-" && paths.contains("-") {
                throw ValidationError("standard input cannot hold both the --files-from list and an input (-)")
            }
            switch FileList.read(filesFrom, separator: nullSeparated ? 0 : UInt8(ascii: "\n")) {
            case .success(let listed): paths += listed
            case .failure(let failure):
                Console.error("activity-lint: error: \(TerminalEscaping.escape(filesFrom)): "
                    + "\(TerminalEscaping.escape(failure.message))\n")
                return ExitStatus.failure
            }
        }
        // Naming standard input is reading it, unless a - already does (or the --files-from list is read from it).
        if stdinFilename != nil && !paths.contains("-") && filesFrom != "-" { paths.append("-") }
        var run = LintRun(paths: paths)
        if let stdinFilename { run.stdinFilename = stdinFilename }
        run.configurationPath = configPath
        run.ignoreConfiguration = noConfig
        run.rulePacks = rulePacks
        run.forceInclude = forceInclude
        run.baselinePath = baseline
        run.writeBaselinePath = writeBaseline
        run.inputKind = inputKind
        run.limits = ParseLimits(maxDepth: maxDepth, maxAliases: maxAliases, maxFileSize: maxFileSize)
        run.findingCap = FindingCap(limit: maxFindingsPerRule)
        if fix || diff { run.fixMode = FixMode(includesUnsafe: unsafeFixes, writes: !diff) }
        if diff { return try printDiffs(run) }
        let reporter = format == .sarif
            ? SARIFReporter(maxResults: sarifMaxResults, maxBytes: sarifMaxBytes)
            : format.reporter(color: useColor, showSkipped: showSkipped)
        // Text and annotations are written as each file is done; JSON and SARIF are one document, filled file by
        // file and written at the end.
        let streaming = reporter as? any StreamingReporter
        var document: (any ReportDocument)?
        var failures: [(path: String, reason: String)] = []
        var wroteOutput = false
        let totals: LintRun.Totals
        do {
            totals = try run.run(starting: { rules in
                document = (reporter as? any DocumentReporter)?.document(rules: rules)
            }) { file in
                if streaming == nil, let failure = file.failure { failures.append((file.path, failure)) }
                document?.add(file)
                let text = streaming?.render(file: file) ?? ""
                if !text.isEmpty {
                    Console.output(text)
                    wroteOutput = true
                }
            }
        } catch {
            for problem in error.shown {
                Console.error("activity-lint: " + TerminalEscaping.escape(problem.description) + "\n")
            }
            return ExitStatus.failure
        }
        for note in totals.notes { Console.error("activity-lint: note: \(TerminalEscaping.escape(note))\n") }
        if let streaming {
            Console.output(streaming.summary(totals.totals, afterOutput: wroteOutput))
        } else {
            // The text report lists unreadable inputs itself; machine formats get them on stderr too.
            for failed in failures {
                Console.error("activity-lint: error: \(TerminalEscaping.escape(failed.path)): "
                    + "\(TerminalEscaping.escape(failed.reason))\n")
            }
            document?.finish(totals.totals) { Console.output($0) }
        }
        return totals.exitStatus
    }

    /// `--diff`: the diff of every file a fix would change, in input order, and nothing else on standard output.
    private func printDiffs(_ run: LintRun) throws -> Int32 {
        let totals: LintRun.Totals
        do {
            totals = try run.run { file in
                if let diff = file.fixes?.diff, !diff.isEmpty { Console.output(diff) }
            }
        } catch {
            Console.error("activity-lint: " + TerminalEscaping.escape(error.description) + "\n")
            return ExitStatus.failure
        }
        let fixes = totals.totals
        Console.error(fixes.fixesApplied == 0 ? "activity-lint: nothing to fix\n"
            : "activity-lint: would fix \(fixes.fixesApplied) problem\(fixes.fixesApplied == 1 ? "" : "s") in "
                + "\(fixes.filesFixed) file\(fixes.filesFixed == 1 ? "" : "s") (--fix applies them)\n")
        return fixes.unreadable > 0 ? ExitStatus.failure : fixes.fixesApplied > 0 ? ExitStatus.findings : ExitStatus.clean
    }

    private var useColor: Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            let noColor = getenv("NO_COLOR").map { String(cString: $0) } ?? ""
            return isatty(STDOUT_FILENO) == 1 && noColor.isEmpty
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension InputKind: ExpressibleByArgument {}
