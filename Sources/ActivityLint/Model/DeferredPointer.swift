/// A JSON Pointer kept as its parts and spelt out only when asked: every tag and field has one, and only the few
/// that a finding is about are ever shown.
@_spi(Internals) public struct DeferredPointer: Sendable {
    /// A pointer already spelt out (`/tags`, `/encryptionConfiguration`).
    let base: String
    /// An array index appended to `base`, when there is one.
    let index: Int?
    /// A member name appended last, when there is one.
    let member: String?

    init(_ base: String, index: Int? = nil, member: String? = nil) {
        self.base = base
        self.index = index
        self.member = member
    }

    /// This pointer with a member appended.
    func appending(_ member: String) -> DeferredPointer {
        guard self.member != nil else { return DeferredPointer(base, index: index, member: member) }
        return DeferredPointer(text, member: member)
    }

    public var text: String {
        var pointer = base
        if let index { pointer = JSONPointer.appending(index, to: pointer) }
        if let member { pointer = JSONPointer.appending(member, to: pointer) }
        return pointer
    }
}
