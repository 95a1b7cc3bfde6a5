/// The bytes of one input and the table of where its lines start, for positions and for quoting source lines.
@_spi(Internals) public struct SourceText: Sendable {
    public let bytes: [UInt8]
    /// Where the content starts: 3 after a UTF-8 byte order mark, otherwise 0.
    public let contentOffset: Int
    /// Byte offsets at which each line starts (line 1 at index 0). A line ends at LF, CR LF or a lone CR.
    public let lineStarts: [Int]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        self.contentOffset = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        self.lineStarts = SourceText.lineStarts(of: bytes, from: contentOffset)
    }

    private static func lineStarts(of bytes: [UInt8], from contentOffset: Int) -> [Int] {
        bytes.withUnsafeBufferPointer { buffer in
            var starts = [contentOffset]
            let count = buffer.count
            if buffer.offset(of: 0x0D, from: contentOffset) == nil {
                // No CR, as in nearly every file: every line ends at an LF. Lines are short, so eight bytes are
                // tested at a time (a memchr call for each line cost more than the search), into an array sized
                // for lines of 32 bytes.
                starts.reserveCapacity(count / 32 + 16)
                var index = contentOffset
                while index + 8 <= count {
                    var found = ByteWord.matches(of: 0x0A, in: buffer.word(at: index))
                    while found != 0 {
                        starts.append(index + found.trailingZeroBitCount / 8 + 1)
                        found &= found - 1
                    }
                    index += 8
                }
                while index < count {
                    if buffer[index] == 0x0A { starts.append(index + 1) }
                    index += 1
                }
                return starts
            }
            for index in contentOffset..<count {
                let byte = buffer[index]
                if byte == 0x0A || (byte == 0x0D && (index + 1 >= count || buffer[index + 1] != 0x0A)) {
                    starts.append(index + 1)
                }
            }
            return starts
        }
    }

    public init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    public var hasByteOrderMark: Bool { contentOffset == 3 }

    /// The text of a 1-based line without its line break (invalid UTF-8 shows as U+FFFD).
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] : bytes.count
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The position of a byte offset: its line, and its column counted in Unicode scalars.
    public func position(atOffset offset: Int) -> SourcePosition {
        let clamped = max(contentOffset, min(offset, bytes.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        var column = 1
        var index = lineStarts[low]
        while index < clamped {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        // A continuation byte at `clamped` itself still belongs to the scalar counted last.
        if clamped < bytes.count, clamped > lineStarts[low], bytes[clamped] & 0xC0 == 0x80 { column -= 1 }
        return SourcePosition(line: low + 1, column: column, offset: clamped)
    }

    /// The byte offset of a 1-based line and scalar column (the inverse of `position(atOffset:)`).
    public func offset(line: Int, column: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return bytes.count }
        var index = lineStarts[line - 1]
        var remaining = column - 1
        while remaining > 0, index < bytes.count {
            index += 1
            while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
            remaining -= 1
        }
        return index
    }

    public var endPosition: SourcePosition { position(atOffset: bytes.count) }
}
