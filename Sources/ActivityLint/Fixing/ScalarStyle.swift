/// How text may be written as a JSON or YAML scalar without changing what it reads as.
enum ScalarStyle {
    /// How a scalar's content is delimited in the file, told from the bytes around it.
    enum Style: Equatable {
        case doubleQuoted, singleQuoted, plain

        init(opening: UInt8, closing: UInt8) {
            switch (opening, closing) {
            case (UInt8(ascii: "\""), UInt8(ascii: "\"")): self = .doubleQuoted
            case (UInt8(ascii: "'"), UInt8(ascii: "'")): self = .singleQuoted
            default: self = .plain
            }
        }

        /// Whether `text` can stand in this style without escapes (a plain scalar: made of the plain-safe
        /// characters; whether the whole still reads as a string is `isPlainString`'s question).
        func admits(_ text: String) -> Bool {
            switch self {
            case .doubleQuoted: insideDoubleQuotes(text) != nil
            case .singleQuoted: insideSingleQuotes(text) != nil
            case .plain: text.unicodeScalars.allSatisfy(ScalarStyle.isPlainSafe)
            }
        }
    }
    /// The text between double quotes (JSON, or YAML's double-quoted style), or nil when it would need escapes
    /// (a fix never writes escapes: it keeps to text that reads the same everywhere).
    static func insideDoubleQuotes(_ text: String) -> String? {
        text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0 != "\"" && $0 != "\\" && $0.value != 0x7F }
            ? text : nil
    }

    /// The text between YAML single quotes, or nil when it holds a quote or a line break.
    static func insideSingleQuotes(_ text: String) -> String? {
        text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0 != "'" && $0.value != 0x7F } ? text : nil
    }

    static func doubleQuoted(_ text: String) -> String? {
        insideDoubleQuotes(text).map { "\"" + $0 + "\"" }
    }

    /// Whether `text` written plain in YAML reads back as this same string under YAML 1.2 and YAML 1.1: letters,
    /// digits and a few separators (`:` only inside), starting with a letter, and not a word that a YAML schema resolves.
    static func isPlainString(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic,
              text.unicodeScalars.allSatisfy(isPlainSafe), text.unicodeScalars.last != ":"
        else { return false }
        return !resolvedWords.contains(text.lowercased())
    }

    /// Letters, digits and `-_./=+@:`: characters that never start or end anything inside a plain scalar.
    static func isPlainSafe(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_./=+@:".unicodeScalars.contains(scalar)
    }

    /// Plain words YAML 1.2 or 1.1 reads as something other than a string.
    private static let resolvedWords: Set<String> = [
        "true", "false", "null", "yes", "no", "on", "off", "y", "n", "nan", "inf",
    ]
}
