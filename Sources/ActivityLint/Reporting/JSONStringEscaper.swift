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
    /// not scalar by scalar: most text is one such run. The scan reads UTF-8 bytes: every escaped scalar but the
    /// C1 controls (C2 80...C2 9F) and U+2028/U+2029 (E2 80 A8/A9) is one ASCII byte.
    static func append(_ text: String, to output: inout String) {
        guard let escapes = text.utf8.withContiguousStorageIfAvailable(escapedScalars) else {
            // A bridged string without contiguous UTF-8: a native copy has it.
            var native = text
            native.makeContiguousUTF8()
            return append(native, to: &output)
        }
        // Offsets become indices of the scalar view: an escaped scalar can start a grapheme cluster (`"` then a
        // combining accent), so the runs are cut between scalars, not characters.
        let scalars = text.unicodeScalars
        let utf8 = text.utf8
        var run = utf8.startIndex
        for (offset, width, value) in escapes {
            let start = utf8.index(utf8.startIndex, offsetBy: offset)
            output += Substring(scalars[run..<start])
            output += value == 0x22 ? "\\\"" : value == 0x5C ? "\\\\" : controlEscape(value)
            run = utf8.index(start, offsetBy: width)
        }
        output += Substring(scalars[run...])
    }

    /// Where the scalars that need an escape are: their byte offset, width in bytes and value, in order.
    private static func escapedScalars(_ bytes: UnsafeBufferPointer<UInt8>) -> [(offset: Int, width: Int, value: UInt32)] {
        var found: [(offset: Int, width: Int, value: UInt32)] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F {
                found.append((index, 1, UInt32(byte)))
            } else if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
                found.append((index, 2, UInt32(bytes[index + 1])))
                index += 1
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
            {
                found.append((index, 3, 0x2000 + UInt32(bytes[index + 2] - 0x80)))
                index += 2
            }
            index += 1
        }
        return found
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
