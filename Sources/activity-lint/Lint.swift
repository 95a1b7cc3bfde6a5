import ActivityLint
import ArgumentParser
import Glibc

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lint files and directories (the default command).",
        discussion: """
            Directories are searched recursively for *.json, *.yaml and *.yml files, skipping hidden files and \
            folders (.git, .build, .github) and node_modules. Use - to read standard input. Settings come from the nearest .activity-lint.yml in the \
            working directory or a folder above it (see the README).
            """)

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    @Argument(help: "Files, directories, or - for standard input.")
    var paths: [String]

    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .text

    @Option(help: "The name to report for standard input; its ending (.json, .yaml) picks the parser.")
    var stdinFilename: String = "<stdin>"

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

    @Option(help: "The largest input read, in bytes (default 16 MiB); larger ones are reported, not read.")
    var maxFileSize: Int = ParseLimits.default.maxFileSize

    @Option(help: "The deepest nesting of objects and lists accepted (default 128).")
    var maxDepth: Int = ParseLimits.default.maxDepth

    @Option(help: "The most YAML aliases one file may use (default 10000).")
    var maxAliases: Int = ParseLimits.default.maxAliases

    func validate() throws {
        guard maxFileSize > 0, maxDepth > 0, maxAliases >= 0 else {
            throw ValidationError("limits must be positive numbers")
        }
    }

    mutating func run() throws {
        throw ExitCode(try execute())
    }

    /// Lints and prints the report; returns the exit status.
    func execute() throws -> Int32 {
        var run = LintRun(paths: paths)
        run.stdinFilename = stdinFilename
        run.configurationPath = configPath
        run.ignoreConfiguration = noConfig
        run.rulePacks = rulePacks
        run.forceInclude = forceInclude
        run.baselinePath = baseline
        run.writeBaselinePath = writeBaseline
        run.inputKind = inputKind
        run.limits = ParseLimits(maxDepth: maxDepth, maxAliases: maxAliases, maxFileSize: maxFileSize)
        let reporter = format.reporter(color: useColor, showSkipped: showSkipped)
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
            Console.error("activity-lint: " + TerminalEscaping.escape(error.description) + "\n")
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
