/// How text may be written as a JSON or YAML scalar without changing what it reads as.
enum ScalarStyle {
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
              text.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0)
                  || "-_./=+@:".unicodeScalars.contains($0) }),
              text.unicodeScalars.last != ":"
        else { return false }
        return !resolvedWords.contains(text.lowercased())
    }

    /// Plain words YAML 1.2 or 1.1 reads as something other than a string.
    private static let resolvedWords: Set<String> = [
        "true", "false", "null", "yes", "no", "on", "off", "y", "n", "nan", "inf",
    ]
}
