import CYaml

/// Turns libyaml marks into `SourcePosition`s.
///
/// libyaml's `index` counts code points from the start of the content (a UTF-8 byte order mark is not
/// counted, CR LF counts two). Its `line` and `column` also break lines at NEL, LS and PS, which
/// `SourceText` does not, so in general only `index` is used. Marks arrive almost always in increasing order, so a
/// cursor walks forward from the last one: loading stays linear in the input.
///
/// In ASCII text (nearly every file) a code point is a byte and only LF, CR LF and a lone CR break lines, exactly as
/// in `SourceText`: libyaml's own line and column are then the position, and nothing is walked. The one exception is
/// the end of the input, where libyaml starts a new line of its own when the text does not end with a line break.
struct YAMLMarkConverter {
    private let source: SourceText
    private let isASCII: Bool
    private var cursor: YAMLSourceCursor
    private var index = 0

    init(source: SourceText) {
        self.source = source
        self.isASCII = source.bytes.withUnsafeBufferPointer { $0.isASCII(from: source.contentOffset) }
        self.cursor = YAMLSourceCursor(offset: source.contentOffset, line: 1, column: 1)
    }

    mutating func position(of mark: yaml_mark_t, in bytes: UnsafeBufferPointer<UInt8>) -> SourcePosition {
        if isASCII {
            let offset = source.contentOffset + Int(mark.index)
            guard offset < bytes.count else { return source.position(atOffset: offset) }
            return SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1, offset: offset)
        }
        return position(ofIndex: Int(mark.index), in: bytes)
    }

    mutating func position(ofIndex target: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourcePosition {
        if target < index {
            // Rare: step back code point by code point, then let SourceText find line and column.
            var offset = cursor.offset
            while index > target {
                if offset <= source.contentOffset {
                    offset = source.contentOffset
                    index = 0
                    break
                }
                offset -= 1
                while offset > source.contentOffset, bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
                index -= 1
            }
            cursor = YAMLSourceCursor(source.position(atOffset: offset))
        }
        // Printable ASCII first, in a tight loop; anything else one code point at a time.
        var offset = cursor.offset
        var column = cursor.column
        while index < target, offset < bytes.count {
            let byte = bytes[offset]
            if byte >= 0x20, byte < 0x80 {
                offset += 1
                column += 1
                index += 1
                continue
            }
            cursor.offset = offset
            cursor.column = column
            cursor.advance(bytes)
            offset = cursor.offset
            column = cursor.column
            index += 1
        }
        cursor.offset = offset
        cursor.column = column
        return cursor.position
    }
}
