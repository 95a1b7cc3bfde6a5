// FoundationEssentials where it exists: full Foundation would link ICU's data into the binary (tens of MB).
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension LintRun {
    /// The rules a run knows and what the configuration makes of them: what `rules` and `explain` show, and what
    /// a lint run uses.
    public struct Rules: Sendable {
        public var configuration: Configuration
        /// The built-in rules, then each rule pack's, at their default severities.
        public var available: [RuleDescriptor]
        /// The rule pack files read, as named.
        var packFiles: [String]

        /// The rule as configured (its severity set), nil when unknown; `isOff` when the configuration turns it off.
        public func rule(_ id: String) -> (descriptor: RuleDescriptor, isOff: Bool)? {
            guard var rule = available.first(where: { $0.id == id }) else { return nil }
            if let severity = configuration.severities[id] { rule.severity = severity }
            return (rule, configuration.disabled.contains(id))
        }
    }

    /// Reads the configuration and every rule pack, and checks the rule ids they name. Every problem of all of
    /// them is thrown together, so one run shows a user everything to fix.
    public func loadRules() throws(ConfigurationError) -> Rules {
        var problems = ProblemList()
        let configuration = loadConfiguration(problems: &problems)
        let available = LintContext.availableRules(for: configuration, rulePacks: rulePacks, problems: &problems)
        try problems.check()
        return Rules(configuration: configuration, available: available.rules, packFiles: available.packFiles)
    }

    private func loadConfiguration(problems: inout ProblemList) -> Configuration {
        if ignoreConfiguration { return Configuration() }
        if let configurationPath {
            guard FileManager.default.fileExists(atPath: configurationPath) else {
                problems.record(ConfigurationError(file: configurationPath, position: nil, message: "configuration file does not exist"))
                return Configuration()
            }
            return ConfigurationLoader.load(path: configurationPath, namedBy: .flag("--config"), problems: &problems)
        }
        guard let found = ConfigurationLoader.find(from: PathText.currentDirectory) else { return Configuration() }
        return ConfigurationLoader.load(path: found, namedBy: nil, problems: &problems)
    }
}
