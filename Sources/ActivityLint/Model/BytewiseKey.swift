/// A string compared and hashed by its UTF-8 bytes, as AWS compares tag keys, not by Swift's canonical equivalence:
/// `é` written as one code point and `e` followed by a combining accent are two keys. The bytes are hashed once,
/// so a dictionary's probes compare two integers before they compare any text.
struct BytewiseKey: Hashable {
    let text: String
    private let bytesHash: UInt64

    init(_ text: String) {
        self.text = text
        bytesHash = StableHash.fnv1a64(text.utf8)
    }

    static func == (lhs: BytewiseKey, rhs: BytewiseKey) -> Bool {
        lhs.bytesHash == rhs.bytesHash && lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    func hash(into hasher: inout Hasher) { hasher.combine(bytesHash) }
}
