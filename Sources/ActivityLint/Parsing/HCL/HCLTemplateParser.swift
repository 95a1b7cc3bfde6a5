/// The template language inside quoted strings and heredocs: literal text, `${ }` interpolations and
/// `%{ if }`/`%{ for }` directives with `~` strip markers (hclsyntax spec, "Template Expressions", "Templates").
///
/// Template content is read straight from the cursor; an interpolation or directive tag switches to tokens until
/// its closing `}`, after which the cursor is back in the content.
extension HCLSyntaxParser {
    enum TemplateMode {
        case quoted
        case heredoc(delimiter: String)
    }

    /// Why a run of template content ended.
    enum TemplateStop {
        /// The closing quote or heredoc delimiter, whose range is given.
        case end(SourceRange)
        /// `%{ else }`, `%{ endif }` or `%{ endfor }`, with its range and whether it ends with `~}`.
        case tag(String, SourceRange, stripsAfter: Bool)
    }

    /// A quoted template whose `"` is `openQuote`; the cursor is left after the closing quote.
    mutating func parseQuotedTemplate(openQuote: SourceRange) throws(HCLSyntaxError) -> HCLExpression {
        let (parts, end) = try parseTopLevelTemplate(mode: .quoted, opener: openQuote.start)
        let template = HCLTemplate(parts: parts, isHeredoc: false, emptyContentStart: openQuote.end)
        return HCLExpression(.template(template), range: SourceRange(start: openQuote.start, end: end))
    }

    /// A heredoc whose marker token (`<<EOT` and its line break) was just scanned; the cursor is left after the
    /// closing delimiter, before its line break.
    mutating func parseHeredoc(marker: HCLToken, flush: Bool) throws(HCLSyntaxError) -> HCLExpression {
        let contentStart = cursor.position
        var (parts, end) = try parseTopLevelTemplate(mode: .heredoc(delimiter: marker.text), opener: marker.range.start)
        if flush { parts = HCLHeredocIndentation.removed(from: parts) }
        let template = HCLTemplate(parts: parts, isHeredoc: true, emptyContentStart: contentStart)
        return HCLExpression(.template(template), range: SourceRange(start: marker.range.start, end: end))
    }

    private mutating func parseTopLevelTemplate(
        mode: TemplateMode, opener: SourcePosition
    ) throws(HCLSyntaxError) -> ([HCLTemplatePart], SourcePosition) {
        let (parts, stop) = try parseTemplateContent(mode: mode, opener: opener, trimsLeadingWhitespace: false)
        switch stop {
        case .end(let closer):
            return (parts, closer.end)
        case .tag(let keyword, let range, _):
            let opening = keyword == "endfor" ? "for" : "if"
            throw HCLSyntaxError(message: "'%{ \(keyword) }' has no '%{ \(opening) ... }' before it", range: range)
        }
    }

    /// Template content up to the end of the template or up to an `else`, `endif` or `endfor` tag.
    mutating func parseTemplateContent(
        mode: TemplateMode, opener: SourcePosition, trimsLeadingWhitespace: Bool
    ) throws(HCLSyntaxError) -> ([HCLTemplatePart], TemplateStop) {
        var parts: [HCLTemplatePart] = []
        var literal = HCLLiteralBuilder(trimsLeadingWhitespace: trimsLeadingWhitespace)
        func flush() { if let part = literal.take() { parts.append(part) } }
        while true {
            if case .heredoc(let delimiter) = mode, cursor.isAtLineStart, let closer = closeHeredoc(delimiter) {
                flush()
                return (parts, .end(closer))
            }
            let start = cursor.position
            guard let byte = cursor.current else { throw unterminatedTemplate(mode, opener: opener) }
            switch byte {
            case UInt8(ascii: "\"") where mode.isQuoted:
                cursor.advance()
                flush()
                return (parts, .end(SourceRange(start: start, end: cursor.position)))
            case UInt8(ascii: "\\") where mode.isQuoted:
                let scalar = try scanEscape()
                literal.append(scalar, from: start, to: cursor.position)
            case 0x0A where mode.isQuoted, 0x0D where mode.isQuoted:
                throw HCLSyntaxError(
                    message: "a quoted string cannot span lines; is its closing '\"' missing? (write \\n for a line "
                        + "break, or use a heredoc)", range: SourceRange(at: start))
            case UInt8(ascii: "$"), UInt8(ascii: "%"):
                if cursor.peek(1) == UInt8(ascii: "{") {
                    if let stop = try parseTemplateTag(
                        isInterpolation: byte == UInt8(ascii: "$"), mode: mode, opener: opener, literal: &literal, parts: &parts)
                    {
                        return (parts, stop)
                    }
                } else if cursor.peek(1) == byte, cursor.peek(2) == UInt8(ascii: "{") {
                    // `$${` and `%%{` are the literal text `${` and `%{`.
                    cursor.advance(2)
                    literal.append(Unicode.Scalar(byte), from: start, to: cursor.position)
                    let brace = cursor.position
                    cursor.advance()
                    literal.append("{", from: brace, to: cursor.position)
                } else {
                    cursor.advance()
                    literal.append(Unicode.Scalar(byte), from: start, to: cursor.position)
                }
            case 0x20...0x7E:
                let length = asciiRunLength(quoted: mode.isQuoted)
                literal.append(asciiRun: UnsafeBufferPointer(rebasing: cursor.bytes[cursor.index..<cursor.index + length]), from: start)
                cursor.advance(length)
            default:
                guard let (scalar, width) = cursor.scalar(at: cursor.index) else {
                    throw HCLSyntaxError(
                        message: "invalid UTF-8 byte \(JSONText.hexByte(byte)) in a string; HCL files must be UTF-8",
                        range: SourceRange(at: start))
                }
                cursor.advance(width)
                literal.append(scalar, from: start, to: cursor.position)
            }
        }
    }

    /// How many printable ASCII bytes from the cursor are plain text: none of them opens a tag, an escape or (in
    /// a quoted string) closes the string. At least 1: the byte under the cursor is one.
    private func asciiRunLength(quoted: Bool) -> Int {
        let bytes = cursor.bytes
        var end = cursor.index + 1
        while end < bytes.count {
            let byte = bytes[end]
            guard byte >= 0x20, byte <= 0x7E, byte != UInt8(ascii: "$"), byte != UInt8(ascii: "%") else { break }
            if quoted, byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { break }
            end += 1
        }
        return end - cursor.index
    }
}
