/// What `.activity-lint.yml` (and the files it extends) says: which rules run at which severity, which files are
/// linted, which rule packs are added, and which severity fails the run.
public struct Configuration: Sendable {
    /// Rule ids turned off.
    public var disabled: Set<String> = []
    /// Severity overrides by rule id.
    public var severities: [String: Severity] = [:]
    /// When not empty, only files matching one of these are linted.
    @_spi(Internals) public var include: [Glob] = []
    /// Files matching one of these are not linted.
    @_spi(Internals) public var exclude: [Glob] = []
    /// The lowest severity that makes the run exit 1.
    public var failOn: Severity = .error
    /// Rule pack files (absolute or relative to the working directory).
    public var rulePacks: [String] = []
    /// Where the configuration names each rule pack, for errors about the pack file itself.
    var rulePackReferences: [String: SettingsFile.Reference] = [:]
    /// The folder that `include` and `exclude` are relative to.
    public var baseDirectory: String = "."
    /// The configuration file, or nil for the defaults.
    public var file: String?
    /// Where each rule id was named, so unknown ids can be reported at their place.
    var ruleReferences: [(id: String, file: String, position: SourcePosition)] = []

    public init() {}

    /// Applies `disable`/`severity` to a rule list.
    public func apply(to rules: [RuleDescriptor]) -> [RuleDescriptor] {
        rules.compactMap { rule in
            guard !disabled.contains(rule.id) else { return nil }
            var rule = rule
            if let severity = severities[rule.id] { rule.severity = severity }
            return rule
        }
    }

    /// Whether `include` or `exclude` can turn a file away at all.
    public var filtersPaths: Bool { !include.isEmpty || !exclude.isEmpty }

    /// Whether a file is linted, given its path relative to `baseDirectory`.
    public func admits(relativePath: String) -> Bool {
        if exclude.contains(where: { $0.matches(relativePath) }) { return false }
        return include.isEmpty || include.contains { $0.matches(relativePath) }
    }

    /// Rule ids the configuration names that are not in `known`, with their place.
    public func unknownRuleReferences(known: Set<String>) -> [ConfigurationError] {
        ruleReferences.filter { !known.contains($0.id) }.map {
            ConfigurationError(file: $0.file, position: $0.position, message: "unknown rule \(Quoting.name($0.id))"
                + (RuleSuggestion.closest(to: $0.id, among: known).map { "; did you mean `\($0)`?" }
                    ?? "; `activity-lint rules` lists the rules"))
        }
    }
}

/// A configuration or rule pack that cannot be used: reported with its own position, exit status 2. One error
/// stands for every problem a run found (`more` holds the others), so a user fixes them all in one go.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var position: SourcePosition?
    public var message: String
    /// The problems found after this one, in the order they were met.
    public var more: [ConfigurationError] = []

    public init(file: String, position: SourcePosition?, message: String) {
        self.file = file
        self.position = position
        self.message = message
    }

    /// This problem and those in `more`, each on its own.
    public var all: [ConfigurationError] {
        var first = self
        first.more = []
        return [first] + more.flatMap(\.all)
    }

    /// The most problems told: a 1 MiB file of mistakes must not print a quarter of a million lines.
    public static let shownLimit = 100

    /// The problems to tell: the first `shownLimit`, then one that counts the rest.
    public var shown: [ConfigurationError] {
        let all = self.all
        guard all.count > Self.shownLimit else { return all }
        let rest = ConfigurationError(file: all[Self.shownLimit - 1].file, position: nil,
                                      message: "\(all.count - Self.shownLimit) more problems not shown; fix these and run again")
        return all.prefix(Self.shownLimit) + [rest]
    }

    /// One line a problem, as `shown`.
    public var description: String {
        shown.map { problem in
            guard let position = problem.position else { return "\(problem.file): error: \(problem.message)" }
            return "\(problem.file):\(position.line):\(position.column): error: \(problem.message)"
        }.joined(separator: "\n")
    }
}
