/// A walk over UTF-8 source bytes that keeps line and column the way `SourceText` counts them:
/// LF, CR LF and a lone CR end a line; a column is one Unicode scalar.
struct YAMLSourceCursor {
    var offset: Int
    var line: Int
    var column: Int

    init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    init(_ position: SourcePosition) {
        self.init(offset: position.offset, line: position.line, column: position.column)
    }

    var position: SourcePosition { SourcePosition(line: line, column: column, offset: offset) }

    /// Moves past one code point. A CR LF pair is two code points, as libyaml's mark index counts it.
    @inline(__always)
    mutating func advance(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard offset < bytes.count else { return }
        let byte = bytes[offset]
        if byte == 0x0A {
            offset += 1
            line += 1
            column = 1
        } else if byte == 0x0D {
            offset += 1
            if offset < bytes.count, bytes[offset] == 0x0A {
                column += 1
            } else {
                line += 1
                column = 1
            }
        } else {
            offset = min(offset + YAMLUTF8.width(ofLeadByte: byte), bytes.count)
            column += 1
        }
    }

    /// Moves past a line break (CR LF as one), or one code point when there is no break here.
    @inline(__always)
    mutating func advanceBreak(_ bytes: UnsafeBufferPointer<UInt8>) {
        if offset + 1 < bytes.count, bytes[offset] == 0x0D, bytes[offset + 1] == 0x0A { advance(bytes) }
        advance(bytes)
    }
}

/// Small UTF-8 helpers over raw bytes, shared by the YAML position code.
enum YAMLUTF8 {
    /// The byte length of a sequence from its lead byte; 1 for bytes that cannot lead one.
    @inline(__always)
    static func width(ofLeadByte byte: UInt8) -> Int {
        if byte < 0xC0 { return 1 }
        if byte < 0xE0 { return 2 }
        if byte < 0xF0 { return 3 }
        if byte < 0xF8 { return 4 }
        return 1
    }

    /// The code point at `offset` (U+FFFD when the bytes are not valid UTF-8 there; 0 past the end).
    @inline(__always)
    static func scalar(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard offset < bytes.count else { return 0 }
        let lead = bytes[offset]
        if lead < 0x80 { return UInt32(lead) }
        let width = width(ofLeadByte: lead)
        guard width > 1, offset + width <= bytes.count else { return 0xFFFD }
        var value = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for index in 1..<width {
            let byte = bytes[offset + index]
            guard byte & 0xC0 == 0x80 else { return 0xFFFD }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return value
    }

    /// The line break at `offset` as libyaml reads it (LF, CR, CR LF, NEL, LS, PS), as the scalar it
    /// becomes in a value (LS and PS stay themselves, the others become LF), or nil when there is none.
    @inline(__always)
    static func lineBreak(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard offset < bytes.count else { return nil }
        switch bytes[offset] {
        case 0x0A, 0x0D: return 0x0A
        case 0xC2: return offset + 1 < bytes.count && bytes[offset + 1] == 0x85 ? 0x0A : nil
        case 0xE2:
            guard offset + 2 < bytes.count, bytes[offset + 1] == 0x80 else { return nil }
            if bytes[offset + 2] == 0xA8 { return 0x2028 }
            if bytes[offset + 2] == 0xA9 { return 0x2029 }
            return nil
        default: return nil
        }
    }

    @inline(__always)
    static func isBlank(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        offset < bytes.count && (bytes[offset] == 0x20 || bytes[offset] == 0x09)
    }
}
