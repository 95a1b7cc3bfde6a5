/// Which configuration a run used and what it turned off, so that a pull request that switches rules off or
/// excludes files cannot do so unseen: every report says it.
public struct ConfigurationSummary: Sendable, Equatable {
    /// The configuration file (as reported, repository-relative), or nil for the built-in defaults.
    public var file: String?
    /// Rule ids the configuration turned off, in catalog order.
    public var rulesOff: [String] = []
    /// Rule ids whose findings failed the run by default and that the configuration lowered below `fail-on`.
    public var rulesLowered: [String] = []
    /// How many rules were in force before the configuration applied.
    public var rulesAvailable = 0
    /// Files found (or named) that `include`/`exclude` kept from being linted.
    public var excludedFiles = 0

    public init() {}

    /// Whether the configuration leaves no rule in force.
    public var turnsEveryRuleOff: Bool { rulesAvailable > 0 && rulesOff.count >= rulesAvailable }

    /// Whether anything was turned off or kept out: what a GitHub notice points out.
    public var turnsSomethingOff: Bool { !rulesOff.isEmpty || !rulesLowered.isEmpty || excludedFiles > 0 }

    /// One line for people: `Configuration: .activity-lint.yml (2 rules off: a, b; 14 files excluded)`.
    public var sentence: String {
        guard let file else { return "Configuration: none (every built-in rule at its default severity)" }
        var parts: [String] = []
        if turnsEveryRuleOff {
            parts.append("every rule is off, so nothing was checked")
        } else if !rulesOff.isEmpty {
            let shown = rulesOff.prefix(5).joined(separator: ", ") + (rulesOff.count > 5 ? ", …" : "")
            parts.append("\(rulesOff.count) rule\(rulesOff.count == 1 ? "" : "s") off: \(shown)")
        }
        if !rulesLowered.isEmpty {
            let shown = rulesLowered.prefix(5).joined(separator: ", ") + (rulesLowered.count > 5 ? ", …" : "")
            parts.append("\(rulesLowered.count) rule\(rulesLowered.count == 1 ? "" : "s") no longer failing the run: \(shown)")
        }
        if excludedFiles > 0 { parts.append("\(excludedFiles) file\(excludedFiles == 1 ? "" : "s") excluded") }
        return "Configuration: \(file)" + (parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")")
    }
}
