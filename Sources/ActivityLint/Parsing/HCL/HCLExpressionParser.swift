/// The expression language: operators, conditionals, terms and postfix operations (hclsyntax spec,
/// "Expressions"). Collections and `for` are in `HCLCollectionParser`, templates in `HCLTemplateParser`.
extension HCLSyntaxParser {
    /// One expression, from the current token; it ends before the first token that cannot continue it.
    mutating func parseExpression() throws(HCLSyntaxError) -> HCLExpression {
        try nested(at: token.range) { parser throws(HCLSyntaxError) in
            let predicate = try parser.parseBinary(continuing: try parser.parseUnary(), minimumLevel: 1)
            guard parser.token.isPunctuation(.question) else { return predicate }
            try parser.advance()
            let then = try parser.parseExpression()
            _ = try parser.expect(.colon, "':' between the two results of a conditional")
            let otherwise = try parser.parseExpression()
            return HCLExpression(
                .other(HCLOtherExpression(kind: .conditional, children: [predicate, then, otherwise])),
                range: SourceRange(start: predicate.range.start, end: otherwise.range.end))
        }
    }

    /// `left` and the binary operations that continue it with operators of `minimumLevel` or tighter
    /// (precedence climbing: recursion only where a tighter operator follows). A run of one level is one flat node.
    private mutating func parseBinary(
        continuing left: HCLExpression, minimumLevel: Int
    ) throws(HCLSyntaxError) -> HCLExpression {
        var left = left
        while let level = binaryLevel, level >= minimumLevel {
            var operation = HCLOtherExpression(kind: .binaryOperation, children: [left])
            while binaryLevel == level, case .punctuation(let punctuation) = token.kind {
                operation.operators.append(punctuation.rawValue)
                try advance()
                var right = try parseUnary()
                if let next = binaryLevel, next > level {
                    right = try parseBinary(continuing: right, minimumLevel: level + 1)
                }
                operation.children.append(right)
            }
            let range = SourceRange(start: left.range.start, end: operation.children[operation.children.count - 1].range.end)
            left = HCLExpression(.other(operation), range: range)
        }
        return left
    }

    /// The precedence level of the current token as a binary operator, or nil when it is none.
    private var binaryLevel: Int? {
        guard case .punctuation(let punctuation) = token.kind else { return nil }
        return punctuation.binaryLevel
    }

    /// `-x`, `!x` and runs of them; `-` before a number literal is a negative number.
    private mutating func parseUnary() throws(HCLSyntaxError) -> HCLExpression {
        var operators: [String] = []
        let start = token.range.start
        while token.isPunctuation(.minus) || token.isPunctuation(.not) {
            operators.append(token.isPunctuation(.minus) ? "-" : "!")
            try advance()
        }
        let operand = try parsePostfix()
        guard !operators.isEmpty else { return operand }
        let range = SourceRange(start: start, end: operand.range.end)
        if operators == ["-"], case .number(let number) = operand.kind {
            return HCLExpression(.number(HCLNumber.negated(number)), range: range)
        }
        var operation = HCLOtherExpression(kind: .unaryOperation, children: [operand])
        operation.operators = operators
        return HCLExpression(.other(operation), range: range)
    }

    /// A term and the `.name`, `.0`, `[index]`, `.*` and `[*]` after it. On a variable they extend its traversal
    /// until a splat; anywhere else they make one flat `access` or `splat` node.
    private mutating func parsePostfix() throws(HCLSyntaxError) -> HCLExpression {
        let term = try parseTerm()
        var traversal: HCLTraversal?
        if case .traversal(let root) = term.kind { traversal = root }
        // Once the chain is no traversal: its base, then the index expressions.
        var children: [HCLExpression] = []
        var kind = HCLOtherExpression.Kind.access
        var end = term.range.end
        while token.isPunctuation(.dot) || token.isPunctuation(.openBracket) {
            let (step, isSplat) = try parsePostfixStep()
            let baseEnd = end
            switch step {
            case .attribute(_, let range), .index(_, let range): end = range.end
            }
            if isSplat { kind = .splat }
            if !isSplat, children.isEmpty, traversal != nil {
                traversal!.steps.append(step)
                continue
            }
            if children.isEmpty {
                let base = traversal.map { HCLExpression(.traversal($0), range: SourceRange(start: term.range.start, end: baseEnd)) }
                children.append(base ?? term)
            }
            if !isSplat, case .index(let index, _) = step { children.append(index) }
        }
        let range = SourceRange(start: term.range.start, end: end)
        if !children.isEmpty { return HCLExpression(.other(HCLOtherExpression(kind: kind, children: children)), range: range) }
        if let traversal { return HCLExpression(.traversal(traversal), range: range) }
        return term
    }

