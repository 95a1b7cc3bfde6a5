/// Tokenizing of HCL's structural and expression language (hclsyntax spec, "Lexical Elements").
extension HCLCursor {
    /// Skips spaces, tabs and `/* */` comments; stops at a line break or a line comment, which are tokens.
    mutating func skipSpacesAndInlineComments() throws(HCLSyntaxError) {
        while let byte = current {
            if byte == 0x20 || byte == 0x09 {
                advance()
            } else if byte == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
                let open = position
                advance(2)
                while !starts(with: "*/") {
                    guard !isAtEnd else {
                        throw HCLSyntaxError(
                            message: "unterminated comment: the comment that starts at line \(open.line), column "
                                + "\(open.column) has no closing '*/'", range: SourceRange(at: position))
                    }
                    advance()
                }
                advance(2)
            } else {
                return
            }
        }
    }

    /// Scans the next token (after spaces and inline comments).
    mutating func scanToken() throws(HCLSyntaxError) -> HCLToken {
        try skipSpacesAndInlineComments()
        let start = position
        guard let byte = current else { return HCLToken(kind: .end, range: SourceRange(at: start)) }
        switch byte {
        case 0x0A:
            advance()
            return token(.newline, from: start)
        case 0x0D:
            guard peek(1) == 0x0A else {
                advance()
                throw HCLSyntaxError(
                    message: "a carriage return (U+000D) must be followed by a line feed; HCL lines end with LF "
                        + "or CR LF", range: SourceRange(start: start, end: position))
            }
            advance(2)
            return token(.newline, from: start)
        case UInt8(ascii: "#"):
            return skipLineComment(from: start)
        case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
            return skipLineComment(from: start)
        case UInt8(ascii: "\""):
            advance()
            return token(.openQuote, from: start)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return scanNumber(from: start)
        case UInt8(ascii: "<") where peek(1) == UInt8(ascii: "<"):
            return try scanHeredocMarker(from: start)
        default:
            if let punctuation = scanPunctuation() { return token(.punctuation(punctuation), from: start) }
            if let identifier = scanIdentifier() {
                return HCLToken(kind: .identifier, range: SourceRange(start: start, end: position), text: identifier)
            }
            throw unexpectedCharacterError()
        }
    }

    private func token(_ kind: HCLToken.Kind, from start: SourcePosition) -> HCLToken {
        HCLToken(kind: kind, range: SourceRange(start: start, end: position))
    }

    /// `#` or `//` to the end of the line, and the line break: one newline token.
    private mutating func skipLineComment(from start: SourcePosition) -> HCLToken {
        recordLineComment(at: start.offset)
        while let byte = current, byte != 0x0A, byte != 0x0D { advance() }
        advance(lineBreakLength)
        return token(.newline, from: start)
    }

    /// An identifier: an ID_Start scalar or `_`, then ID_Continue scalars and `-`.
    mutating func scanIdentifier() -> String? {
        let start = index
        while let byte = current {
            if Self.isIdentifierByte(byte) {
                // ASCII digits and '-' continue an identifier but cannot start one.
                if index == start, byte == UInt8(ascii: "-") || Self.isDigit(byte) { return nil }
                advance()
                continue
            }
            guard byte >= 0x80, let (scalar, width) = scalar(at: index),
                index == start ? scalar.properties.isIDStart : scalar.properties.isIDContinue
            else { break }
            advance(width)
        }
        return index == start ? nil : text(start, index)
    }

    @inline(__always) private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default: false
        }
    }

    /// `decimal+ ("." decimal+)? (("e" | "E") ("+" | "-")? decimal+)?`
    private mutating func scanNumber(from start: SourcePosition) -> HCLToken {
        let first = index
        skipDigits()
        if current == UInt8(ascii: "."), let next = peek(1), Self.isDigit(next) {
            advance()
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            let sign = peek(1) == UInt8(ascii: "+") || peek(1) == UInt8(ascii: "-") ? 1 : 0
            if let digit = peek(1 + sign), Self.isDigit(digit) {
                advance(1 + sign)
                skipDigits()
            }
        }
        var token = token(.number, from: start)
        token.text = text(first, index)
        return token
    }

    private mutating func skipDigits() {
        while let byte = current, Self.isDigit(byte) { advance() }
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    /// `<<EOT` or `<<-EOT`, then the line break that must follow.
    private mutating func scanHeredocMarker(from start: SourcePosition) throws(HCLSyntaxError) -> HCLToken {
        advance(2)
        let flush = current == UInt8(ascii: "-")
        if flush { advance() }
        guard let delimiter = scanIdentifier() else {
            throw HCLSyntaxError(
                message: "expected a heredoc delimiter such as EOT right after '\(flush ? "<<-" : "<<")', found "
                    + currentCharacterDescription, range: SourceRange(at: position))
        }
        let afterDelimiter = position
        let lineBreak = lineBreakLength
        guard lineBreak > 0, !(current == 0x0D && lineBreak == 1) else {
            throw HCLSyntaxError(
                message: "expected a line break after the heredoc marker '\(flush ? "<<-" : "<<")\(delimiter)', "
                    + "found \(currentCharacterDescription); the heredoc's text starts on the next line",
                range: SourceRange(at: afterDelimiter))
        }
        advance(lineBreak)
        return HCLToken(kind: .heredoc(flush: flush), range: SourceRange(start: start, end: afterDelimiter), text: delimiter)
    }

    /// The longest operator or delimiter at the cursor, consumed.
    private mutating func scanPunctuation() -> HCLPunctuation? {
        guard let byte = current else { return nil }
        let next = peek(1)
        var length = 1
        let punctuation: HCLPunctuation
        switch byte {
        case UInt8(ascii: "{"): punctuation = .openBrace
        case UInt8(ascii: "}"): punctuation = .closeBrace
        case UInt8(ascii: "["): punctuation = .openBracket
        case UInt8(ascii: "]"): punctuation = .closeBracket
        case UInt8(ascii: "("): punctuation = .openParen
        case UInt8(ascii: ")"): punctuation = .closeParen
        case UInt8(ascii: ","): punctuation = .comma
        case UInt8(ascii: "?"): punctuation = .question
        case UInt8(ascii: "~"): punctuation = .tilde
        case UInt8(ascii: "+"): punctuation = .plus
        case UInt8(ascii: "-"): punctuation = .minus
        case UInt8(ascii: "*"): punctuation = .star
        case UInt8(ascii: "/"): punctuation = .slash
        case UInt8(ascii: "%"): punctuation = .percent
        case UInt8(ascii: "."):
            (punctuation, length) = starts(with: "...") ? (.ellipsis, 3) : (.dot, 1)
        case UInt8(ascii: ":"):
            (punctuation, length) = next == UInt8(ascii: ":") ? (.doubleColon, 2) : (.colon, 1)
        case UInt8(ascii: "="):
            (punctuation, length) =
                next == UInt8(ascii: "=") ? (.equal, 2) : next == UInt8(ascii: ">") ? (.fatArrow, 2) : (.equals, 1)
        case UInt8(ascii: "!"):
            (punctuation, length) = next == UInt8(ascii: "=") ? (.notEqual, 2) : (.not, 1)
        case UInt8(ascii: "<"):
            (punctuation, length) = next == UInt8(ascii: "=") ? (.lessOrEqual, 2) : (.less, 1)
        case UInt8(ascii: ">"):
            (punctuation, length) = next == UInt8(ascii: "=") ? (.greaterOrEqual, 2) : (.greater, 1)
        case UInt8(ascii: "&") where next == UInt8(ascii: "&"):
            (punctuation, length) = (.and, 2)
        case UInt8(ascii: "|") where next == UInt8(ascii: "|"):
            (punctuation, length) = (.or, 2)
        default:
            return nil
        }
        advance(length)
        return punctuation
    }

    private func unexpectedCharacterError() -> HCLSyntaxError {
        let found = currentCharacterDescription
        var hint = ""
        switch current {
        case UInt8(ascii: "'"): hint = "; HCL strings are enclosed in double quotes"
        case UInt8(ascii: "$") where peek(1) == UInt8(ascii: "{"),
            UInt8(ascii: "%") where peek(1) == UInt8(ascii: "{"):
            hint = "; interpolations and directives are written inside a quoted string or a heredoc"
        case UInt8(ascii: "&"): hint = "; the logical AND operator is '&&'"
        case UInt8(ascii: "|"): hint = "; the logical OR operator is '||'"
        default:
            if let scalar = scalar(at: index)?.value.value, [0x201C, 0x201D, 0x2018, 0x2019].contains(scalar) {
                hint = "; HCL strings are enclosed in straight double quotes (\")"
            }
        }
        let start = position
        var end = start
        end.offset += characterWidth(at: index)
        end.column += 1
        return HCLSyntaxError(message: "unexpected character \(found)\(hint)", range: SourceRange(start: start, end: end))
    }
}
