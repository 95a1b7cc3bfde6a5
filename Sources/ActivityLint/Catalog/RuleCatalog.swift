/// The rules known to this binary, compiled in from the catalog files (`Rules/*.yml`).
public struct RuleCatalog: Sendable {
    public let rules: [RuleDescriptor]

    public init(rules: [RuleDescriptor]) {
        self.rules = rules
    }

    /// The built-in catalog: Swift values the EmbedRules plugin generates from `Rules/*.yml` at build time (a
    /// malformed catalog stops the build), so a run parses no catalog at start.
    public static let builtIn = RuleCatalog(rules: builtInRuleDescriptors)

    public func rule(_ id: String) -> RuleDescriptor? {
        rules.first { $0.id == id }
    }
}
