import CYaml

/// Turns libyaml marks into `SourcePosition`s.
///
/// libyaml's `index` counts code points from the start of the content (a UTF-8 byte order mark is not
/// counted, CR LF counts two). Its `line` and `column` also break lines at NEL, LS and PS, which
/// `SourceText` does not, so only `index` is used. Marks arrive almost always in increasing order, so a
/// cursor walks forward from the last one: loading stays linear in the input.
struct YAMLMarkConverter {
    private let source: SourceText
    private var cursor: YAMLSourceCursor
    private var index = 0

    init(source: SourceText) {
        self.source = source
        self.cursor = YAMLSourceCursor(offset: source.contentOffset, line: 1, column: 1)
    }

    mutating func position(of mark: yaml_mark_t, in bytes: UnsafeBufferPointer<UInt8>) -> SourcePosition {
        position(ofIndex: Int(mark.index), in: bytes)
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
