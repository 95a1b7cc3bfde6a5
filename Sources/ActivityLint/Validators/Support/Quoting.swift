/// Quotes user text inside messages. Messages are escaped again by each reporter for its medium;
/// this only keeps them short and unambiguous.
enum Quoting {
    static let maximumLength = 60

    /// `"text"` shortened in the middle when long.
    static func code(_ text: String) -> String {
        "\"" + short(text) + "\""
    }

    /// `` `name` `` when the text is a plain name (letters, digits, `-`, `_`, `.`, `:`; at most 64), as keys, rule ids
    /// and option names are; anything else is not shown. For messages about settings files, which must not quote
    /// what a file holds when it is not a configuration at all.
    static func name(_ text: String) -> String {
        isPlainName(text) ? "`\(text)`" : "(a name that is not shown: not a plain name)"
    }

    static func isPlainName(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 64 && text.utf8.allSatisfy(plainNameCharacters.contains)
    }

    static let plainNameCharacters = ASCIISet { ("0"..."9").contains($0) || ("a"..."z").contains($0)
        || ("A"..."Z").contains($0) || "-_.:".unicodeScalars.contains($0) }

    static func short(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > maximumLength else { return text }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars.prefix(maximumLength / 2))
        result.append("…")
        result.append(contentsOf: scalars.suffix(maximumLength / 2 - 1))
        return String(result)
    }
}
