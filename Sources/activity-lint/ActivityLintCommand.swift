import ActivityLint
import ArgumentParser

struct ActivityLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activity-lint",
        abstract: "Lint AWS Step Functions CreateActivity requests before they reach AWS.",
        discussion: """
            Checks CreateActivity request files (API JSON/YAML, AWS CLI --cli-input-json/--cli-input-yaml files) \
            for everything AWS or the SDKs would refuse: bad names, tag limits and characters, broken KMS \
            settings. Each finding names the error AWS would have returned.

            EXAMPLES:
              activity-lint requests/
              activity-lint --format sarif . > activity-lint.sarif
              aws stepfunctions create-activity --generate-cli-skeleton | activity-lint -
              activity-lint explain name-forbidden-character

            Options of the lint command: activity-lint lint --help. Settings: .activity-lint.yml (see the README).
            Exit status: 0 no errors, 1 errors found, 2 usage error, bad configuration or unreadable input.
            """,
        version: ToolInfo.version,
        subcommands: [Lint.self, ListRules.self, Explain.self, LanguageServerCommand.self, GenerateDocs.self],
        defaultSubcommand: Lint.self
    )
}
