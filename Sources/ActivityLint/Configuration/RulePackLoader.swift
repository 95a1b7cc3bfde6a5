/// Reads rule packs: YAML files of rules in the catalog's format that bind the built-in validators to a team's
/// own policy. Every problem of every rule (bad YAML, a missing id, an unknown validator, a bad option or regex, an id that is
/// already taken) is an error at its own line and column, and none quotes the file's values.
@_spi(Internals) public enum RulePackLoader {
    public static func load(path: String, taken: Set<String>) throws(ConfigurationError) -> [RuleDescriptor] {
        try load(path: path, taken: taken, namedBy: nil)
    }

    static func load(
        path: String, taken: Set<String>, namedBy reference: SettingsFile.Reference?
    ) throws(ConfigurationError) -> [RuleDescriptor] {
        let bytes = try SettingsFile.read(path, as: .rulePack, namedBy: reference)
        return try SettingsFile.within(path, namedBy: reference) { () throws(ConfigurationError) in
            try parse(bytes, path: path, taken: taken)
        }
    }

    /// A pack's rules from its bytes (`path` names it in errors).
    public static func parse(_ bytes: [UInt8], path: String, taken: Set<String>) throws(ConfigurationError) -> [RuleDescriptor] {
        let document = try YAMLDocument.parse(bytes, path: path)
        guard let list = document.root.memberValue("rules")?.elements else {
            throw document.error("a rule pack needs a top-level `rules:` list", at: document.root)
        }
        let entries: [Result<(descriptor: RuleDescriptor, position: SourcePosition), CatalogError>]
        do {
            entries = try CatalogFileReader.eachEntry(in: document.source, file: path)
        } catch {
            throw ConfigurationError(file: path, position: error.position, message: error.message)
        }
        var ids = taken
        var rules: [RuleDescriptor] = []
        var problems = ProblemList()
        for (entry, node) in zip(entries, list) {
            let rule: RuleDescriptor, position: SourcePosition
            switch entry {
            case .success(let read): (rule, position) = read
            case .failure(let error):
                problems.record(ConfigurationError(file: path, position: error.position, message: error.message))
                continue
            }
            guard ids.insert(rule.id).inserted else {
                problems.record(document.error("rule id \(Quoting.name(rule.id)) is already taken", at: position))
                continue
            }
            guard rule.validator != ValidatorRegistry.stageValidatorName else {
                problems.record(document.error("`\(rule.validator)` is reserved for built-in rules", at: position))
                continue
            }
            do {
                _ = try RuleEngine(rules: [rule])
            } catch {
                let known = ValidatorRegistry.builtIn.validators.keys.sorted().joined(separator: ", ")
                let hint = error.message.hasPrefix("unknown validator") ? " (known: \(known))" : ""
                let option = error.option.flatMap { node.memberValue("options")?.member($0) ?? node.member($0) }
                problems.record(document.error("rule \(Quoting.name(rule.id)): " + error.message + hint,
                                               at: option?.value.range.start ?? position))
                continue
            }
            rules.append(rule)
        }
        try problems.check()
        return rules
    }
}
