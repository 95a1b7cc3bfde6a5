import ActivityLint
import ArgumentParser

struct ListRules: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule.")

    func run() throws {
        let rules = RuleCatalog.builtIn.rules
        let width = rules.map(\.id.count).max() ?? 0
        for rule in rules {
            let id = rule.id.padding(to: width)
            print("\(id)  \(rule.severity.rawValue.padding(to: 7))  \(rule.summary)")
        }
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print a rule's documentation and examples.")

    @Argument(help: "A rule id, as printed by `activity-lint rules`.")
    var rule: String

    func run() throws {
        guard let descriptor = RuleCatalog.builtIn.rule(rule) else {
            throw ValidationError("unknown rule `\(rule)`; `activity-lint rules` lists them")
        }
        print(RuleDocumentation.markdown(for: descriptor), terminator: "")
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
