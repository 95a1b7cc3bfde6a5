/// One rule of the catalog as users see it: identity, default severity, documentation and examples.
public struct RuleDescriptor: Sendable, Hashable {
    /// Stable kebab-case id (`name-forbidden-character`).
    public var id: String
    /// The registered validator that implements it.
    public var validator: String
    public var severity: Severity
    /// The error AWS or the SDK returns when this rule is broken, or nil.
    public var exception: String?
    /// One line: what the rule checks.
    public var summary: String
    /// Markdown: why, sources, decisions taken.
    public var documentation: String
    /// Payloads (JSON or YAML text) this rule accepts.
    public var passingExamples: [String]
    /// Payloads this rule reports, each marking where the rule's diagnostics start.
    public var failingExamples: [RuleExample]
    /// Validator options (for parameterised validators such as custom rule packs).
    public var options: [String: RuleOption]
    /// Where the rule's documentation lives online (SARIF `helpUri`): the docs page of a built-in rule, what a
    /// rule pack gives as `help-uri`, otherwise nil (a pack rule has no page here).
    public var helpURI: String?

    public init(
        id: String, validator: String, severity: Severity, exception: String?, summary: String,
        documentation: String, passingExamples: [String] = [], failingExamples: [RuleExample] = [],
        options: [String: RuleOption] = [:], helpURI: String? = nil
    ) {
        self.id = id
        self.validator = validator
        self.severity = severity
        self.exception = exception
        self.summary = summary
        self.documentation = documentation
        self.passingExamples = passingExamples
        self.failingExamples = failingExamples
        self.options = options
        self.helpURI = helpURI
    }

    /// The page `generate-docs` writes for a built-in rule, online.
    var documentationPage: String { "\(ToolInfo.informationURI)/blob/main/docs/rules/\(id).md" }

    /// PascalCase form of the id, for SARIF `rule.name` (`NameForbiddenCharacter`).
    public var pascalCaseName: String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}

/// A validator option's value as written in a catalog or rule pack: one text or a list of texts.
public enum RuleOption: Hashable, Sendable {
    case text(String)
    case list([String])

    /// The values, whether one or many.
    public var values: [String] {
        switch self {
        case .text(let text): [text]
        case .list(let list): list
        }
    }
}
