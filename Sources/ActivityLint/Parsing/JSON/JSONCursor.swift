/// A read head over the bytes of a JSON text that knows the line and column it stands at.
///
/// Lines change only in whitespace (a JSON string cannot hold a raw line break), and the column is derived
/// from how many UTF-8 continuation bytes the current line has seen, so positions cost O(1).
struct JSONCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The byte offset of the next byte to read.
    var index: Int
    var line = 1
    /// The byte offset at which the current line starts.
    var lineStart: Int
    /// UTF-8 continuation bytes between `lineStart` and `index` (each scalar counts one column).
    var continuationBytes = 0

    init(bytes: UnsafeBufferPointer<UInt8>, start: Int) {
        self.bytes = bytes
        self.index = start
        self.lineStart = start
    }

    /// A read head at `position`, inside a line that starts at byte `lineStart` (for reading one value of a text).
    init(bytes: UnsafeBufferPointer<UInt8>, at position: SourcePosition, lineStart: Int) {
        self.bytes = bytes
        self.index = position.offset
        self.line = position.line
        self.lineStart = lineStart
        continuationBytes = position.offset - lineStart - (position.column - 1)
    }

    @inline(__always) var isAtEnd: Bool { index >= bytes.count }

    /// The byte under the cursor, or nil at the end of input.
    @inline(__always) var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    @inline(__always) var position: SourcePosition {
        SourcePosition(line: line, column: index - lineStart - continuationBytes + 1, offset: index)
    }

    /// Skips JSON whitespace: space, tab, LF, CR (CR LF and a lone CR each end one line).
    @inline(__always) mutating func skipWhitespace() {
        let count = bytes.count
        while index < count {
            switch bytes[index] {
            case 0x20:
                index += 1
                // Indentation comes in runs of spaces: eight at a time up to the first other byte. A lone space (after
                // a colon or a comma) is not worth the word.
                while index + 8 <= count, bytes[index] == 0x20 {
                    let others = bytes.word(at: index) ^ 0x2020_2020_2020_2020
                    guard others == 0 else {
                        index += others.trailingZeroBitCount / 8
                        break
                    }
                    index += 8
                }
            case 0x09:
                index += 1
            case 0x0A:
                index += 1
                newLine()
            case 0x0D:
                index += 1
                if index < count, bytes[index] == 0x0A { index += 1 }
                newLine()
            default:
                return
            }
        }
    }

    @inline(__always) private mutating func newLine() {
        line += 1
        lineStart = index
        continuationBytes = 0
    }

    /// The length of the well-formed UTF-8 sequence of two to four bytes that starts at `offset`, or nil
    /// when the bytes there are not well-formed UTF-8 (overlong forms, encoded surrogates and values above
    /// U+10FFFF are rejected, as in Unicode's table of well-formed byte sequences).
    func multibyteWidth(at offset: Int) -> Int? {
        let count = bytes.count
        @inline(__always) func byte(_ i: Int, in range: ClosedRange<UInt8>) -> Bool {
            offset + i < count && range.contains(bytes[offset + i])
        }
        let tail: ClosedRange<UInt8> = 0x80...0xBF
        switch bytes[offset] {
        case 0xC2...0xDF:
            return byte(1, in: tail) ? 2 : nil
        case 0xE0:
            return byte(1, in: 0xA0...0xBF) && byte(2, in: tail) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF:
            return byte(1, in: tail) && byte(2, in: tail) ? 3 : nil
        case 0xED:
            return byte(1, in: 0x80...0x9F) && byte(2, in: tail) ? 3 : nil
        case 0xF0:
            return byte(1, in: 0x90...0xBF) && byte(2, in: tail) && byte(3, in: tail) ? 4 : nil
        case 0xF1...0xF3:
            return byte(1, in: tail) && byte(2, in: tail) && byte(3, in: tail) ? 4 : nil
        case 0xF4:
            return byte(1, in: 0x80...0x8F) && byte(2, in: tail) && byte(3, in: tail) ? 4 : nil
        default:
            return nil
        }
    }

    /// The scalar at `offset` and its width in bytes, or nil at the end of input or on malformed UTF-8.
    func scalar(at offset: Int) -> (value: UInt32, width: Int)? {
        guard offset < bytes.count else { return nil }
        let lead = bytes[offset]
        if lead < 0x80 { return (UInt32(lead), 1) }
        guard let width = multibyteWidth(at: offset) else { return nil }
        var value = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for i in 1..<width { value = value << 6 | UInt32(bytes[offset + i] & 0x3F) }
        return (value, width)
    }

    /// How many bytes the character at `offset` spans for an error range: its scalar's width, 1 for a
    /// malformed byte, 0 at the end of input.
    func characterWidth(at offset: Int) -> Int {
        guard offset < bytes.count else { return 0 }
        return scalar(at: offset)?.width ?? 1
    }

    /// A safe description of the character at `offset` for a message: printable ASCII quoted, anything else
    /// as U+XXXX, never a raw control character.
    func describeCharacter(at offset: Int) -> String {
        guard offset < bytes.count else { return "end of input" }
        let byte = bytes[offset]
        switch byte {
        case 0x20: return "a space"
        case UInt8(ascii: "'"): return "\"'\""
        case 0x21...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
        default:
            guard let scalar = scalar(at: offset) else { return "invalid UTF-8 byte \(JSONText.hexByte(byte))" }
            return JSONText.codePointName(scalar.value)
        }
    }

    /// A run of ASCII letters, digits and underscores at `offset` (a misspelt literal such as `True` or
    /// `NaN`), at most 32 bytes long.
    func word(at offset: Int) -> String {
        var end = offset
        while end < bytes.count, end - offset < 32, JSONText.isWordByte(bytes[end]) { end += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
    }
}
