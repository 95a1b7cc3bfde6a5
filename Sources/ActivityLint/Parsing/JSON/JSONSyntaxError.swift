/// A syntax problem that stops parsing, located by byte offsets; the parser turns it into a `Finding`.
struct JSONSyntaxError: Error {
    var ruleID = "syntax-error"
    var message: String
    /// The offending bytes `[start, end)`; an empty range at the end of input.
    var start: Int
    var end: Int
    /// Whether the finding's pointer is that of the value being opened rather than of its container.
    var pointsAtNewValue = false
    /// Where the construct the error is about begins (the unclosed object, the unterminated string), and what it is.
    var related: (offset: Int, message: String)?

    init(_ message: String, start: Int, end: Int) {
        self.message = message
        self.start = start
        self.end = end
    }
}

/// Small text helpers for messages.
enum JSONText {
    /// The value of a hexadecimal digit, for `\u` escapes in JSON and HCL strings.
    @inline(__always) static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    static func hexByte(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count < 2 ? "0" + digits : digits)
    }

    /// `U+0009`, `U+1F600`.
    static func codePointName(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    @inline(__always) static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            true
        default: false
        }
    }

    /// A key or string quoted for a message, with control, invisible and bidirectional characters and lone
    /// surrogates escaped, and long text shortened.
    static func quoted(_ string: StringValue, limit: Int = 60) -> String {
        var result = "\""
        for (index, value) in string.codePoints.enumerated() {
            if index == limit {
                result += "…"
                break
            }
            switch value {
            case 0x22: result += "\\\""
            case 0x5C: result += "\\\\"
            case 0x0A: result += "\\n"
            case 0x09: result += "\\t"
            case 0x0D: result += "\\r"
            case 0x00...0x1F, 0x7F...0x9F, 0xAD, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x206F, 0xD800...0xDFFF,
                0xFEFF:
                let digits = String(value, radix: 16, uppercase: false)
                result += "\\u" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
            default:
                if let scalar = Unicode.Scalar(value) { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }
}
