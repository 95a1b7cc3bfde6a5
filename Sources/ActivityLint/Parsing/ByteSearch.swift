#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension UnsafeBufferPointer<UInt8> {
    /// The offset of the first `byte` at or after `start`, found by memchr: many times faster than a loop over a
    /// whole file, and whole files are searched for line breaks, NULs and comment markers.
    func offset(of byte: UInt8, from start: Int = 0) -> Int? {
        guard let base = baseAddress, start < count,
              let found = memchr(base + start, Int32(byte), count - start)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether every byte from `start` on is ASCII, checked eight bytes at a time.
    func isASCII(from start: Int = 0) -> Bool {
        guard let base = baseAddress else { return true }
        var index = start
        while index + 8 <= count {
            if word(at: index) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < count {
            if base[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// Whether `needle` occurs in the bytes: memchr finds each candidate first byte, memcmp checks the rest.
    func contains(bytes needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first, count >= needle.count else { return needle.isEmpty }
        var index = 0
        while let found = offset(of: first, from: index), found + needle.count <= count {
            if memcmp(baseAddress! + found, needle.baseAddress!, needle.count) == 0 { return true }
            index = found + 1
        }
        return false
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Eight bytes from `index` (which must leave eight to read), the first in the lowest bits on any machine.
    func word(at index: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(baseAddress! + index).loadUnaligned(as: UInt64.self))
    }
}

/// Bytes of a 64-bit word tested all at once. Each test sets the high bit of exactly the bytes it finds: adding to a
/// byte's low seven bits never carries into the next byte.
enum ByteWord {
    private static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let high: UInt64 = 0x8080_8080_8080_8080

    /// The bytes equal to `byte`.
    static func matches(of byte: UInt8, in word: UInt64) -> UInt64 {
        let difference = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        return ~(((difference & low7) &+ low7) | difference | low7)
    }

    /// The bytes that end a plain run of JSON string text: a quote, a backslash, a control character (below 0x20)
    /// or a byte of a multibyte character.
    static func jsonStringStops(in word: UInt64) -> UInt64 {
        // Below 0x20: an ASCII byte plus 0x60 stays below 0x80.
        let control = ~((word & low7) &+ 0x6060_6060_6060_6060) & ~word & high
        return matches(of: UInt8(ascii: "\""), in: word) | matches(of: UInt8(ascii: "\\"), in: word) | control
            | (word & high)
    }
}

extension Array<UInt8> {
    /// Whether `needle` occurs in the bytes.
    func contains(bytes needle: [UInt8]) -> Bool {
        withUnsafeBufferPointer { buffer in needle.withUnsafeBufferPointer { buffer.contains(bytes: $0) } }
    }
}

extension String {
    /// Whether `needle` occurs in the text's UTF-8 bytes. The standard library's `contains` compares characters
    /// and costs several times more: the per-file path checks spent 5% of a run in it.
    func containsBytes(of needle: String) -> Bool {
        var text = self
        var needle = needle
        return text.withUTF8 { bytes in needle.withUTF8 { bytes.contains(bytes: $0) } }
    }
}
