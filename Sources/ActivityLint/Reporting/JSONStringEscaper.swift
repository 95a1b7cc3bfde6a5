/// RFC 8259 string escaping for the JSON and SARIF reporters.
///
/// Besides what RFC 8259 requires (`"`, `\` and U+0000...U+001F), U+007F...U+009F and U+2028/U+2029 are escaped
/// as `\uXXXX` too, so the output is safe to embed in JavaScript and never carries raw terminal control codes.
@_spi(Internals) public enum JSONStringEscaper {
    /// The escaped content of a JSON string, without the surrounding quotes.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        append(text, to: &result)
        return result
    }

    /// A complete JSON string literal: `"` + escaped content + `"`.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        append(text, to: &result)
        result += "\""
        return result
    }

    /// Appends the escaped content of `text` to `output`.
    static func append(_ text: String, to output: inout String) {
        var escaped = ReportText()
        append(text, to: &escaped)
        output += escaped.string
    }

    /// Appends the escaped content of `text` to `output`. Runs of bytes that need no escape are copied whole: most
    /// text is one such run. Every escaped scalar but the C1 controls (C2 80...C2 9F) and U+2028/U+2029
    /// (E2 80 A8/A9) is one ASCII byte, so the scan reads bytes and never cuts a multi-byte scalar.
    static func append(_ text: String, to output: inout ReportText) {
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var width = 0
                var value = UInt32(byte)
                if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F {
                    width = 1
                } else if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
                    width = 2
                    value = UInt32(bytes[index + 1])
                } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                    bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
                {
                    width = 3
                    value = 0x2000 + UInt32(bytes[index + 2] - 0x80)
                }
                guard width > 0 else {
                    index += 1
                    continue
                }
                output.append(bytes: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                output.append(value == 0x22 ? "\\\"" : value == 0x5C ? "\\\\" : controlEscape(value))
                index += width
                run = index
            }
            output.append(bytes: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".unicodeScalars)

    /// How JSON writes a control character: its two-character escape (`\n`) where it has one, else `\uXXXX`.
    static func controlEscape(_ value: UInt32) -> String {
        switch value {
        case 0x08: "\\b"
        case 0x09: "\\t"
        case 0x0A: "\\n"
        case 0x0C: "\\f"
        case 0x0D: "\\r"
        default: unicodeEscape(value)
        }
    }

    /// `\uXXXX` with four lowercase hex digits (only called for BMP values).
    private static func unicodeEscape(_ value: UInt32) -> String {
        var result = "\\u"
        for shift in stride(from: 12, through: 0, by: -4) {
            result.unicodeScalars.append(hexDigits[Int((value >> UInt32(shift)) & 0xF)])
        }
        return result
    }
}
