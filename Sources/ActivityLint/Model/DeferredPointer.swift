/// A JSON Pointer kept as its parts and spelt out only when asked: every tag and field has one, and only the few
/// that a finding is about are ever shown.
@_spi(Internals) public struct DeferredPointer: Sendable {
    /// What follows the spelt-out part. An enum rather than two optionals: copying a `String?` goes through the
    /// runtime's generic value witness, and every field record copies its pointer.
    enum Tail: Sendable {
        case none
        case index(Int)
        case member(String)
        case indexThenMember(Int, String)
    }

    /// A pointer already spelt out (`/tags`, `/encryptionConfiguration`).
    let base: String
    let tail: Tail

    init(_ base: String, index: Int? = nil, member: String? = nil) {
        self.base = base
        switch (index, member) {
        case (nil, nil): tail = .none
        case (let index?, nil): tail = .index(index)
        case (nil, let member?): tail = .member(member)
        case (let index?, let member?): tail = .indexThenMember(index, member)
        }
    }

    private init(_ base: String, tail: Tail) {
        self.base = base
        self.tail = tail
    }

    /// Whether this is the payload's root (`""`), where top-level members hang.
    var isRoot: Bool {
        if base.isEmpty, case .none = tail { return true }
        return false
    }

    /// This pointer with a member appended.
    func appending(_ member: String) -> DeferredPointer {
        switch tail {
        case .none: DeferredPointer(base, tail: .member(member))
        case .index(let index): DeferredPointer(base, tail: .indexThenMember(index, member))
        case .member, .indexThenMember: DeferredPointer(text, tail: .member(member))
        }
    }

    public var text: String {
        switch tail {
        case .none: base
        case .index(let index): JSONPointer.appending(index, to: base)
        case .member(let member): JSONPointer.appending(member, to: base)
        case .indexThenMember(let index, let member):
            JSONPointer.appending(member, to: JSONPointer.appending(index, to: base))
        }
    }
}
