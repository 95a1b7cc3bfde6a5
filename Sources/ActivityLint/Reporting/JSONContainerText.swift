/// How reports lay out JSON (`json.dumps(indent=2)` style), one container at a time: `ReportJSON` writes its trees
/// with it, and a reporter that knows its output's shape writes objects with it directly, without a tree.
struct JSONContainerText {
    /// `{` and `}`, or `[` and `]`.
    private let close: UInt8
    /// How deep the container stands.
    private let indent: Int
    private var isEmpty = true

    /// Opens an object or array at depth `indent`.
    init(object: Bool, indent: Int, in text: inout ReportText) {
        text.append(byte: object ? UInt8(ascii: "{") : UInt8(ascii: "["))
        close = object ? UInt8(ascii: "}") : UInt8(ascii: "]")
        self.indent = indent
    }

    /// Starts the next element of an array; its value follows.
    mutating func nextElement(in text: inout ReportText) {
        text.append(isEmpty ? "\n" : ",\n")
        text.indent(indent + 1)
        isEmpty = false
    }

    /// Starts the member `key` of an object (a key that needs no escape); its value follows.
    mutating func key(_ key: StaticString, in text: inout ReportText) {
        nextElement(in: &text)
        text.append(byte: UInt8(ascii: "\""))
        text.append(key)
        text.append("\": ")
    }

    /// Starts the member `key` of an object, escaping the key; its value follows.
    mutating func key(escaping key: String, in text: inout ReportText) {
        nextElement(in: &text)
        text.append(quoted: key)
        text.append(": ")
    }

    /// The member `key` with a number.
    mutating func member(_ key: StaticString, _ value: Int, in text: inout ReportText) {
        self.key(key, in: &text)
        text.append(value)
    }

    /// The member `key` with a string, or `null` for nil.
    mutating func member(_ key: StaticString, quoting value: String?, in text: inout ReportText) {
        self.key(key, in: &text)
        text.append(quotedOrNull: value)
    }

    func end(in text: inout ReportText) {
        if !isEmpty {
            text.append(byte: UInt8(ascii: "\n"))
            text.indent(indent)
        }
        text.append(byte: close)
    }
}
