/// Quotes user text inside messages. Messages are escaped again by each reporter for its medium;
/// this only keeps them short and unambiguous.
enum Quoting {
    static let maximumLength = 60

    /// `"text"` shortened in the middle when long.
    static func code(_ text: String) -> String {
        "\"" + short(text) + "\""
    }

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
