/// A parser of HCL native syntax (hashicorp/hcl `hclsyntax/spec.md`) that keeps exact source positions.
///
/// It reads the structural language (attributes, blocks), the expression language and templates. Parsing stops at
/// the first syntax error; nesting of expressions, templates and blocks is bounded by `ParseLimits.maxDepth` (and
/// by `maxSupportedDepth` and the thread's stack, since the parser recurses), and every byte is read a bounded
/// number of times.
@_spi(Internals) public enum HCLParser {
    /// The deepest nesting parsed whatever the limits say, so that the parser's recursion (and the reader's that
    /// shapes its tree) stays well within a thread's stack; a CreateActivity request in Terraform needs 4.
    public static let maxSupportedDepth = 256

    public static func parse(_ source: SourceText, limits: ParseLimits = .default) -> HCLFile {
        source.bytes.withUnsafeBufferPointer { buffer in
            var parser = HCLSyntaxParser(
                cursor: HCLCursor(bytes: buffer, start: source.contentOffset),
                maxDepth: max(1, min(limits.maxDepth, maxSupportedDepth)))
            return parser.parseFile()
        }
    }
}

/// The parser's state: the cursor, the token under it, and how deep the parse is. The grammar is spread over
/// extensions: bodies, expressions, collections and templates.
struct HCLSyntaxParser {
    var cursor: HCLCursor
    /// The current token; the cursor stands right after it.
    var token = HCLToken(kind: .end, range: SourceRange(at: .start))
    /// Inside parentheses, brackets and interpolations line breaks are not tokens.
    var ignoresNewlines = false
    let maxDepth: Int
    var depth = 0
    private var stack = StackBudget()

    init(cursor: HCLCursor, maxDepth: Int) {
        self.cursor = cursor
        self.maxDepth = maxDepth
    }

    /// Moves to the next token (skipping line breaks where they are not tokens).
    mutating func advance() throws(HCLSyntaxError) {
        token = try cursor.scanToken()
        while ignoresNewlines, token.kind == .newline { token = try cursor.scanToken() }
    }

    /// Skips line-break tokens where they separate items but are not required.
    mutating func skipNewlines() throws(HCLSyntaxError) {
        while token.kind == .newline { try advance() }
    }

    /// Parses what stands between the opening delimiter that is the current token and its closing delimiter,
    /// with line breaks ignored inside or not. `body` must leave the closing delimiter as the current token; the
    /// token after it is scanned in the outer mode.
    mutating func enclosed<T>(
        ignoringNewlines: Bool, _ body: (inout HCLSyntaxParser) throws(HCLSyntaxError) -> T
    ) throws(HCLSyntaxError) -> T {
        let saved = ignoresNewlines
        ignoresNewlines = ignoringNewlines
        try advance()
        let result = try body(&self)
        ignoresNewlines = saved
        try advance()
        return result
    }

    /// Counts one level of nesting around `body`, failing past the limit.
    mutating func nested<T>(
        at range: SourceRange, _ body: (inout HCLSyntaxParser) throws(HCLSyntaxError) -> T
    ) throws(HCLSyntaxError) -> T {
        guard depth < maxDepth, stack.hasRoom() else {
            let limit = depth < maxDepth ? "as deep as the parser's stack allows (\(depth) levels)" : "the limit of \(maxDepth) levels"
            throw HCLSyntaxError(
                ruleID: "nesting-too-deep",
                message: "expressions, templates and blocks are nested deeper than \(limit)", range: range)
        }
        depth += 1
        defer { depth -= 1 }
        return try body(&self)
    }

    /// Consumes the punctuation `expected` or fails with "expected `what`, found ...".
    mutating func expect(
        _ expected: HCLPunctuation, _ what: String, hint: String? = nil
    ) throws(HCLSyntaxError) -> SourceRange {
        guard token.isPunctuation(expected) else { throw unexpectedToken(what, hint: hint) }
        let range = token.range
        try advance()
        return range
    }

    /// "expected `what`, found <the current token>", at the current token.
    func unexpectedToken(_ what: String, hint: String? = nil) -> HCLSyntaxError {
        var message = "expected \(what), found \(token.description)"
        if let hint { message += "; " + hint }
        return HCLSyntaxError(message: message, range: token.range)
    }

    /// "... (the X opened at line L, column C is not closed)" when the input ended inside it.
    func unclosed(_ what: String, openedAt start: SourcePosition) -> String {
        token.kind == .end ? " (the \(what) opened at line \(start.line), column \(start.column) is not closed)" : ""
    }
}
