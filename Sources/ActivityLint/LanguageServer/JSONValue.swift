/// A JSON value as the language server reads and writes it: protocol messages, not linted documents.
///
/// Parsing goes through the project's strict `JSONParser` (so hostile input is bounded as it is for requests);
/// objects keep their members in order, so what the server writes is deterministic.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// An integer that fits in 64 bits.
    case integer(Int)
    /// Any other number, kept as written.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// The value of member `key` (the last one, as JSON parsers keep), or nil.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.0 == key }?.1
    }

    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    public var integer: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var array: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    public var isObject: Bool {
        if case .object = self { return true }
        return false
    }
}

extension JSONValue {
    /// Why a text is not one JSON value.
    public struct ParseError: Error, Sendable {
        public var message: String
    }

    /// Parses one JSON value; nesting deeper than `maxDepth` is an error, not a crash.
    public static func parse(_ bytes: [UInt8], maxDepth: Int = 64) throws(ParseError) -> JSONValue {
        let source = SourceText(bytes: bytes)
        // The parser reads UTF-8 text only; anything else is refused as the linter refuses it.
        if let problem = EncodingCheck.check(source).problem {
            throw ParseError(message: problem == .empty ? "no JSON value" : "the message is not UTF-8 JSON text")
        }
        var parsed = JSONParser.parse(source, limits: ParseLimits(maxDepth: maxDepth, maxFileSize: Int.max))
        defer { parsed.releaseDocuments() }
        // Duplicate keys are findings too, but the document stands (the last member wins).
        if let problem = parsed.findings.first(where: { $0.ruleID != "duplicate-key" }) {
            throw ParseError(message: "\(problem.range.start): \(problem.message)")
        }
        guard let root = parsed.documents.first else { throw ParseError(message: "no JSON value") }
        return JSONValue(root)
    }

    /// The protocol's view of a parsed node (depth is bounded by the parser's limit).
    init(_ node: Node) {
        switch node.value {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .number(let number): self = number.integer.map(JSONValue.integer) ?? .number(number.literal)
        case .string(let text): self = .string(text.text)
        case .array(let elements): self = .array(elements.map(JSONValue.init))
        case .object(let members): self = .object(members.map { ($0.key.text, JSONValue($0.value)) })
        }
    }

    /// Compact JSON text (no white space), as sent on the wire.
    public var serialized: String {
        var output = ""
        write(to: &output)
        return output
    }

    func write(to output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .integer(let value): output += String(value)
        case .number(let literal): output += literal
        case .string(let text):
            output += "\""
            JSONStringEscaper.append(text, to: &output)
            output += "\""
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                element.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output += "," }
                output += "\""
                JSONStringEscaper.append(key, to: &output)
                output += "\":"
                value.write(to: &output)
            }
            output += "}"
        }
    }
}
