#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the code points of a scalar's value stand in the source.
///
/// A scalar on one line whose source text is its value (plain, `'...'` without `''`, `"..."` without `\`)
/// needs no table: code point i is i columns after `contentStart`. Any other scalar is re-read from the
/// source the way libyaml reads it (escapes, `''`, line folding, block indentation and chomping), pairing
/// each code point of the value with where it came from; a folded line break maps to the break. When that
/// re-reading does not give back libyaml's value exactly, a bounded greedy alignment takes over.
enum YAMLScalarPositions {
    enum Style {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    struct Located {
        var contentStart: SourcePosition
        var positions: [SourcePosition]?
    }

    /// - Parameters:
    ///   - start: libyaml's start mark (at the tag or anchor when the scalar has one).
    ///   - end: libyaml's end mark.
    static func locate(
        bytes: UnsafeBufferPointer<UInt8>, start: SourcePosition, end: SourcePosition, style: Style,
        hasProperties: Bool, value: UnsafeBufferPointer<UInt8>, text: String
    ) -> Located {
        let endOffset = min(max(end.offset, start.offset), bytes.count)
        var cursor = YAMLSourceCursor(start)
        if hasProperties { skipProperties(&cursor, bytes: bytes, endOffset: endOffset) }
        var content = cursor
        // Most scalars are their source text on one line: they need no table, and no reader is made for them.
        switch style {
        case .plain:
            if cursor.line == end.line, cursor.offset <= endOffset, equal(bytes, cursor.offset..<endOffset, value) {
                return Located(contentStart: cursor.position, positions: nil)
            }
        case .singleQuoted, .doubleQuoted:
            content.advance(bytes)
            if content.line == end.line, endOffset >= content.offset + 1,
                equal(bytes, content.offset..<(endOffset - 1), value)
            {
                return Located(contentStart: content.position, positions: nil)
            }
        case .literal, .folded:
            break
        }
        var reader = Reader(bytes: bytes, endOffset: endOffset, capacity: value.count)
        switch style {
        case .plain:
            reader.readFlow(from: cursor, quote: nil)
        case .singleQuoted, .doubleQuoted:
            reader.readFlow(from: content, quote: style == .singleQuoted ? UInt8(ascii: "'") : UInt8(ascii: "\""))
        case .literal, .folded:
            content = reader.readBlock(from: cursor, text: text) ?? cursor
        }
        if value.isEmpty { return Located(contentStart: content.position, positions: nil) }
        var positions: [SourcePosition]
        if reader.produced(value) {
            positions = reader.positions
        } else {
            positions = greedy(bytes: bytes, from: content, endOffset: endOffset, text: text)
        }
        return Located(contentStart: positions.first ?? content.position, positions: positions)
    }

    /// The end of a block scalar without the trailing line breaks and blanks libyaml's end mark includes.
    static func trimmedBlockEnd(
        bytes: UnsafeBufferPointer<UInt8>, source: SourceText, start: SourcePosition, end: SourcePosition
    ) -> SourcePosition {
        var offset = min(end.offset, bytes.count)
        while offset > start.offset + 1 {
            let byte = bytes[offset - 1]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { break }
            offset -= 1
        }
        return offset == end.offset ? end : source.position(atOffset: offset)
    }

    // MARK: - Helpers

    private static func equal(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ value: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard range.count == value.count, range.upperBound <= bytes.count else { return false }
        guard let source = bytes.baseAddress, let value = value.baseAddress else { return range.isEmpty }
        return memcmp(source + range.lowerBound, value, range.count) == 0
    }

