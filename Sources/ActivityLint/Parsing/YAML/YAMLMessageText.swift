/// Makes source text safe to put in a message: control characters, line and paragraph separators,
/// bidirectional overrides and other invisible format characters show as `U+XXXX`, and long text is cut.
enum YAMLMessageText {
    static func quoted(_ text: String, limit: Int = 60) -> String {
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                result += "…"
                break
            }
            count += 1
            if isUnsafe(scalar.value) {
                result += codePoint(scalar.value)
            } else if scalar == "\"" || scalar == "\\" {
                result.unicodeScalars.append("\\")
                result.unicodeScalars.append(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Text from libyaml (problem and context descriptions), with any unsafe character spelled out.
    static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0.value) }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar.value) {
                result += codePoint(scalar.value)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `U+0009`, `U+1F600`.
    static func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    static func isUnsafe(_ value: UInt32) -> Bool {
        switch value {
        case 0..<0x20, 0x7F...0x9F, 0xAD, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x206F, 0xFEFF, 0xFFF9...0xFFFB,
            0xD800...0xDFFF:
            return true
        default:
            return false
        }
    }
}
