/// Report text being written, as UTF-8 bytes appended in place; a `String` is made once, when the text is handed on.
///
/// A report is thousands of small appends (a quote, a key, an indentation, a number): appending to a `String` costs
/// a few hundred instructions each, appending to a byte array a few.
struct ReportText {
    private var bytes: [UInt8] = []

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
