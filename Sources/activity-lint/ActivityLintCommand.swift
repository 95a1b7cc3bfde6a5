import ActivityLint
import ArgumentParser

struct ActivityLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activity-lint",
        abstract: "Lint AWS Step Functions CreateActivity requests before they reach AWS.",
        discussion: """
            Checks CreateActivity request files (API JSON/YAML, AWS CLI --cli-input-json/--cli-input-yaml files) \
            for everything AWS or the SDKs would refuse: bad names, tag limits and characters, broken KMS \
            settings. Exit status: 0 no errors, 1 errors found, 2 usage error or unreadable input.
            """,
        version: ToolInfo.version,
        subcommands: [Lint.self, ListRules.self, Explain.self, GenerateDocs.self],
        defaultSubcommand: Lint.self
    )
}
