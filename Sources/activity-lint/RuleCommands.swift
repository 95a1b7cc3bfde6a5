import ActivityLint
import ArgumentParser

/// The configuration options `rules` and `explain` share with `lint`, so that they show the rules a run would use.
struct RuleSources: ParsableArguments {
    @Option(name: .customLong("config"), help: "Use this configuration file instead of searching for .activity-lint.yml.")
    var configPath: String?

    @Flag(help: "Ignore any configuration file.")
    var noConfig = false

    @Option(name: .customLong("rules"), help: "A rule pack (YAML) to add; repeat for several.")
    var rulePacks: [String] = []

    /// The rules, or exit status 2 with every problem of the configuration and packs on stderr.
    func load() throws -> LintRun.Rules {
        var run = LintRun(paths: [])
        run.configurationPath = configPath
        run.ignoreConfiguration = noConfig
        run.rulePacks = rulePacks
        do {
            return try run.loadRules()
        } catch {
            for problem in error.shown {
                Console.error("activity-lint: " + TerminalEscaping.escape(problem.description) + "\n")
            }
            throw ExitCode(ExitStatus.failure)
        }
    }
}

struct ListRules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List every rule (with rule packs), at the severity the configuration sets.")

    @OptionGroup var sources: RuleSources

    func run() throws {
        let rules = try sources.load()
        let width = rules.available.map(\.id.count).max() ?? 0
        for available in rules.available {
            guard let (rule, isOff) = rules.rule(available.id) else { continue }
            let severity = isOff ? "off" : rule.severity.rawValue
            print("\(rule.id.padding(to: width))  \(severity.padding(to: 7))  \(rule.summary)")
        }
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Print a rule's documentation and examples.")

    @Argument(help: "A rule id, as printed by `activity-lint rules`.")
    var rule: String

    @OptionGroup var sources: RuleSources

    func run() throws {
        let rules = try sources.load()
        guard let (descriptor, isOff) = rules.rule(rule) else {
            let hint = RuleSuggestion.closest(to: rule, among: rules.available.map(\.id))
                .map { "did you mean `\($0)`?" } ?? "`activity-lint rules` lists them"
            Console.error("activity-lint: error: unknown rule `\(TerminalEscaping.escape(rule))`; \(hint)\n")
            throw ExitCode(ExitStatus.failure)
        }
        // The page shows the default severity, and what the configuration made of it when that differs.
        let byDefault = rules.available.first { $0.id == rule } ?? descriptor
        let configured = isOff ? "off" : descriptor.severity == byDefault.severity ? nil : descriptor.severity.rawValue
        let file = rules.configuration.file ?? "the configuration"
        print(RuleDocumentation.markdown(for: byDefault, configuredSeverity: configured.map { "\($0) (set by \(file))" }),
              terminator: "")
    }
}

extension String {
    func padding(to width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}

struct GenerateDocs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-docs", abstract: "Write the rule documentation pages (docs/rules) from the catalog.",
        shouldDisplay: false)

    @Argument(help: "The folder to write, e.g. docs/rules.")
    var directory: String

    func run() throws {
        let rules = RuleCatalog.builtIn.rules
        try FileSystem.createDirectory(directory)
        try FileSystem.write(RuleDocumentation.index(for: rules), to: directory + "/README.md")
        for rule in rules {
            try FileSystem.write(RuleDocumentation.markdown(for: rule), to: directory + "/\(rule.id).md")
        }
    }
}
