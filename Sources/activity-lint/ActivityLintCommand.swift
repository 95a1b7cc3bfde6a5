import ActivityLint
import ArgumentParser

struct ActivityLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activity-lint",
        abstract: "Lint AWS Step Functions CreateActivity requests before they reach AWS.",
        discussion: """
            Reads the request files teams keep in their repositories and reports everything AWS or the SDKs would \
            refuse: bad names, tag limits and characters, broken KMS settings. Each finding names the error AWS \
            would have returned. Source kinds: raw CreateActivity API requests (JSON or YAML), AWS CLI \
            --cli-input-json / --cli-input-yaml files and --generate-cli-skeleton output, CloudFormation, SAM and \
            CDK templates (cdk.out/*.template.json), Terraform plans (terraform show -json) and configurations \
            (.tf, .tofu, .tf.json), Serverless Framework services (serverless-step-functions activities) and \
            Pulumi YAML programs. Other files are skipped.

            EXAMPLES:
              activity-lint requests/
              activity-lint --format sarif . > activity-lint.sarif
              aws stepfunctions create-activity --generate-cli-skeleton | activity-lint -
              activity-lint explain name-forbidden-character

            Settings: .activity-lint.yml (see the README).
            Exit status: 0 no errors, 1 errors found, 2 usage error, bad configuration or unreadable input.
            """,
        version: ToolInfo.version,
        subcommands: [Lint.self, ListRules.self, Explain.self, LanguageServerCommand.self, GenerateDocs.self],
        defaultSubcommand: Lint.self
    )
}

/// `activity-lint --help`: the overview and the subcommands, then the lint command's options, which are what a
/// user runs (ArgumentParser's own root help would hide them behind `lint --help`).
enum TopLevelHelp {
    /// `--help`, `-h` or `help` alone. Compared as strings: a `Set<[String]>` made the Swift runtime look up how
    /// arrays hash at start-up, a scan of every conformance record in the binary (a ninth of a one-file run).
    static func isRequest(_ arguments: [String]) -> Bool {
        guard arguments.count == 1 else { return false }
        return ["--help", "-h", "help"].contains(arguments[0])
    }

    static var text: String {
        // From the lint command's help, its usage line and everything after it.
        let lint = ActivityLintCommand.helpMessage(for: Lint.self, columns: nil).split(separator: "\n", omittingEmptySubsequences: false)
        let options = lint.drop { !$0.hasPrefix("USAGE:") }.joined(separator: "\n")
        return ActivityLintCommand.helpMessage(columns: nil) + "\n\nTHE LINT COMMAND (the default: `activity-lint PATH...` is `activity-lint lint PATH...`):\n\n" + options
    }
}
