/// Report text being written, as UTF-8 bytes appended in place; a `String` is made once, when the text is handed on.
///
/// A report is thousands of small appends (a quote, a key, an indentation, a number): appending to a `String` costs
/// a few hundred instructions each, appending to a byte array a few.
struct ReportText {
    private(set) var bytes: [UInt8] = []

    var isEmpty: Bool { bytes.isEmpty }
    var count: Int { bytes.count }

    /// The text so far.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    mutating func append(bytes more: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: more)
    }

    /// A decimal integer, as `String(value)` spells it.
    mutating func append(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        // At most 20 digits; written backwards into a fixed buffer, then copied in order.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// Two spaces per level.
    mutating func indent(_ level: Int) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    /// Starts over, keeping the buffer.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// Hands the text so far to `sink` and starts over.
    mutating func flush(to sink: (String) -> Void) {
        sink(string)
        removeAll()
    }
}

/// How reports lay out JSON (`json.dumps(indent=2)` style), one container at a time: `ReportJSON` writes its trees
/// with it, and a reporter that knows its output's shape writes objects with it directly, without a tree.
struct JSONContainerText {
    /// `{` and `}`, or `[` and `]`.
    private let close: UInt8
    /// How deep the container stands.
    private let indent: Int
    private(set) var isEmpty = true

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
        text.append(byte: UInt8(ascii: "\""))
        JSONStringEscaper.append(key, to: &text)
        text.append("\": ")
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

extension ReportText {
    /// A JSON string literal.
    mutating func append(quoted string: String) {
        append(byte: UInt8(ascii: "\""))
        JSONStringEscaper.append(string, to: &self)
        append(byte: UInt8(ascii: "\""))
    }

    /// A JSON string literal, or `null`.
    mutating func append(quotedOrNull string: String?) {
        if let string { append(quoted: string) } else { append("null") }
    }
}
