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

    /// Appends the escaped content of `text` to `output`. Runs of scalars that need no escape are appended whole,
    /// not scalar by scalar: most text is one such run.
    static func append(_ text: String, to output: inout String) {
        let scalars = text.unicodeScalars
        var run = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let value = scalars[index].value
            let escaped: String
            switch value {
            case 0x22: escaped = "\\\""
            case 0x5C: escaped = "\\\\"
            case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: escaped = controlEscape(value)
            default:
                scalars.formIndex(after: &index)
                continue
            }
            output += Substring(scalars[run..<index])
            output += escaped
            scalars.formIndex(after: &index)
            run = index
        }
        output += Substring(scalars[run...])
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
