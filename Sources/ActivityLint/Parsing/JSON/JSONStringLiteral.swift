/// Scanning and decoding of JSON string literals (RFC 8259 section 7).
extension JSONCursor {
    /// Scans the string literal whose opening quote is under the cursor and moves past its closing quote.
    ///
    /// A string without escapes is validated and decoded in one pass over its bytes; a string with escapes is
    /// decoded again with the source position of every code point.
    mutating func scanString() throws(JSONSyntaxError) -> (value: StringValue, range: SourceRange) {
        let open = position
        let contentStart = SourcePosition(line: open.line, column: open.column + 1, offset: open.offset + 1)
        let start = index + 1
        let count = bytes.count
        var offset = start
        var continuation = 0
        while offset < count {
            // Eight bytes at a time up to the next byte that is not plain ASCII text: nearly every key and value
            // is plain up to its closing quote.
            if offset + 8 <= count {
                let stops = ByteWord.jsonStringStops(in: bytes.word(at: offset))
                if stops == 0 {
                    offset += 8
                    continue
                }
                offset += stops.trailingZeroBitCount / 8
            }
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let text = KnownText.string(UnsafeBufferPointer(rebasing: bytes[start..<offset]))
                continuationBytes += continuation
                index = offset + 1
                return (StringValue(text: text, contentStart: contentStart), SourceRange(start: open, end: position))
            }
            if byte == UInt8(ascii: "\\") {
                return try scanEscapedString(open: open, contentStart: contentStart)
            }
            if byte < 0x80 {
                if byte < 0x20 { throw controlCharacterError(at: offset) }
                offset += 1
            } else {
                guard let width = multibyteWidth(at: offset) else { throw invalidUTF8Error(at: offset) }
                offset += width
                continuation += width - 1
            }
        }
        throw unterminatedStringError(open: open)
    }

    /// Decodes a string that contains escapes, recording where each code point starts.
    private mutating func scanEscapedString(
        open: SourcePosition, contentStart: SourcePosition
    ) throws(JSONSyntaxError) -> (value: StringValue, range: SourceRange) {
        let count = bytes.count
        var utf8: [UInt8] = []
        utf8.reserveCapacity(32)
        var positions: [SourcePosition] = []
        // Not the `[:]` literal, which builds a dictionary on every string.
        var loneSurrogates: [Int: UInt32] = Dictionary()
        var offset = contentStart.offset
        var column = contentStart.column
        var continuation = 0
        while true {
            guard offset < count else { throw unterminatedStringError(open: open) }
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") { break }
            positions.append(SourcePosition(line: line, column: column, offset: offset))
            if byte == UInt8(ascii: "\\") {
                guard offset + 1 < count else { throw unterminatedStringError(open: open) }
                let escaped = bytes[offset + 1]
                var width = 2
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escaped)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"):
                    let value = try hexQuad(at: offset + 2, open: open)
                    width = 6
                    if (0xD800...0xDBFF).contains(value), offset + 7 < count, bytes[offset + 6] == UInt8(ascii: "\\"),
                        bytes[offset + 7] == UInt8(ascii: "u"), let low = hexQuadIfPresent(at: offset + 8),
                        (0xDC00...0xDFFF).contains(low)
                    {
                        Self.appendUTF8(0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00), to: &utf8)
                        width = 12
                    } else if (0xD800...0xDFFF).contains(value) {
                        // Swift strings cannot hold a lone surrogate: keep U+FFFD in the text and the value aside.
                        loneSurrogates[positions.count - 1] = value
                        Self.appendUTF8(0xFFFD, to: &utf8)
                    } else {
                        Self.appendUTF8(value, to: &utf8)
                    }
                default:
                    throw invalidEscapeError(at: offset)
                }
                offset += width
                column += width
            } else if byte < 0x80 {
                if byte < 0x20 { throw controlCharacterError(at: offset) }
                utf8.append(byte)
                offset += 1
                column += 1
            } else {
                guard let width = multibyteWidth(at: offset) else { throw invalidUTF8Error(at: offset) }
                utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[offset..<offset + width]))
                offset += width
                column += 1
                continuation += width - 1
            }
        }
        continuationBytes += continuation
        index = offset + 1
        let value = StringValue(
            text: String(decoding: utf8, as: UTF8.self), contentStart: contentStart, loneSurrogates: loneSurrogates,
            scalarPositions: positions)
        return (value, SourceRange(start: open, end: position))
    }

    /// The four hex digits of a `\u` escape at `offset`.
    private func hexQuad(at offset: Int, open: SourcePosition) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for digitOffset in offset..<offset + 4 {
            guard digitOffset < bytes.count else { throw unterminatedStringError(open: open) }
            guard let digit = JSONText.hexValue(bytes[digitOffset]) else {
                throw JSONSyntaxError(
                    "invalid \\u escape: expected 4 hexadecimal digits after '\\u', found "
                        + describeCharacter(at: digitOffset),
                    start: digitOffset, end: digitOffset + characterWidth(at: digitOffset))
            }
            value = value << 4 | digit
        }
        return value
    }

    /// The four hex digits at `offset`, or nil when they are not all there.
    private func hexQuadIfPresent(at offset: Int) -> UInt32? {
        guard offset + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for digitOffset in offset..<offset + 4 {
            guard let digit = JSONText.hexValue(bytes[digitOffset]) else { return nil }
            value = value << 4 | digit
        }
        return value
    }

    /// Appends a code point (a scalar value, or U+FFFD) as UTF-8.
    private static func appendUTF8(_ value: UInt32, to utf8: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            utf8.append(UInt8(value))
        case 0x80..<0x800:
            utf8.append(UInt8(0xC0 | value >> 6))
            utf8.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            utf8.append(UInt8(0xE0 | value >> 12))
            utf8.append(UInt8(0x80 | value >> 6 & 0x3F))
            utf8.append(UInt8(0x80 | value & 0x3F))
        default:
            utf8.append(UInt8(0xF0 | value >> 18))
            utf8.append(UInt8(0x80 | value >> 12 & 0x3F))
            utf8.append(UInt8(0x80 | value >> 6 & 0x3F))
            utf8.append(UInt8(0x80 | value & 0x3F))
        }
    }

    // MARK: Errors

    private func unterminatedStringError(open: SourcePosition) -> JSONSyntaxError {
        var error = JSONSyntaxError("unterminated string: a string has no closing '\"'", start: bytes.count, end: bytes.count)
        error.related = (open.offset, "the unterminated string starts here")
        return error
    }

    private func controlCharacterError(at offset: Int) -> JSONSyntaxError {
        let byte = bytes[offset]
        let escape = JSONStringEscaper.controlEscape(UInt32(byte))
        var message =
            "control character \(JSONText.codePointName(UInt32(byte))) must be escaped as \(escape) inside a string"
        if byte == 0x0A || byte == 0x0D { message += "; is the closing '\"' missing?" }
        return JSONSyntaxError(message, start: offset, end: offset + 1)
    }

    private func invalidEscapeError(at offset: Int) -> JSONSyntaxError {
        let escapedOffset = offset + 1
        let escaped = bytes[escapedOffset]
        let shown =
            (0x21...0x7E).contains(escaped) && escaped != UInt8(ascii: "'")
            ? "'\\\(Character(Unicode.Scalar(escaped)))'"
            : "'\\' followed by " + describeCharacter(at: escapedOffset)
        return JSONSyntaxError(
            "invalid escape \(shown); JSON allows only \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX",
            start: offset, end: escapedOffset + characterWidth(at: escapedOffset))
    }

    private func invalidUTF8Error(at offset: Int) -> JSONSyntaxError {
        JSONSyntaxError(
            "invalid UTF-8 byte \(JSONText.hexByte(bytes[offset])) inside a string; JSON text must be UTF-8",
            start: offset, end: offset + 1)
    }
}
