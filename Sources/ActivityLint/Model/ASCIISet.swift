/// A set of ASCII characters as a bit each, so that "does this text use only these characters?" is two mask
/// operations on a `TextSummary`.
struct ASCIISet: Sendable {
    /// Bit n for character n < 64.
    let low: UInt64
    /// Bit n for character 64 + n.
    let high: UInt64

    init(_ contains: (Unicode.Scalar) -> Bool) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for value in 0..<128 where contains(Unicode.Scalar(UInt8(value))) {
            if value < 64 { low |= 1 << UInt64(value) } else { high |= 1 << UInt64(value - 64) }
        }
        self.low = low
        self.high = high
    }

    init(_ characters: String) {
        self.init { characters.unicodeScalars.contains($0) }
    }

    func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? low >> UInt64(byte) & 1 == 1 : byte < 128 && high >> UInt64(byte - 64) & 1 == 1
    }
}

extension TextSummary {
    /// Whether the text is ASCII and uses only characters of `set`.
    func usesOnly(_ set: ASCIISet) -> Bool {
        !hasNonASCII && asciiLow & ~set.low == 0 && asciiHigh & ~set.high == 0
    }
}
