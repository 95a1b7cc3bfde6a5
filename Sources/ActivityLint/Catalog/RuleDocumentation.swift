/// Renders a rule's catalog entry as Markdown: the same text for `activity-lint explain` and `docs/rules/`.
public enum RuleDocumentation {
    /// `configuredSeverity` tells what a configuration made of the rule (`off (set by .activity-lint.yml)`).
    public static func markdown(for rule: RuleDescriptor, configuredSeverity: String? = nil) -> String {
        var text = "# \(rule.id)\n\n\(rule.summary)\n\n"
        text += "- Severity: " + (configuredSeverity.map { "\($0); \(rule.severity.rawValue) by default" } ?? rule.severity.rawValue) + "\n"
        text += "- AWS or SDK answer: " + (rule.exception.map { "`\($0)`" } ?? "none (advice, not a refusal)") + "\n\n"
        if !rule.documentation.isEmpty {
            text += rule.documentation.hasSuffix("\n") ? rule.documentation : rule.documentation + "\n"
            text += "\n"
        }
        text += reported(rule.failingExamples)
        text += accepted(rule.passingExamples)
        return text
    }

    /// The index page listing every rule.
    public static func index(for rules: [RuleDescriptor]) -> String {
        var text = "# Rules\n\nGenerated from `Rules/*.yml` by `activity-lint generate-docs docs/rules`; do not edit.\n\n"
        text += "| Rule | Severity | AWS or SDK answer | Checks |\n|---|---|---|---|\n"
        for rule in rules {
            text += "| [\(rule.id)](\(rule.id).md) | \(rule.severity.rawValue) | \(rule.exception ?? "") | \(rule.summary) |\n"
        }
        return text
    }

    private static func reported(_ examples: [RuleExample]) -> String {
        guard !examples.isEmpty else { return "" }
        var text = "## Reported\n\n`\(RuleExample.marker)` marks where each diagnostic starts; it is not part of the text.\n\n"
        for example in examples {
            text += codeBlock(example.markedText, language: language(of: example.text))
            if let fixed = example.fixed {
                text += "After the fix:\n\n" + codeBlock(fixed, language: language(of: fixed))
            }
        }
        return text
    }

    private static func accepted(_ payloads: [String]) -> String {
        guard !payloads.isEmpty else { return "" }
        return "## Accepted\n\n" + payloads.map { codeBlock($0, language: language(of: $0)) }.joined()
    }

    private static func language(of payload: String) -> String {
        payload.first == "{" || payload.first == "[" ? "json" : "yaml"
    }

    private static func codeBlock(_ payload: String, language: String) -> String {
        let body = payload.hasSuffix("\n") ? payload : payload + "\n"
        return "```\(language)\n\(body)```\n\n"
    }
}
