/// Interpolations, directives, escapes and heredoc ends inside template content.
extension HCLSyntaxParser {
    /// The `${ ... }` or `%{ ... }` at the cursor. An interpolation or a whole `if`/`for` directive is added to
    /// `parts` (nil is returned); an `else`, `endif` or `endfor` tag ends the content it is in and is returned.
    /// Either way `literal` has been flushed into `parts`.
    mutating func parseTemplateTag(
        isInterpolation: Bool, mode: TemplateMode, opener: SourcePosition, literal: inout HCLLiteralBuilder,
        parts: inout [HCLTemplatePart]
    ) throws(HCLSyntaxError) -> TemplateStop? {
        let start = cursor.position
        cursor.advance(2)
        if cursor.current == UInt8(ascii: "~") {
            cursor.advance()
            literal.trimTrailingWhitespace()
        }
        if let part = literal.take() { parts.append(part) }
        let what = isInterpolation ? "interpolation" : "directive"
        let saved = ignoresNewlines
        ignoresNewlines = true
        defer { ignoresNewlines = saved }
        try advance()
        if isInterpolation {
            let expression = try parseExpression()
            let (end, stripsAfter) = try closeTag(what, openedAt: start)
            parts.append(.interpolation(expression, SourceRange(start: start, end: end)))
            literal.trimsLeadingWhitespace = stripsAfter
            return nil
        }
        let keyword = token
        guard keyword.kind == .identifier, ["if", "for", "else", "endif", "endfor"].contains(keyword.text) else {
            throw unexpectedToken("'if', 'for', 'else', 'endif' or 'endfor' after '%{'")
        }
        try advance()
        switch keyword.text {
        case "if", "for":
            let (directive, stripsAfter) = try nested(at: keyword.range) { parser throws(HCLSyntaxError) in
                try parser.parseDirective(keyword.text, start: start, mode: mode, opener: opener)
            }
            parts.append(.directive(directive))
            literal.trimsLeadingWhitespace = stripsAfter
            return nil
        default:
            let (end, stripsAfter) = try closeTag(what, openedAt: start)
            return .tag(keyword.text, SourceRange(start: start, end: end), stripsAfter: stripsAfter)
        }
    }

    /// The rest of an `if` or `for` directive after its keyword: the tag's expression, then the content up to
    /// `endif` or `endfor`. Returns the directive and whether its closing tag ends with `~}`.
    private mutating func parseDirective(
        _ keyword: String, start: SourcePosition, mode: TemplateMode, opener: SourcePosition
    ) throws(HCLSyntaxError) -> (HCLTemplateDirective, Bool) {
        let variables = keyword == "for" ? try parseForVariables(of: "'%{ for'") : []
        let expression = try parseExpression()
        var (_, stripsAfter) = try closeTag("directive", openedAt: start)
        let closing = keyword == "if" ? "endif" : "endfor"
        var (body, stop) = try parseTemplateContent(mode: mode, opener: opener, trimsLeadingWhitespace: stripsAfter)
        var elseBody: [HCLTemplatePart]?
        if keyword == "if", case .tag("else", _, let elseStrips) = stop {
            let (otherwise, elseStop) = try parseTemplateContent(
                mode: mode, opener: opener, trimsLeadingWhitespace: elseStrips)
            elseBody = otherwise
            stop = elseStop
        }
        switch stop {
        case .tag(closing, let range, let strips):
            stripsAfter = strips
            let directive = HCLTemplateDirective(
                kind: keyword == "if" ? .ifDirective : .forDirective, expression: expression, variables: variables,
                body: body, elseBody: elseBody, range: SourceRange(start: start, end: range.end))
            body = []
            return (directive, stripsAfter)
        case .tag(let other, let range, _):
            throw HCLSyntaxError(
                message: "expected '%{ \(closing) }' to close the '%{ \(keyword) }' at line \(start.line), column "
                    + "\(start.column), found '%{ \(other) }'", range: range)
        case .end(let closer):
            throw HCLSyntaxError(
                message: "the '%{ \(keyword) }' at line \(start.line), column \(start.column) has no "
                    + "'%{ \(closing) }' before the end of the \(mode.isQuoted ? "string" : "heredoc")",
                range: closer)
        }
    }

