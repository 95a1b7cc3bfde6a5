/// Reads rule packs: YAML files of rules in the catalog's format that bind the built-in validators to a team's
/// own policy. Every problem (bad YAML, a missing id, an unknown validator, a bad option or regex, an id that is
/// already taken) is an error at its own line and column.
public enum RulePackLoader {
    public static func load(path: String, taken: Set<String>) throws(ConfigurationError) -> [RuleDescriptor] {
        let document = try YAMLDocument.load(path: path)
        guard document.root.memberValue("rules")?.elements != nil else {
            throw document.error("a rule pack needs a top-level `rules:` list", at: document.root)
        }
        let entries: [(descriptor: RuleDescriptor, position: SourcePosition)]
        do {
            entries = try CatalogFileReader.entries(in: document.source, file: path)
        } catch {
            throw ConfigurationError(file: path, position: error.position, message: error.message)
        }
        var ids = taken
        var rules: [RuleDescriptor] = []
        for (rule, position) in entries {
            guard ids.insert(rule.id).inserted else {
                throw document.error("rule id `\(rule.id)` is already taken", at: position)
            }
            guard rule.validator != ValidatorRegistry.stageValidatorName else {
                throw document.error("`\(rule.validator)` is reserved for built-in rules", at: position)
            }
            do {
                _ = try RuleEngine(rules: [rule])
            } catch {
                let known = ValidatorRegistry.builtIn.validators.keys.sorted().joined(separator: ", ")
                let hint = error.message.hasPrefix("unknown validator") ? " (known: \(known))" : ""
                throw document.error(error.message + hint, at: position)
            }
            rules.append(rule)
        }
        return rules
    }
}
