/// Tuples, objects and `for` expressions (hclsyntax spec, "Collection Values" and "For Expressions").
extension HCLSyntaxParser {
    /// `[a, b]` or `[for v in list : value if condition]`, from the `[`.
    mutating func parseTuple() throws(HCLSyntaxError) -> HCLExpression {
        let open = token.range.start
        return try enclosed(ignoringNewlines: true) { parser throws(HCLSyntaxError) in
            if parser.token.isKeyword("for") { return try parser.parseFor(open: open, isObject: false) }
            var elements: [HCLExpression] = []
            while !parser.token.isPunctuation(.closeBracket) {
                elements.append(try parser.parseExpression())
                if parser.token.isPunctuation(.comma) {
                    try parser.advance()
                } else if !parser.token.isPunctuation(.closeBracket) {
                    throw parser.unexpectedToken(
                        "',' or ']' after a list element" + parser.unclosed("list", openedAt: open),
                        hint: parser.missingSeparatorHint())
                }
            }
            return HCLExpression(.tuple(elements), range: SourceRange(start: open, end: parser.token.range.end))
        }
    }

    /// `{ key = value, key: value }` (items separated by commas or line breaks) or
    /// `{for k, v in map : key => value}`, from the `{`.
    mutating func parseObject() throws(HCLSyntaxError) -> HCLExpression {
        let open = token.range.start
        // Line breaks separate items, so they stay tokens here (and end each value).
        return try enclosed(ignoringNewlines: false) { parser throws(HCLSyntaxError) in
            try parser.skipNewlines()
            if parser.token.isKeyword("for") {
                parser.ignoresNewlines = true
                return try parser.parseFor(open: open, isObject: true)
            }
            var items: [HCLObjectItem] = []
            while !parser.token.isPunctuation(.closeBrace) {
                items.append(try parser.parseObjectItem(open: open))
                if parser.token.isPunctuation(.comma) {
                    try parser.advance()
                    try parser.skipNewlines()
                } else if parser.token.kind == .newline {
                    try parser.skipNewlines()
                } else if !parser.token.isPunctuation(.closeBrace) {
                    throw parser.unexpectedToken(
                        "',', a line break or '}' after an object item" + parser.unclosed("object", openedAt: open),
                        hint: parser.missingSeparatorHint())
                }
            }
            return HCLExpression(.object(items), range: SourceRange(start: open, end: parser.token.range.end))
        }
    }

    private mutating func parseObjectItem(open: SourcePosition) throws(HCLSyntaxError) -> HCLObjectItem {
        if token.kind == .end { throw unexpectedToken("'}'" + unclosed("object", openedAt: open)) }
        let key = try parseExpression()
        guard token.isPunctuation(.equals) || token.isPunctuation(.colon) else {
            throw unexpectedToken("'=' or ':' after an object key", hint: missingSeparatorHint())
        }
        let separator = token.range
        try advance()
        let value = try parseExpression()
        return HCLObjectItem(key: key, separatorRange: separator, value: value)
    }

    /// `for k, v in collection : ...` up to the closing `]` or `}` (left as the current token); line breaks are
    /// ignored throughout.
    /// `NAME [, NAME] in` of a `for` expression or a `%{ for }` directive, up to and with `in`.
    mutating func parseForVariables(of what: String) throws(HCLSyntaxError) -> [String] {
        var variables: [String] = []
        guard token.kind == .identifier else { throw unexpectedToken("a variable name after 'for'") }
        variables.append(token.text)
        try advance()
        if token.isPunctuation(.comma) {
            try advance()
            guard token.kind == .identifier else { throw unexpectedToken("a second variable name after ','") }
            variables.append(token.text)
            try advance()
        }
        guard token.isKeyword("in") else { throw unexpectedToken("'in' after the variables of \(what)") }
        try advance()
        return variables
    }

    private mutating func parseFor(open: SourcePosition, isObject: Bool) throws(HCLSyntaxError) -> HCLExpression {
        try advance()
        let variables = try parseForVariables(of: "a 'for' expression")
        var children = [try parseExpression()]
        _ = try expect(.colon, "':' after the collection of a 'for' expression")
        children.append(try parseExpression())
        var isGrouping = false
        if isObject {
            _ = try expect(.fatArrow, "'=>' between the key and the value of a 'for' object")
            children.append(try parseExpression())
            if token.isPunctuation(.ellipsis) {
                isGrouping = true
                try advance()
            }
        }
        if token.isKeyword("if") {
            try advance()
            children.append(try parseExpression())
        }
        let close: HCLPunctuation = isObject ? .closeBrace : .closeBracket
        guard token.isPunctuation(close) else {
            throw unexpectedToken(
                "'\(close.rawValue)' to end the 'for' expression"
                    + unclosed(isObject ? "object" : "list", openedAt: open))
        }
        var expression = HCLOtherExpression(kind: isObject ? .forObject : .forTuple, children: children)
        expression.variables = variables
        expression.isGrouping = isGrouping
        return HCLExpression(.other(expression), range: SourceRange(start: open, end: token.range.end))
    }

    /// After a complete element, the start of another suggests a forgotten separator.
    func missingSeparatorHint() -> String? {
        switch token.kind {
        case .identifier, .number, .openQuote, .heredoc, .punctuation(.openBrace), .punctuation(.openBracket):
            "is a ',' missing?"
        default:
            nil
        }
    }
}
