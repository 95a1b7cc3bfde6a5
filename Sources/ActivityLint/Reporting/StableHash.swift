/// FNV-1a, 64 bits: a tiny, fast, platform-independent hash for SARIF fingerprints.
///
/// Unlike Swift's `Hasher`, it is not seeded per process, so the same input hashes the same in every run.
enum StableHash {
    fileprivate static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    fileprivate static let prime: UInt64 = 0x0000_0100_0000_01b3

    static func fnv1a64<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash = Running()
        hash.add(bytes)
        return hash.value
    }

    /// FNV-1a fed piece by piece, without building a byte array first.
    struct Running {
        private(set) var value = StableHash.offsetBasis

        init() {}

        mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
            // A string's UTF-8 is usually contiguous: a plain loop over memory beats the generic iterator.
            let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
                for byte in buffer { add(byte) }
            }
            if done == nil { for byte in bytes { add(byte) } }
        }

        mutating func add(_ byte: UInt8) {
            value ^= UInt64(byte)
            value = value &* StableHash.prime
        }
    }

    /// One hash of two (a pair's parts' hashes), well mixed so that sums of pair hashes tell sets of pairs apart:
    /// the second part goes through SplitMix64's finalizer before it is added to the first, and the sum through it
    /// again, so swapping the parts or moving bits between them changes the result.
    static func pair(_ first: UInt64, _ second: UInt64) -> UInt64 {
        mixed(first &+ mixed(second))
    }

    private static func mixed(_ value: UInt64) -> UInt64 {
        var value = value
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// The hash of the UTF-8 of `parts`, each followed by a NUL so `["ab", "c"]` and `["a", "bc"]` differ,
    /// as 16 lowercase hex digits.
    static func hex(of parts: [String]) -> String {
        var bytes: [UInt8] = []
        for part in parts {
            bytes.append(contentsOf: part.utf8)
            bytes.append(0)
        }
        let digits = String(fnv1a64(bytes), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
