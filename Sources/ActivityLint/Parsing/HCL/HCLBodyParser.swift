/// The structural language: bodies of attributes and blocks (hclsyntax spec, "Structural Elements").
extension HCLSyntaxParser {
    mutating func parseFile() -> HCLFile {
        var items: [HCLBody.Item] = []
        do throws(HCLSyntaxError) {
            try advance()
            try parseBodyItems(into: &items, closedBy: nil)
            return HCLFile(body: HCLBody(items: items), error: nil, lineComments: cursor.lineComments)
        } catch {
            return HCLFile(body: HCLBody(items: items), error: error, lineComments: cursor.lineComments)
        }
    }

    /// Parses attributes and blocks up to the end of input (`closedBy` nil) or up to the `}` of the block opened
    /// at `closedBy`, which is left as the current token.
    private mutating func parseBodyItems(
        into items: inout [HCLBody.Item], closedBy open: SourcePosition?
    ) throws(HCLSyntaxError) {
        while true {
            switch token.kind {
            case .newline:
                try advance()
            case .end:
                guard let open else { return }
                throw unexpectedToken("'}'" + unclosed("block", openedAt: open))
            case .punctuation(.closeBrace) where open != nil:
                return
            case .identifier:
                items.append(try parseBodyItem())
            default:
                throw unexpectedToken(
                    "an attribute name or a block type", hint: open == nil && token.isPunctuation(.closeBrace)
                        ? "this '}' closes no block" : bodyItemHint())
            }
        }
    }

    /// `name = value` or `type labels { ... }`, with the line break that ends it.
    private mutating func parseBodyItem() throws(HCLSyntaxError) -> HCLBody.Item {
        let name = token
        try advance()
        if token.isPunctuation(.equals) {
            let attribute = try parseAttribute(named: name)
            try expectEndOfLine(after: "the value of attribute '\(name.text)'")
            return .attribute(attribute)
        }
        let block = try parseBlock(type: name)
        try expectEndOfLine(after: "the block '\(name.text)'")
        return .block(block)
    }

    /// The `=` and value of an attribute whose name was just read.
    private mutating func parseAttribute(named name: HCLToken) throws(HCLSyntaxError) -> HCLAttribute {
        let equals = token.range
        try advance()
        let value = try parseExpression()
        return HCLAttribute(name: name.text, nameRange: name.range, equalsRange: equals, value: value)
    }

    private mutating func parseBlock(type: HCLToken) throws(HCLSyntaxError) -> HCLBlock {
        var labels: [HCLBlockLabel] = []
        while true {
            if token.kind == .identifier {
                labels.append(
                    HCLBlockLabel(
                        value: StringValue(text: token.text, contentStart: token.range.start), range: token.range,
                        isQuoted: false))
                try advance()
            } else if token.kind == .openQuote {
                labels.append(try parseQuotedLabel())
            } else {
                break
            }
        }
        guard token.isPunctuation(.openBrace) else {
            throw unexpectedToken(
                labels.isEmpty ? "'=' or a block's labels and '{' after '\(type.text)'" : "'{' to open the block",
                hint: token.isPunctuation(.colon) ? "HCL attributes are set with '=', not ':'" : nil)
        }
        let open = token.range
        return try nested(at: open) { parser throws(HCLSyntaxError) in
            try parser.advance()
            var items: [HCLBody.Item] = []
            if parser.token.kind == .newline {
                try parser.parseBodyItems(into: &items, closedBy: open.start)
            } else if parser.token.kind == .identifier {
                // A one-line block: `lifecycle { create_before_destroy = true }`.
                let name = parser.token
                try parser.advance()
                guard parser.token.isPunctuation(.equals) else {
                    throw parser.unexpectedToken(
                        "'=' after '\(name.text)'", hint: "a block that starts on one line with '{' may hold only "
                            + "one attribute there; put nested blocks on their own lines")
                }
                items.append(.attribute(try parser.parseAttribute(named: name)))
                guard parser.token.isPunctuation(.closeBrace) else {
                    throw parser.unexpectedToken(
                        "'}' after the attribute of a one-line block",
                        hint: "a block whose attribute follows '{' on the same line must close right after it; "
                            + "start the block's content on a new line to give it more")
                }
            } else if !parser.token.isPunctuation(.closeBrace) {
                throw parser.unexpectedToken(
                    "a line break, an attribute or '}' after '{'" + parser.unclosed("block", openedAt: open.start))
            }
            let close = parser.token.range
            try parser.advance()
            return HCLBlock(
                type: type.text, typeRange: type.range, labels: labels, openBraceRange: open, closeBraceRange: close,
                body: HCLBody(items: items))
        }
    }

    /// A quoted block label: a string without interpolations or directives.
    private mutating func parseQuotedLabel() throws(HCLSyntaxError) -> HCLBlockLabel {
        let open = token.range.start
        let label = try parseQuotedTemplate(openQuote: token.range)
        guard case .template(let template) = label.kind, let value = template.literalText else {
            throw HCLSyntaxError(
                message: "a block label must be a literal string, without '${' interpolations or '%{' directives",
                range: label.range)
        }
        try advance()
        return HCLBlockLabel(value: value, range: SourceRange(start: open, end: label.range.end), isQuoted: true)
    }

    /// An attribute or block ends its line (or the file).
    private mutating func expectEndOfLine(after what: String) throws(HCLSyntaxError) {
        switch token.kind {
        case .newline: try advance()
        case .end: return
        default:
            var hint: String?
            switch token.kind {
            case .identifier, .openQuote, .number, .heredoc:
                hint = "each attribute and block goes on its own line; is a line break or an operator missing?"
            case .punctuation(.colon):
                hint = "HCL attributes are set with '=', not ':'"
            case .punctuation(.comma):
                hint = "attributes of a body are separated by line breaks, not commas"
            default:
                break
            }
            throw unexpectedToken("a line break after \(what)", hint: hint)
        }
    }

    /// Advice for tokens people write where a body expects an attribute or block.
    private func bodyItemHint() -> String? {
        switch token.kind {
        case .openQuote: "attribute names and block types are not quoted in HCL"
        case .punctuation(.openBrace): "a block starts with its type (and labels) before '{'"
        default: nil
        }
    }
}