    /// The `}` or `~}` that closes a tag, with the current token at it; the cursor is left right after the `}`
    /// (back in template content). Returns the position after `}` and whether there was a `~`.
    private mutating func closeTag(_ what: String, openedAt start: SourcePosition) throws(HCLSyntaxError) -> (SourcePosition, Bool) {
        if token.isPunctuation(.tilde), cursor.current == UInt8(ascii: "}") {
            cursor.advance()
            return (cursor.position, true)
        }
        guard token.isPunctuation(.closeBrace) else {
            throw unexpectedToken(
                "'}' to close the \(what) that starts at line \(start.line), column \(start.column)",
                hint: token.isPunctuation(.tilde) ? "a strip marker is written '~}', with no space before '}'" : nil)
        }
        return (token.range.end, false)
    }

    /// The escape sequence at the cursor's backslash in a quoted string, decoded; the cursor moves past it.
    mutating func scanEscape() throws(HCLSyntaxError) -> Unicode.Scalar {
        let start = cursor.position
        let simple: Unicode.Scalar? =
            switch cursor.peek(1) {
            case UInt8(ascii: "n"): "\n"
            case UInt8(ascii: "r"): "\r"
            case UInt8(ascii: "t"): "\t"
            case UInt8(ascii: "\""): "\""
            case UInt8(ascii: "\\"): "\\"
            default: nil
            }
        if let simple {
            cursor.advance(2)
            return simple
        }
        let digits = cursor.peek(1) == UInt8(ascii: "u") ? 4 : cursor.peek(1) == UInt8(ascii: "U") ? 8 : 0
        guard digits > 0 else {
            cursor.advance()
            let found = cursor.currentCharacterDescription
            throw HCLSyntaxError(
                message: "invalid escape: '\\' followed by \(found); HCL strings allow \\n \\r \\t \\\" \\\\ \\uNNNN "
                    + "and \\UNNNNNNNN (write \\\\ for a backslash)", range: SourceRange(at: start))
        }
        cursor.advance(2)
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let byte = cursor.current, let digit = JSONText.hexValue(byte) else {
                throw HCLSyntaxError(
                    message: "invalid escape: expected \(digits) hexadecimal digits after '\\\(digits == 4 ? "u" : "U")', "
                        + "found \(cursor.currentCharacterDescription)", range: SourceRange(at: cursor.position))
            }
            value = value << 4 | digit
            cursor.advance()
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw HCLSyntaxError(
                message: "invalid escape: \(JSONText.codePointName(value)) is not a Unicode character"
                    + ((0xD800...0xDFFF).contains(value) ? " (it is half of a UTF-16 surrogate pair)" : ""),
                range: SourceRange(start: start, end: cursor.position))
        }
        return scalar
    }

    /// When the line at the cursor is the heredoc's closing line (spaces, the delimiter, then a line break or the
    /// end of input): moves past the delimiter and returns its range.
    mutating func closeHeredoc(_ delimiter: String) -> SourceRange? {
        var offset = cursor.index
        let bytes = cursor.bytes
        while offset < bytes.count, bytes[offset] == 0x20 || bytes[offset] == 0x09 { offset += 1 }
        for byte in delimiter.utf8 {
            guard offset < bytes.count, bytes[offset] == byte else { return nil }
            offset += 1
        }
        guard offset == bytes.count || bytes[offset] == 0x0A || bytes[offset] == 0x0D else { return nil }
        cursor.advance(offset - cursor.index - delimiter.utf8.count)
        let start = cursor.position
        cursor.advance(delimiter.utf8.count)
        return SourceRange(start: start, end: cursor.position)
    }

    func unterminatedTemplate(_ mode: TemplateMode, opener: SourcePosition) -> HCLSyntaxError {
        let message =
            switch mode {
            case .quoted:
                "unterminated string: the string that starts at line \(opener.line), column \(opener.column) has no "
                    + "closing '\"'"
            case .heredoc(let delimiter):
                "unterminated heredoc: the heredoc that starts at line \(opener.line), column \(opener.column) has no "
                    + "closing line '\(delimiter)'"
            }
        return HCLSyntaxError(message: message, range: SourceRange(at: cursor.position))
    }
}

extension HCLSyntaxParser.TemplateMode {
    var isQuoted: Bool {
        if case .quoted = self { true } else { false }
    }
}
