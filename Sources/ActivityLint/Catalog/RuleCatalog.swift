/// The rules known to this binary, read from the catalog files embedded at build time (`Rules/*.yml`).
public struct RuleCatalog: Sendable {
    public let rules: [RuleDescriptor]

    public init(rules: [RuleDescriptor]) {
        self.rules = rules
    }

    /// The built-in catalog. A malformed embedded catalog is a build defect, caught by the catalog tests.
    public static let builtIn: RuleCatalog = {
        do {
            let rules = try embeddedRuleFiles.flatMap { try CatalogFileReader.rules(in: $0.text, file: $0.name) }
            return RuleCatalog(rules: rules.map { rule in
                var rule = rule
                rule.helpURI = rule.helpURI ?? rule.documentationPage
                return rule
            })
        } catch {
            fatalError("embedded rule catalog is invalid: \(error)")
        }
    }()

    public func rule(_ id: String) -> RuleDescriptor? {
        rules.first { $0.id == id }
    }
}

/// A catalog or rule-pack file that does not describe rules properly.
public struct CatalogError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var position: SourcePosition
    public var message: String

    public var description: String { "\(file):\(position.line):\(position.column): \(message)" }
}
