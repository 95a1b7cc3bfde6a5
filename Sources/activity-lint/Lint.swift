import ActivityLint
import ArgumentParser
import Glibc

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lint files and directories (the default command).",
        discussion: "Directories are searched recursively for *.json, *.yaml and *.yml files, skipping .git, "
            + ".build and node_modules. Use - to read standard input.")

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

    mutating func run() throws {
        throw ExitCode(try execute())
    }

    /// Lints and prints the report; returns the exit status.
    func execute() throws -> Int32 {
        let inputs = InputDiscovery(stdinFilename: stdinFilename).discover(paths)
        let report = Linter.builtIn().lint(inputs)
        if format != .text {
            // The text report lists unreadable inputs itself; machine formats get them on stderr too.
            for failed in report.failedFiles {
                Console.error("activity-lint: error: \(TerminalEscaping.escape(failed.path)): "
                    + "\(TerminalEscaping.escape(failed.failure ?? ""))\n")
            }
        }
        if inputs.isEmpty { Console.error("activity-lint: error: no input files found\n") }
        Console.output(format.reporter(color: useColor).render(report))
        if !report.failedFiles.isEmpty || inputs.isEmpty { return ExitStatus.failure }
        return report.count(.error) > 0 ? ExitStatus.findings : ExitStatus.clean
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
