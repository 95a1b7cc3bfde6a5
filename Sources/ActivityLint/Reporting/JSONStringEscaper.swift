/// RFC 8259 string escaping for the JSON and SARIF reporters.
///
/// Besides what RFC 8259 requires (`"`, `\` and U+0000...U+001F), U+007F...U+009F and U+2028/U+2029 are escaped
/// as `\uXXXX` too, so the output is safe to embed in JavaScript and never carries raw terminal control codes.
public enum JSONStringEscaper {
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
        // Most text has nothing to escape: appended whole, not scalar by scalar.
        guard needsEscaping(text) else {
            output += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: output += "\\\""
            case 0x5C: output += "\\\\"
            case 0x08: output += "\\b"
            case 0x0C: output += "\\f"
            case 0x0A: output += "\\n"
            case 0x0D: output += "\\r"
            case 0x09: output += "\\t"
            case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: output += unicodeEscape(scalar.value)
            default: output.unicodeScalars.append(scalar)
            }
        }
    }

    /// Whether the text holds a scalar the loop in `append` escapes: a control character, `"`, `\\`, DEL, a C1
    /// control (UTF-8 C2 80 to C2 9F) or a line or paragraph separator (E2 80 A8, E2 80 A9).
    private static func needsEscaping(_ text: String) -> Bool {
        var (beforePrevious, previous): (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            switch byte {
            case 0x00...0x1F, 0x22, 0x5C, 0x7F: return true
            case 0x80...0x9F where previous == 0xC2: return true
            case 0xA8...0xA9 where previous == 0x80 && beforePrevious == 0xE2: return true
            default: (beforePrevious, previous) = (previous, byte)
            }
        }
        return false
    }

    private static let hexDigits = Array("0123456789abcdef".unicodeScalars)

    /// `\uXXXX` with four lowercase hex digits (only called for BMP values).
    private static func unicodeEscape(_ value: UInt32) -> String {
        var result = "\\u"
        for shift in stride(from: 12, through: 0, by: -4) {
            result.unicodeScalars.append(hexDigits[Int((value >> UInt32(shift)) & 0xF)])
        }
        return result
    }
}
