/// A string compared and hashed by its UTF-8 bytes, as AWS compares tag keys, not by Swift's canonical equivalence:
/// `é` written as one code point and `e` followed by a combining accent are two keys.
struct BytewiseKey: Hashable {
    let text: String

    static func == (lhs: BytewiseKey, rhs: BytewiseKey) -> Bool { lhs.text.utf8.elementsEqual(rhs.text.utf8) }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
