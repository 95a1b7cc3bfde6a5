import ArgumentParser
import Testing
@testable import activity_lint

/// The lint run is parsed with the lint command alone (`LintCommandLine`); the full command tree must give the
/// same command for every lint command line, and whatever the lint command alone refuses goes to the tree.
struct LintCommandLineTests {
    static let commandLines: [[String]] = [
        ["requests/"], ["--no-config", "a.json"], ["lint", "a.json"], ["lint", "lint"], ["--no-config", "explain"],
        ["--format", "json", "-v", "a.yaml", "b.yaml"], ["--format=sarif", "--color", "never", "."],
        ["--rules", "p.yml", "--rules", "q.yml", "--", "-odd"], ["-0", "--files-from", "-"], ["--fix", "--unsafe-fixes", "."],
        ["-", "--stdin-filename", "r.yaml"], ["--input-kind", "terraform-plan", "plan.json"],
    ]

    @Test(arguments: commandLines)
    func theLintCommandAloneParsesWhatTheTreeParses(_ arguments: [String]) throws {
        let fast = try LintCommandLine.parse(arguments, isLintRun: true)
        let tree = try ActivityLintCommand.parseAsRoot(arguments)
        #expect(fast is Lint && tree is Lint)
        #expect(description(of: fast) == description(of: tree))
    }

    /// What only the tree answers (its help, version, completion scripts) or refuses comes from the tree.
    @Test(arguments: [[], ["--help"], ["-h"], ["--version"], ["--generate-completion-script", "bash"], ["--format", "xml", "."],
                      ["--bogus"], ["--fix", "--diff", "."]])
    func whatTheLintCommandAloneRefusesIsTheTreesAnswer(_ arguments: [String]) {
        #expect(message(of: { try LintCommandLine.parse(arguments, isLintRun: true) })
            == message(of: { try ActivityLintCommand.parseAsRoot(arguments) }))
    }

    private func description(of command: ParsableCommand) -> String {
        var text = ""
        dump(command, to: &text)
        return text
    }

    private func message(of parse: () throws -> ParsableCommand) -> String {
        do {
            return "parsed " + description(of: try parse())
        } catch {
            return "\(ActivityLintCommand.exitCode(for: error)): \(ActivityLintCommand.fullMessage(for: error))"
        }
    }
}
