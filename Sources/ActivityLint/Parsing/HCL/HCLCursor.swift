/// A read head over the bytes of an HCL file that knows the line and column it stands at.
///
/// Every move goes forward through `advance`, which counts line breaks (LF, CR LF, and a lone CR, as `SourceText`
/// does) and UTF-8 continuation bytes, so a position costs O(1) and a whole parse reads each byte a bounded number
/// of times.
struct HCLCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The byte offset of the next byte to read.
    private(set) var index: Int
    private var line = 1
    /// The byte offset at which the current line starts.
    private(set) var lineStart: Int
    /// UTF-8 continuation bytes between `lineStart` and `index` (each scalar counts one column).
    private var continuationBytes = 0
    /// Byte offsets of the `#` or `//` of every line comment read, for suppression comments.
    private(set) var lineComments: [Int] = []

    init(bytes: UnsafeBufferPointer<UInt8>, start: Int) {
        self.bytes = bytes
        index = start
        lineStart = start
    }

    @inline(__always) var isAtEnd: Bool { index >= bytes.count }

    /// The byte under the cursor, or nil at the end of input.
    @inline(__always) var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// The byte `distance` bytes ahead, or nil past the end.
    @inline(__always) func peek(_ distance: Int) -> UInt8? {
        index + distance < bytes.count ? bytes[index + distance] : nil
    }

    @inline(__always) var position: SourcePosition {
        SourcePosition(line: line, column: index - lineStart - continuationBytes + 1, offset: index)
    }

    mutating func recordLineComment(at offset: Int) {
        lineComments.append(offset)
    }

    /// Whether the cursor stands at the first byte of a line.
    var isAtLineStart: Bool { index == lineStart }

    /// Moves `count` bytes forward, keeping line and column.
    @inline(__always) mutating func advance(_ count: Int = 1) {
        let end = min(index + count, bytes.count)
        while index < end {
            let byte = bytes[index]
            index += 1
            if byte == 0x0A || (byte == 0x0D && (index >= bytes.count || bytes[index] != 0x0A)) {
                line += 1
                lineStart = index
                continuationBytes = 0
            } else if byte & 0xC0 == 0x80 {
                continuationBytes += 1
            }
        }
    }

    /// Whether the bytes at the cursor spell `text` (ASCII).
    func starts(with text: StaticString) -> Bool {
        let length = text.utf8CodeUnitCount
        guard index + length <= bytes.count else { return false }
        let expected = UnsafeBufferPointer(start: text.utf8Start, count: length)
        for i in 0..<length where bytes[index + i] != expected[i] { return false }
        return true
    }

    /// The length of the line break at the cursor (LF 1, CR LF 2, lone CR 1), or 0 when there is none.
    var lineBreakLength: Int {
        switch current {
        case 0x0A: 1
        case 0x0D: peek(1) == 0x0A ? 2 : 1
        default: 0
        }
    }

    // MARK: Scalars

    /// The scalar at `offset` and its width in bytes, or nil at the end of input or on malformed UTF-8.
    func scalar(at offset: Int) -> (value: Unicode.Scalar, width: Int)? {
        guard offset < bytes.count else { return nil }
        let lead = bytes[offset]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let width: Int
        switch lead {
        case 0xC2...0xDF: width = 2
        case 0xE0...0xEF: width = 3
        case 0xF0...0xF4: width = 4
        default: return nil
        }
        guard offset + width <= bytes.count else { return nil }
        var value = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for i in 1..<width {
            let byte = bytes[offset + i]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        // Overlong forms, surrogates and values past U+10FFFF are not well-formed UTF-8.
        let minimum: UInt32 = width == 2 ? 0x80 : width == 3 ? 0x800 : 0x10000
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, width)
    }

    /// How many bytes the character at `offset` spans for an error range: its scalar's width, 1 for a malformed
    /// byte, 0 at the end of input.
    func characterWidth(at offset: Int) -> Int {
        guard offset < bytes.count else { return 0 }
        return scalar(at: offset)?.width ?? 1
    }

    /// A safe description of the character at the cursor for a message: printable ASCII quoted, anything else
    /// as U+XXXX, never a raw control character.
    var currentCharacterDescription: String {
        guard let byte = current else { return "end of input" }
        switch byte {
        case 0x20: return "a space"
        case 0x09: return "a tab"
        case 0x0A, 0x0D: return "a line break"
        case UInt8(ascii: "'"): return "\"'\""
        case 0x21...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
        default:
            guard let scalar = scalar(at: index) else { return "invalid UTF-8 byte \(JSONText.hexByte(byte))" }
            return JSONText.codePointName(scalar.value.value)
        }
    }

    /// The text of bytes `[start, end)`.
    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
}