    /// One `.name`, `.0`, `.*`, `[index]` or `[*]` at the current `.` or `[`, and whether it is a splat.
    private mutating func parsePostfixStep() throws(HCLSyntaxError) -> (HCLTraversal.Step, Bool) {
        let start = token.range.start
        if token.isPunctuation(.openBracket) {
            return try enclosed(ignoringNewlines: true) { parser throws(HCLSyntaxError) in
                var index: HCLExpression?
                if parser.token.isPunctuation(.star) {
                    try parser.advance()
                } else {
                    index = try parser.parseExpression()
                }
                guard parser.token.isPunctuation(.closeBracket) else {
                    throw parser.unexpectedToken("']' to close the index" + parser.unclosed("index", openedAt: start))
                }
                let range = SourceRange(start: start, end: parser.token.range.end)
                return (.index(index ?? HCLExpression(.null, range: range), range), index == nil)
            }
        }
        try advance()
        let range = SourceRange(start: start, end: token.range.end)
        var result: (HCLTraversal.Step, Bool)
        switch token.kind {
        case .identifier:
            result = (.attribute(token.text, range), false)
        case .number:
            guard token.text.utf8.allSatisfy(HCLCursor.isDigit) else {
                throw unexpectedToken(
                    "an attribute name or a whole-number index after '.'",
                    hint: "chained legacy indexes such as .0.1 are not allowed; write [0][1]")
            }
            result = (.index(HCLExpression(.number(HCLNumber.value(token.text)), range: token.range), range), false)
        case .punctuation(.star):
            result = (.attribute("*", range), true)
        default:
            throw unexpectedToken("an attribute name, an index or '*' after '.'")
        }
        try advance()
        return result
    }

    /// A literal, template, variable, function call, collection, `for` expression or parenthesized expression.
    private mutating func parseTerm() throws(HCLSyntaxError) -> HCLExpression {
        let start = token.range
        switch token.kind {
        case .number:
            let number = HCLExpression(.number(HCLNumber.value(token.text)), range: start)
            try advance()
            return number
        case .identifier:
            return try parseIdentifierTerm()
        case .openQuote:
            let template = try parseQuotedTemplate(openQuote: start)
            try advance()
            return template
        case .heredoc(let flush):
            let template = try parseHeredoc(marker: token, flush: flush)
            try advance()
            return template
        case .punctuation(.openParen):
            return try parseParentheses()
        case .punctuation(.openBracket):
            return try parseTuple()
        case .punctuation(.openBrace):
            return try parseObject()
        default:
            throw unexpectedToken("an expression", hint: termHint())
        }
    }

    /// `true`, `false`, `null`, a function call, or the root of a traversal.
    private mutating func parseIdentifierTerm() throws(HCLSyntaxError) -> HCLExpression {
        let name = token
        try advance()
        switch name.text {
        case "true": return HCLExpression(.bool(true), range: name.range)
        case "false": return HCLExpression(.bool(false), range: name.range)
        case "null": return HCLExpression(.null, range: name.range)
        default: break
        }
        var functionName = name.text
        var nameEnd = name.range.end
        while token.isPunctuation(.doubleColon) {
            try advance()
            guard token.kind == .identifier else { throw unexpectedToken("a function name after '::'") }
            functionName += "::" + token.text
            nameEnd = token.range.end
            try advance()
            guard token.isPunctuation(.openParen) || token.isPunctuation(.doubleColon) else {
                throw unexpectedToken("'(' after the function name '\(functionName)'")
            }
        }
        guard token.isPunctuation(.openParen) else {
            return HCLExpression(
                .traversal(HCLTraversal(root: name.text, rootRange: name.range, steps: [])), range: name.range)
        }
        return try parseCall(name: functionName, nameRange: SourceRange(start: name.range.start, end: nameEnd))
    }

    /// The arguments of a call, from its `(`.
    private mutating func parseCall(name: String, nameRange: SourceRange) throws(HCLSyntaxError) -> HCLExpression {
        let open = token.range
        return try enclosed(ignoringNewlines: true) { parser throws(HCLSyntaxError) in
            var arguments: [HCLExpression] = []
            var expands = false
            while !parser.token.isPunctuation(.closeParen) {
                arguments.append(try parser.parseExpression())
                if parser.token.isPunctuation(.ellipsis) {
                    expands = true
                    try parser.advance()
                    guard parser.token.isPunctuation(.closeParen) else {
                        throw parser.unexpectedToken("')' after '...'", hint: "only the last argument can be expanded")
                    }
                } else if parser.token.isPunctuation(.comma) {
                    try parser.advance()
                } else if !parser.token.isPunctuation(.closeParen) {
                    throw parser.unexpectedToken(
                        "',' or ')' after an argument of \(name)" + parser.unclosed("call", openedAt: open.start))
                }
            }
            let close = parser.token.range
            let call = HCLFunctionCall(
                name: name, nameRange: nameRange, arguments: arguments, expandsFinalArgument: expands)
            return HCLExpression(.functionCall(call), range: SourceRange(start: nameRange.start, end: close.end))
        }
    }

    private mutating func parseParentheses() throws(HCLSyntaxError) -> HCLExpression {
        let open = token.range
        return try enclosed(ignoringNewlines: true) { parser throws(HCLSyntaxError) in
            let inner = try parser.parseExpression()
            guard parser.token.isPunctuation(.closeParen) else {
                throw parser.unexpectedToken("')'" + parser.unclosed("parenthesis", openedAt: open.start))
            }
            return HCLExpression(
                .other(HCLOtherExpression(kind: .parentheses, children: [inner])),
                range: SourceRange(start: open.start, end: parser.token.range.end))
        }
    }

    /// Advice for tokens people write where an expression belongs.
    private func termHint() -> String? {
        switch token.kind {
        case .newline, .end: "an attribute needs a value on the same line as its '='"
        case .punctuation(.closeBrace), .punctuation(.closeBracket), .punctuation(.closeParen): nil
        case .punctuation(.tilde): "'~' strips white space only right after '${' or '%{' or right before '}'"
        default: nil
        }
    }
}