    /// Skips anchors (`&a`), tags (`!Ref`, `!<tag:x>`), blanks, breaks and comments before the content.
    private static func skipProperties(
        _ cursor: inout YAMLSourceCursor, bytes: UnsafeBufferPointer<UInt8>, endOffset: Int
    ) {
        while cursor.offset < endOffset {
            let byte = bytes[cursor.offset]
            if byte == UInt8(ascii: "&") || byte == UInt8(ascii: "!") {
                var verbatim = false
                cursor.advance(bytes)
                if byte == UInt8(ascii: "!"), cursor.offset < endOffset, bytes[cursor.offset] == UInt8(ascii: "<") {
                    verbatim = true
                }
                while cursor.offset < endOffset {
                    let next = bytes[cursor.offset]
                    if verbatim {
                        cursor.advance(bytes)
                        if next == UInt8(ascii: ">") { break }
                        continue
                    }
                    if next == 0x20 || next == 0x09 || YAMLUTF8.lineBreak(at: cursor.offset, in: bytes) != nil {
                        break
                    }
                    cursor.advance(bytes)
                }
            } else if byte == 0x20 || byte == 0x09 {
                cursor.advance(bytes)
            } else if YAMLUTF8.lineBreak(at: cursor.offset, in: bytes) != nil {
                cursor.advanceBreak(bytes)
            } else if byte == UInt8(ascii: "#") {
                while cursor.offset < endOffset, YAMLUTF8.lineBreak(at: cursor.offset, in: bytes) == nil {
                    cursor.advance(bytes)
                }
            } else {
                return
            }
        }
    }

    /// Pairs each value code point with a source position by searching a little way ahead for the same
    /// character (a blank or line break in the value may come from any line break).
    private static func greedy(
        bytes: UnsafeBufferPointer<UInt8>, from start: YAMLSourceCursor, endOffset: Int, text: String
    ) -> [SourcePosition] {
        var cursor = start
        var last = start.position
        var positions: [SourcePosition] = []
        positions.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            var probe = cursor
            var steps = 0
            while probe.offset < endOffset, steps < 64 {
                let here = YAMLUTF8.scalar(at: probe.offset, in: bytes)
                let lineBreak = YAMLUTF8.lineBreak(at: probe.offset, in: bytes)
                let matches =
                    here == scalar.value
                    || lineBreak != nil && (scalar == " " || scalar == "\n" || scalar.value == lineBreak)
                let position = probe.position
                if lineBreak != nil { probe.advanceBreak(bytes) } else { probe.advance(bytes) }
                if matches {
                    last = position
                    cursor = probe
                    break
                }
                steps += 1
            }
            positions.append(last)
        }
        return positions
    }

    // MARK: - Re-reading the source as libyaml does

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let endOffset: Int
        var scalars: [UInt32] = []
        var positions: [SourcePosition] = []

        let capacity: Int

        init(bytes: UnsafeBufferPointer<UInt8>, endOffset: Int, capacity: Int) {
            self.bytes = bytes
            self.endOffset = endOffset
            self.capacity = capacity
        }

        private mutating func reserve() {
            scalars.reserveCapacity(capacity)
            positions.reserveCapacity(capacity)
        }

        /// Whether the code points read, encoded as UTF-8, are exactly `value`.
        func produced(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
            var index = 0
            for scalar in scalars {
                guard let unicode = Unicode.Scalar(scalar) else { return false }
                for byte in UTF8.encode(unicode)! {
                    guard index < value.count, value[index] == byte else { return false }
                    index += 1
                }
            }
            return index == value.count
        }

        @inline(__always)
        mutating func emit(_ scalar: UInt32, _ position: SourcePosition) {
            scalars.append(scalar)
            positions.append(position)
        }

