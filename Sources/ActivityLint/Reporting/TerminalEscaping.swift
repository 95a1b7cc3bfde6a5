/// Makes user-controlled text safe to show in a terminal.
///
/// Control characters (C0, DEL, C1), the line and paragraph separators and the bidirectional formatting controls
/// (the "Trojan Source" characters) are replaced by visible escapes: `\t`, `\n`, `\r`, `\e` for ESC, otherwise
/// `\u{XXXX}`. A backslash is left as it is. Nothing that could start an ANSI escape sequence (ESC, or the C1 CSI
/// U+009B) ever reaches the terminal raw.
public enum TerminalEscaping {
    /// `text` with every unsafe scalar replaced by its escape (for messages, paths and rule ids).
    public static func escape(_ text: String) -> String {
        // Printable ASCII, nearly every path and message, is safe as it is (checked over the bytes in place: the
        // UTF-8 view's iterator costs several times more).
        let safe = text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(isPrintableASCII) }
        if safe ?? text.utf8.allSatisfy(isPrintableASCII) { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                result += escapeSequence(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isPrintableASCII(_ byte: UInt8) -> Bool { byte >= 0x20 && byte < 0x7F }

    /// Whether `scalar` must not be written to a terminal as it is.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true  // C0 controls, DEL, C1 controls (U+009B is CSI)
        case 0x2028, 0x2029: true  // line and paragraph separators
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true  // bidirectional controls
        default: false
        }
    }

    /// The visible escape for one scalar that `needsEscape`.
    static func escapeSequence(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x1B: return "\\e"
        default:
            var hex = String(scalar.value, radix: 16, uppercase: true)
            if hex.count < 4 { hex = String(repeating: "0", count: 4 - hex.count) + hex }
            return "\\u{" + hex + "}"
        }
    }

    /// How one scalar of a quoted source line is shown, and how many terminal columns that takes.
    ///
    /// A tab is shown as a single space (it is one column in our positions), other unsafe scalars as their escape;
    /// everything else as itself with its display width, so a caret line computed from the same cells lines up.
    static func sourceCell(_ scalar: Unicode.Scalar) -> (text: String, width: Int) {
        if scalar.value == 0x09 { return (" ", 1) }
        if needsEscape(scalar) {
            let escaped = escapeSequence(scalar)
            return (escaped, escaped.unicodeScalars.count)
        }
        return (String(Character(scalar)), displayWidth(scalar))
    }

    /// The number of terminal columns a printable scalar occupies: 0 for combining marks and invisible format
    /// characters, 2 for East Asian wide and full-width characters and emoji, otherwise 1 (an approximation of
    /// `wcwidth`).
    static func displayWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return 1 }  // Latin (controls never get here: they are escaped)
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return 0
        case .format: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(value) { return 0 }  // Hangul medial vowels and final consonants
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F,  // Hangul Jamo initial consonants
            0x2329...0x232A,  // angle brackets
            0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
            0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK compatibility
            0x3400...0x4DBF,  // CJK extension A
            0x4E00...0x9FFF,  // CJK unified ideographs
            0xA000...0xA4CF,  // Yi
            0xA960...0xA97F,  // Hangul Jamo extended A
            0xAC00...0xD7A3,  // Hangul syllables
            0xF900...0xFAFF,  // CJK compatibility ideographs
            0xFE10...0xFE19,  // vertical forms
            0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
            0xFF00...0xFF60,  // full-width forms
            0xFFE0...0xFFE6,
            0x16FE0...0x18CFF,  // Tangut, Khitan
            0x1B000...0x1B2FF,  // Kana supplement and extensions, Nushu
            0x1F200...0x1F2FF,  // enclosed ideographic supplement
            0x20000...0x2FFFD,  // CJK extensions B-F, compatibility supplement
            0x30000...0x3FFFD:  // CJK extensions G-H
            true
        default:
            false
        }
    }
}
