/// Facts about a text gathered in one pass over its UTF-8: several tag rules ask them of every tag, and
/// answering from these costs no second look at the bytes.
@_spi(Internals) public struct TextSummary: Sendable {
    /// The number of Unicode code points.
    public let scalarCount: Int
    /// Which ASCII characters occur, a bit each: bit n of `asciiLow` for character n < 64, of `asciiHigh` for
    /// character 64 + n.
    let asciiLow: UInt64
    let asciiHigh: UInt64
    /// Whether any code point is outside ASCII.
    let hasNonASCII: Bool
    /// Whether the text starts with `aws:` in any letter case, which AWS reserves for its own tags (the
    /// CloudFormation handler compares case-insensitively).
    public let hasReservedPrefix: Bool
    /// FNV-1a of the UTF-8 bytes: texts compared by their bytes (tag keys, as AWS compares them) are told apart by
    /// this first, and a tag list's fingerprint is made of these.
    let bytesHash: UInt64

    init(_ text: String) {
        // Native and small strings lend their bytes in place; only a bridged one is copied.
        (scalarCount, asciiLow, asciiHigh, hasNonASCII, hasReservedPrefix, bytesHash) =
            text.utf8.withContiguousStorageIfAvailable(TextSummary.scan)
            ?? Array(text.utf8).withUnsafeBufferPointer(TextSummary.scan)
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, UInt64, UInt64, Bool, Bool, UInt64) {
        let reserved = bytes.count >= 4 && bytes[0] | 0x20 == UInt8(ascii: "a") && bytes[1] | 0x20 == UInt8(ascii: "w")
            && bytes[2] | 0x20 == UInt8(ascii: "s") && bytes[3] == UInt8(ascii: ":")
        var scalars = 0
        var low: UInt64 = 0
        var high: UInt64 = 0
        var nonASCII = false
        var hash = StableHash.Running()
        for byte in bytes {
            hash.add(byte)
            // Every code point has exactly one byte that is not a continuation byte (10xxxxxx).
            if byte & 0xC0 != 0x80 { scalars += 1 }
            if byte < 64 {
                low |= 1 << UInt64(byte)
            } else if byte < 128 {
                high |= 1 << UInt64(byte - 64)
            } else {
                nonASCII = true
            }
        }
        return (scalars, low, high, nonASCII, reserved, hash.value)
    }
}