        /// Plain, single-quoted and double-quoted scalars: escapes, `''`, and line folding.
        mutating func readFlow(from start: YAMLSourceCursor, quote: UInt8?) {
            reserve()
            var cursor = start
            while cursor.offset < endOffset {
                let byte = bytes[cursor.offset]
                if let quote, byte == quote {
                    if quote == UInt8(ascii: "'"), cursor.offset + 1 < endOffset,
                        bytes[cursor.offset + 1] == UInt8(ascii: "'")
                    {
                        emit(0x27, cursor.position)
                        cursor.advance(bytes)
                        cursor.advance(bytes)
                        continue
                    }
                    return
                }
                if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") {
                    if YAMLUTF8.lineBreak(at: cursor.offset + 1, in: bytes) != nil {
                        cursor.advance(bytes)
                        cursor.advanceBreak(bytes)
                        readBlanks(&cursor, escapedBreak: true)
                    } else {
                        readEscape(&cursor)
                    }
                    continue
                }
                if byte == 0x20 || byte == 0x09 || YAMLUTF8.lineBreak(at: cursor.offset, in: bytes) != nil {
                    readBlanks(&cursor, escapedBreak: false)
                    continue
                }
                emit(YAMLUTF8.scalar(at: cursor.offset, in: bytes), cursor.position)
                cursor.advance(bytes)
            }
        }

        /// A run of blanks and line breaks: kept blanks, or folded breaks (one break is a space mapped to the
        /// break, more breaks are line feeds mapped to the second and later breaks).
        private mutating func readBlanks(_ cursor: inout YAMLSourceCursor, escapedBreak: Bool) {
            var leadingBlanks = escapedBreak
            var leadingBreak: (scalar: UInt32, position: SourcePosition)?
            var whitespace: [(scalar: UInt32, position: SourcePosition)] = []
            var trailing: [(scalar: UInt32, position: SourcePosition)] = []
            while cursor.offset < endOffset {
                let byte = bytes[cursor.offset]
                if byte == 0x20 || byte == 0x09 {
                    if !leadingBlanks { whitespace.append((UInt32(byte), cursor.position)) }
                    cursor.advance(bytes)
                } else if let lineBreak = YAMLUTF8.lineBreak(at: cursor.offset, in: bytes) {
                    if !leadingBlanks {
                        whitespace.removeAll()
                        leadingBreak = (lineBreak, cursor.position)
                        leadingBlanks = true
                    } else {
                        trailing.append((lineBreak, cursor.position))
                    }
                    cursor.advanceBreak(bytes)
                } else {
                    break
                }
            }
            if leadingBlanks {
                if let leadingBreak, leadingBreak.scalar == 0x0A {
                    if trailing.isEmpty { emit(0x20, leadingBreak.position) }
                } else if let leadingBreak {
                    emit(leadingBreak.scalar, leadingBreak.position)
                }
                for item in trailing { emit(item.scalar, item.position) }
            } else {
                for item in whitespace { emit(item.scalar, item.position) }
            }
        }

        /// One escape sequence of a double-quoted scalar, mapped to its backslash.
        private mutating func readEscape(_ cursor: inout YAMLSourceCursor) {
            let position = cursor.position
            cursor.advance(bytes)
            guard cursor.offset < endOffset else { return }
            let code = bytes[cursor.offset]
            cursor.advance(bytes)
            var digits = 0
            let value: UInt32
            switch code {
            case UInt8(ascii: "0"): value = 0
            case UInt8(ascii: "a"): value = 0x07
            case UInt8(ascii: "b"): value = 0x08
            case UInt8(ascii: "t"), 0x09: value = 0x09
            case UInt8(ascii: "n"): value = 0x0A
            case UInt8(ascii: "v"): value = 0x0B
            case UInt8(ascii: "f"): value = 0x0C
            case UInt8(ascii: "r"): value = 0x0D
            case UInt8(ascii: "e"): value = 0x1B
            case UInt8(ascii: "N"): value = 0x85
            case UInt8(ascii: "_"): value = 0xA0
            case UInt8(ascii: "L"): value = 0x2028
            case UInt8(ascii: "P"): value = 0x2029
            case UInt8(ascii: "x"): (value, digits) = (0, 2)
            case UInt8(ascii: "u"): (value, digits) = (0, 4)
            case UInt8(ascii: "U"): (value, digits) = (0, 8)
            default: value = UInt32(code)  // ' ', '"', '/', '\'', '\\' stand for themselves
            }
            var result = value
            for _ in 0..<digits {
                guard cursor.offset < endOffset, let digit = YAMLInteger.digitValue(bytes[cursor.offset]) else { break }
                result = result << 4 | UInt32(digit)
                cursor.advance(bytes)
            }
            emit(result, position)
        }

        /// Literal and folded block scalars: the header, indentation, folding and chomping. Returns where the
        /// content starts, or nil when the header is not understood.
        mutating func readBlock(from start: YAMLSourceCursor, text: String) -> YAMLSourceCursor? {
            reserve()
            var cursor = start
            guard cursor.offset < bytes.count else { return nil }
            let literal = bytes[cursor.offset] == UInt8(ascii: "|")
            cursor.advance(bytes)
            var chomping = 0
            var explicitIndent = false
            while cursor.offset < bytes.count {
                let byte = bytes[cursor.offset]
                if byte == UInt8(ascii: "+") {
                    chomping = 1
                } else if byte == UInt8(ascii: "-") {
                    chomping = -1
                } else if byte >= UInt8(ascii: "1"), byte <= UInt8(ascii: "9") {
                    explicitIndent = true
                } else {
                    break
                }
                cursor.advance(bytes)
            }
            while YAMLUTF8.isBlank(at: cursor.offset, in: bytes) { cursor.advance(bytes) }
            if cursor.offset < bytes.count, bytes[cursor.offset] == UInt8(ascii: "#") {
                while cursor.offset < bytes.count, YAMLUTF8.lineBreak(at: cursor.offset, in: bytes) == nil {
                    cursor.advance(bytes)
                }
            }
            guard YAMLUTF8.lineBreak(at: cursor.offset, in: bytes) != nil else { return cursor }
            cursor.advanceBreak(bytes)
            let contentStart = cursor

            // The indentation: detected from the leading lines, or (with an explicit indentation indicator,
            // relative to a parent indentation unknown here) from how many spaces the value keeps.
            var probe = cursor
            var maxIndent = 0
            var firstContentIndent = 0
            while probe.offset < bytes.count {
                var spaces = 0
                while probe.offset < bytes.count, bytes[probe.offset] == 0x20 {
                    probe.advance(bytes)
                    spaces += 1
                }
                maxIndent = max(maxIndent, spaces)
                guard YAMLUTF8.lineBreak(at: probe.offset, in: bytes) != nil else {
                    firstContentIndent = spaces
                    break
                }
                probe.advanceBreak(bytes)
            }
            var indent = max(maxIndent, 1)
            if explicitIndent {
                let kept = text.unicodeScalars.drop { $0 == "\n" }.prefix { $0 == " " }.count
                indent = firstContentIndent - kept
                guard indent >= 1 else { return contentStart }
            }

            var trailing: [(scalar: UInt32, position: SourcePosition)] = []
            func readBreaks(_ cursor: inout YAMLSourceCursor) -> Int {
                while true {
                    var column = 0
                    while column < indent, cursor.offset < bytes.count, bytes[cursor.offset] == 0x20 {
                        cursor.advance(bytes)
                        column += 1
                    }
                    guard let lineBreak = YAMLUTF8.lineBreak(at: cursor.offset, in: bytes) else { return column }
                    trailing.append((lineBreak, cursor.position))
                    cursor.advanceBreak(bytes)
                }
            }
            var leadingBreak: (scalar: UInt32, position: SourcePosition)?
            var leadingBlank = false
            var column = readBreaks(&cursor)
            while column == indent, cursor.offset < endOffset {
                let trailingBlank = YAMLUTF8.isBlank(at: cursor.offset, in: bytes)
                if !literal, let lineBreak = leadingBreak, lineBreak.scalar == 0x0A, !leadingBlank, !trailingBlank {
                    if trailing.isEmpty { emit(0x20, lineBreak.position) }
                } else if let lineBreak = leadingBreak {
                    emit(lineBreak.scalar, lineBreak.position)
                }
                leadingBreak = nil
                for item in trailing { emit(item.scalar, item.position) }
                trailing.removeAll()
                leadingBlank = trailingBlank
                while cursor.offset < bytes.count, YAMLUTF8.lineBreak(at: cursor.offset, in: bytes) == nil {
                    emit(YAMLUTF8.scalar(at: cursor.offset, in: bytes), cursor.position)
                    cursor.advance(bytes)
                }
                guard let lineBreak = YAMLUTF8.lineBreak(at: cursor.offset, in: bytes) else { break }
                leadingBreak = (lineBreak, cursor.position)
                cursor.advanceBreak(bytes)
                column = readBreaks(&cursor)
            }
            if chomping != -1, let leadingBreak { emit(leadingBreak.scalar, leadingBreak.position) }
            if chomping == 1 { for item in trailing { emit(item.scalar, item.position) } }
            return contentStart
        }
    }
}
