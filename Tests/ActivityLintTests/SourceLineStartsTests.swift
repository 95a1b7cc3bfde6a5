import Testing

@_spi(Internals) @testable import ActivityLint

/// Line starts are found eight bytes at a time where a file has no CR: these hold that search to a plain walk over
/// the bytes, with breaks at every place in a word and across word ends.
@Suite struct SourceLineStartsTests {
    /// Each line's first byte offset, found one byte at a time (LF, CR LF or a lone CR ends a line).
    private func walkedLineStarts(_ bytes: [UInt8], from start: Int) -> [Int] {
        var starts = [start]
        for index in start..<bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                starts.append(index + 1)
            }
        }
        return starts
    }

    @Test func lineFeedsAtEveryPlaceOfAWordAreFound() {
        for length in 0..<40 {
            for breakAt in 0..<length {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                bytes[breakAt] = 0x0A
                if breakAt + 9 < length { bytes[breakAt + 9] = 0x0A }
                #expect(SourceText(bytes: bytes).lineStarts == walkedLineStarts(bytes, from: 0), "\(length) \(breakAt)")
            }
        }
    }

    @Test func runsOfLineFeedsMultibyteTextAndAByteOrderMarkKeepTheirLineStarts() {
        let texts = ["\n\n\n\n\n\n\n\n\n\n", "é\nü\n€\n😀\nend", "\u{FEFF}a\nb\n", "no break at all, longer than a word", ""]
        for text in texts {
            let source = SourceText(text)
            #expect(source.lineStarts == walkedLineStarts(Array(text.utf8), from: source.contentOffset), "\(text)")
        }
    }

    @Test func aFileWithCarriageReturnsStillEndsLinesAtEachKind() {
        let text = "a\r\nb\rc\nd\r"
        #expect(SourceText(text).lineStarts == [0, 3, 5, 7, 9])
    }
}
