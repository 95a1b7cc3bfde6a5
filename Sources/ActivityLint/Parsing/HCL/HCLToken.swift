/// One token of HCL's expression and structural language. Template content is not tokenized: the parser reads
/// it straight from the cursor after an opening quote or heredoc marker.
struct HCLToken {
    enum Kind: Equatable {
        case identifier
        case number
        /// `"`: a quoted template starts after it.
        case openQuote
        /// `<<EOT` or `<<-EOT` and the line break after it; the delimiter is `text`.
        case heredoc(flush: Bool)
        case punctuation(HCLPunctuation)
        /// A line break, or a line comment and the line break that ends it.
        case newline
        case end
    }

    var kind: Kind
    var range: SourceRange
    /// The identifier, the number literal or the heredoc delimiter.
    var text = ""

    func isPunctuation(_ punctuation: HCLPunctuation) -> Bool { kind == .punctuation(punctuation) }

    func isKeyword(_ keyword: String) -> Bool { kind == .identifier && text == keyword }

    /// The token for a message: `'='`, `'name'`, `a line break`.
    var description: String {
        switch kind {
        case .identifier: "'\(text.count > 40 ? String(text.prefix(40)) + "…" : text)'"
        case .number: "the number \(text.count > 40 ? String(text.prefix(40)) + "…" : text)"
        case .openQuote: "a quoted string"
        case .heredoc: "a heredoc"
        case .punctuation(let punctuation): "'\(punctuation.rawValue)'"
        case .newline: "a line break"
        case .end: "end of input"
        }
    }
}

/// HCL's operators and delimiters, spelt as in the source.
enum HCLPunctuation: String {
    case openBrace = "{", closeBrace = "}", openBracket = "[", closeBracket = "]", openParen = "(", closeParen = ")"
    case equals = "=", colon = ":", doubleColon = "::", comma = ",", dot = ".", ellipsis = "...", question = "?"
    case fatArrow = "=>", tilde = "~"
    case plus = "+", minus = "-", star = "*", slash = "/", percent = "%"
    case equal = "==", notEqual = "!=", less = "<", greater = ">", lessOrEqual = "<=", greaterOrEqual = ">="
    case and = "&&", or = "||", not = "!"

    /// The precedence of a binary operator, 1 (`||`, loosest) to 6 (`*`, tightest); nil for other punctuation.
    var binaryLevel: Int? {
        switch self {
        case .or: 1
        case .and: 2
        case .equal, .notEqual: 3
        case .less, .greater, .lessOrEqual, .greaterOrEqual: 4
        case .plus, .minus: 5
        case .star, .slash, .percent: 6
        default: nil
        }
    }
}
