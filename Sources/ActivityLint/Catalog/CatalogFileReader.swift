/// Reads rule descriptors from catalog YAML:
///
/// ```yaml
/// rules:
///   - id: name-length
///     validator: name-length
///     severity: error
///     exception: ValidationException
///     summary: One line.
///     docs: |
///       Markdown.
///     examples:
///       pass: ['{"name": "ok"}']
///       fail:
///         - '{"name": ↓""}'
///         - text: '{"↓Name": "ok"}'
///           fixed: '{"name": "ok"}'
/// ```
///
/// A failing example is a string, or a mapping with the `text` and the `fixed` text after this rule's fix
/// (`RuleExample`); a passing example is a string.
/// Rule packs use the same format, with `message` and `field` for their parameterised validators.
enum CatalogFileReader {
    static func rules(in text: String, file: String) throws(CatalogError) -> [RuleDescriptor] {
        try entries(in: SourceText(text), file: file).map(\.descriptor)
    }

    /// Each rule with the position of its entry, for errors found later (an unknown validator, a bad option).
    static func entries(in source: SourceText, file: String) throws(CatalogError) -> [(descriptor: RuleDescriptor, position: SourcePosition)] {
        try eachEntry(in: source, file: file).map { entry throws(CatalogError) in try entry.get() }
    }

    /// Each entry of the `rules:` list, read or with its own problem, so a pack's mistakes are reported together.
    static func eachEntry(
        in source: SourceText, file: String
    ) throws(CatalogError) -> [Result<(descriptor: RuleDescriptor, position: SourcePosition), CatalogError>] {
        let parsed = YAMLLoader.load(source)
        if let problem = parsed.findings.first(where: { $0.ruleID != "yaml-1-1-ambiguity" }) {
            throw CatalogError(file: file, position: problem.range.start, message: problem.message)
        }
        guard let root = parsed.documents.first, let list = root.memberValue("rules")?.elements else {
            throw CatalogError(file: file, position: .start, message: "expected a top-level `rules:` list")
        }
        return list.map { node in
            do throws(CatalogError) {
                return .success((try descriptor(node, file: file), node.range.start))
            } catch {
                return .failure(error)
            }
        }
    }

    static let entryKeys = [
        "id", "validator", "severity", "exception", "summary", "docs", "examples", "options", "message", "field",
        "help-uri",
    ]

    static let exampleKeys = ["text", "fixed"]

    private static func descriptor(_ node: Node, file: String) throws(CatalogError) -> RuleDescriptor {
        func fail(_ message: String, _ at: Node) -> CatalogError {
            CatalogError(file: file, position: at.range.start, message: message)
        }
        func text(_ key: String, required: Bool = true) throws(CatalogError) -> String? {
            guard let member = node.member(key) else {
                if required { throw fail("rule is missing `\(key)`", node) }
                return nil
            }
            guard let string = member.value.string?.text else { throw fail("`\(key)` must be a string", member.value) }
            return string
        }
        func examples(_ key: String) throws(CatalogError) -> [Node] {
            guard let list = node.memberValue("examples")?.memberValue(key) else { return [] }
            guard let items = list.elements else { throw fail("`examples.\(key)` must be a list", list) }
            return items.array
        }
        func passingExample(_ item: Node) throws(CatalogError) -> String {
            guard let string = item.string?.text else { throw fail("a passing example must be a string", item) }
            return string
        }
        func failingExample(_ item: Node) throws(CatalogError) -> RuleExample {
            if let string = item.string?.text { return RuleExample(string) }
            guard let members = item.members else {
                throw fail("a failing example must be a string or a mapping with `text` and `fixed`", item)
            }
            if let unknown = members.first(where: { !exampleKeys.contains($0.key.text) }) {
                let hint = MemberSuggestion.closest(to: unknown.key.text, among: exampleKeys).map { "; did you mean `\($0)`?" } ?? ""
                throw CatalogError(file: file, position: unknown.keyRange.start,
                                   message: "unknown key \(Quoting.name(unknown.key.text)) in an example\(hint)")
            }
            func string(_ key: String) throws(CatalogError) -> String? {
                guard let member = item.member(key) else { return nil }
                guard let string = member.value.string?.text else { throw fail("`\(key)` must be a string", member.value) }
                return string
            }
            guard let text = try string("text") else { throw fail("an example mapping needs `text`", item) }
            return RuleExample(text, fixed: try string("fixed"))
        }
        guard let members = node.members else { throw fail("each rule must be a mapping", node) }
        if let unknown = members.first(where: { !entryKeys.contains($0.key.text) }) {
            let hint = MemberSuggestion.closest(to: unknown.key.text, among: entryKeys).map { "; did you mean `\($0)`?" }
                ?? "; validator options go under `options:`"
            throw CatalogError(file: file, position: unknown.keyRange.start,
                               message: "unknown key \(Quoting.name(unknown.key.text)) in a rule\(hint)")
        }
        let id = try text("id")!
        let severityText = try text("severity")!
        guard let severity = Severity(rawValue: severityText) else {
            throw fail("severity must be error, warning or info, not \(Quoting.name(severityText))", node.member("severity")!.value)
        }
        var options: [String: RuleOption] = [:]
        for member in node.memberValue("options")?.members ?? [] {
            if let items = member.value.elements {
                options[member.key.text] = .list(items.map(scalarText))
            } else {
                options[member.key.text] = .text(scalarText(member.value))
            }
        }
        // A rule pack's `message` and `field` are options of its validator.
        for key in ["message", "field"] {
            if let value = try text(key, required: false) { options[key] = .text(value) }
        }
        guard let summary = try text("summary", required: false) ?? options["message"]?.values.first else {
            throw fail("rule \(Quoting.name(id)) needs a `summary` or a `message`", node)
        }
        return RuleDescriptor(
            id: id,
            validator: try text("validator", required: false) ?? id,
            severity: severity,
            exception: try text("exception", required: false),
            summary: summary,
            documentation: try text("docs", required: false) ?? "",
            passingExamples: try examples("pass").map { item throws(CatalogError) in try passingExample(item) },
            failingExamples: try examples("fail").map { item throws(CatalogError) in try failingExample(item) },
            options: options,
            helpURI: try text("help-uri", required: false)
        )
    }

    private static func scalarText(_ node: Node) -> String {
        switch node.value {
        case .string(let string): string.text
        case .number(let number): number.literal
        case .bool(let bool): String(bool)
        default: ""
        }
    }
}
