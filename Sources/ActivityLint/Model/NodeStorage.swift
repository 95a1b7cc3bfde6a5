/// The children of the containers of one parsed document, each container's a run of one of two buffers: one
/// allocation grows a few times per document instead of one per container, a child is read in place, and freeing
/// the document frees every child in one pass, however deep it nests.
///
/// A node kept here whose children are kept here too refers to this storage without counting the reference (it
/// would be a cycle, and the storage would never be freed): the storage lives as long as a reference from outside
/// does (the document's root, any node copied out, which counts its reference as usual). Filled while a parser
/// builds the document, read-only once the document is handed out.
@_spi(Internals) public final class NodeStorage: @unchecked Sendable {
    // Unchecked: every read of a child would otherwise pay a dynamic exclusivity check; the buffers change only
    // while their parser builds the document, which nothing else can see yet.
    @exclusivity(unchecked) @usableFromInline var members = ChildBuffer<Node.Member>()
    @exclusivity(unchecked) @usableFromInline var elements = ChildBuffer<Node>()

    /// `sourceBytes`, the size of the text the document is parsed from, sizes the member buffer for the members
    /// such a text usually has (about one per 16 bytes; at most 4,096, a larger file's grows as it goes): each time
    /// it grows, every member so far is copied.
    init(sourceBytes: Int = 0) {
        members.reserveCapacity(min(sourceBytes / 16, 4096))
    }

    deinit {
        members.free(owner: self)
        elements.free(owner: self)
    }

    /// Moves the top of `stack` from `start` in as one container's members.
    func appendMembers(from stack: ChildStack<Node.Member>, start: Int) -> Node.Members {
        let first = members.count
        return Node.Members(
            storage: self, start: first, count: members.append(movingFrom: stack, start: start, owner: self))
    }

    /// Copies `children` in as one container's members (a mapping that merge keys built out of others' members).
    func appendMembers(_ children: [Node.Member]) -> Node.Members {
        Node.Members(storage: self, start: members.append(children, owner: self), count: children.count)
    }

    /// Moves the top of `stack` from `start` in as one container's elements.
    func appendElements(from stack: ChildStack<Node>, start: Int) -> Node.Elements {
        let first = elements.count
        return Node.Elements(
            storage: self, start: first, count: elements.append(movingFrom: stack, start: start, owner: self))
    }
}

/// A growable buffer of the children a `NodeStorage` keeps.
@_spi(Internals) public struct ChildBuffer<Element: NodeChild> {
    @usableFromInline private(set) var base: UnsafeMutablePointer<Element>?
    private(set) var count = 0
    private var capacity = 0
    /// The array whose buffer `base` is, when the storage was made from one.
    private var adopted: [Element]?

    /// Moves the top of `stack` from `start` to the end, returning how many moved.
    mutating func append(movingFrom stack: ChildStack<Element>, start: Int, owner: NodeStorage) -> Int {
        let first = count
        let moved = stack.count - start
        guard moved > 0 else { return 0 }
        reserve(moved)
        stack.move(from: start, to: base! + first)
        count += moved
        uncountReferences(to: owner, from: first)
        return moved
    }

    /// Appends copies of `children`, returning where the first one went.
    mutating func append(_ children: [Element], owner: NodeStorage) -> Int {
        let first = count
        reserve(children.count)
        for child in children {
            (base! + count).initialize(to: child)
            count += 1
        }
        uncountReferences(to: owner, from: first)
        return first
    }

    /// Makes the children of an array the buffer of a new storage, without copying them: the array is kept, never
    /// changed, and its elements are read where it holds them. (Its children cannot refer to the new storage, so
    /// there is nothing to uncount.)
    mutating func adopt(_ children: consuming [Element]) -> Int {
        precondition(base == nil, "only a new storage adopts an array")
        var children = consume children
        // The array's own buffer (made unique here if it was shared): it stays where it is while `adopted` holds it
        // unchanged.
        base = children.withUnsafeMutableBufferPointer { $0.baseAddress }
        count = children.count
        capacity = count
        adopted = consume children
        return 0
    }

    /// Drops the count of each reference to `owner` from the children from `first` on, which now live in it (each
    /// was counted while its child was outside).
    private func uncountReferences(to owner: NodeStorage, from first: Int) {
        for index in first..<count where base![index].hasChildren(in: owner) {
            Unmanaged.passUnretained(owner).release()
        }
    }

    mutating func reserveCapacity(_ minimum: Int) {
        if minimum > capacity { reserve(minimum - count) }
    }

    private mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        precondition(adopted == nil, "an adopted array is never grown")
        let larger = max(64, capacity * 2, count + extra)
        let buffer = UnsafeMutablePointer<Element>.allocate(capacity: larger)
        if let base {
            // A move is a copy of the bytes for these types: one `memcpy`, not a loop over the children.
            UnsafeMutableRawPointer(buffer).copyMemory(from: base, byteCount: count * MemoryLayout<Element>.stride)
            base.deallocate()
        }
        base = buffer
        capacity = larger
    }

    /// Frees the children, from the deinitializer of `owner`: the references to it, never counted, are overwritten
    /// without a release before the rest is destroyed. An adopted array frees its own children.
    func free(owner: NodeStorage) {
        guard adopted == nil, let base else { return }
        for index in 0..<count where base[index].hasChildren(in: owner) {
            (UnsafeMutableRawPointer(base + index) + Element.valueOffset)
                .assumingMemoryBound(to: Node.Value.self).initialize(to: .null)
        }
        base.deinitialize(count: count)
        base.deallocate()
    }
}
