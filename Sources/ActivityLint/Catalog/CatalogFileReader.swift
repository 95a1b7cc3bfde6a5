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
///       fail: ['{"name": ""}']
/// ```
enum CatalogFileReader {
    static func rules(in text: String, file: String) throws(CatalogError) -> [RuleDescriptor] {
        let parsed = YAMLLoader.load(SourceText(text))
        if let problem = parsed.findings.first(where: { $0.ruleID != "yaml-1-1-ambiguity" }) {
            throw CatalogError(file: file, position: problem.range.start, message: problem.message)
        }
        guard let root = parsed.documents.first, let list = root.member("rules")?.value.elements else {
            throw CatalogError(file: file, position: .start, message: "expected a top-level `rules:` list")
        }
        return try list.map { node throws(CatalogError) in try descriptor(node, file: file) }
    }

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
        func examples(_ key: String) throws(CatalogError) -> [String] {
            guard let list = node.member("examples")?.value.member(key)?.value else { return [] }
            guard let items = list.elements else { throw fail("`examples.\(key)` must be a list", list) }
            return try items.map { item throws(CatalogError) in
                guard let string = item.string?.text else { throw fail("an example must be a string", item) }
                return string
            }
        }
        guard node.members != nil else { throw fail("each rule must be a mapping", node) }
        let id = try text("id")!
        let severityText = try text("severity")!
        guard let severity = Severity(rawValue: severityText) else {
            throw fail("severity must be error, warning or info, not \"\(severityText)\"", node.member("severity")!.value)
        }
        var options: [String: String] = [:]
        for member in node.member("options")?.value.members ?? [] {
            options[member.key.text] = member.value.string?.text ?? scalarText(member.value)
        }
        return RuleDescriptor(
            id: id,
            validator: try text("validator", required: false) ?? id,
            severity: severity,
            exception: try text("exception", required: false),
            summary: try text("summary")!,
            documentation: try text("docs", required: false) ?? "",
            passingExamples: try examples("pass"),
            failingExamples: try examples("fail"),
            options: options
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
