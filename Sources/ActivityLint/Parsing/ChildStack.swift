/// The children of the containers a parser has open, in one buffer shared by all of them: each open container owns
/// the elements from the index where it started to the top (inner containers push theirs above). A container that
/// closes moves its children out, to the document's `NodeStorage` or into an array.
final class ChildStack<Element> {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    /// How many elements the open containers hold together.
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func append(_ element: consuming Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    subscript(index: Int) -> Element {
        precondition(index >= 0 && index < count, "child index out of range")
        return base[index]
    }

    /// The elements from `start` to the top, read in place.
    func withElements<Result>(from start: Int, _ body: (UnsafeBufferPointer<Element>) -> Result) -> Result {
        precondition(start >= 0 && start <= count, "child index out of range")
        return body(UnsafeBufferPointer(start: base + start, count: count - start))
    }

    /// Moves the elements from `start` to the top out (the children of the container that closes).
    func pop(from start: Int) -> [Element] {
        precondition(start >= 0 && start <= count, "child index out of range")
        let moved = count - start
        guard moved > 0 else { return [] }
        // Not `Array(unsafeUninitializedCapacity:)`: it allocates through a stdlib entry point compiled generic, which
        // looks the array's type metadata up at run time. Reserving and appending stay specialized, and the sequence
        // hands each element over without a retain.
        var result: [Element] = []
        result.reserveCapacity(moved)
        result.append(contentsOf: Moving(base: base + start, count: moved))
        count = start
        return result
    }

    /// Moves the elements from `start` to the top to the uninitialized memory at `destination`.
    func move(from start: Int, to destination: UnsafeMutablePointer<Element>) {
        precondition(start >= 0 && start <= count, "child index out of range")
        // A move is a copy of the bytes for the types parsers keep (no weak references): one `memcpy`.
        UnsafeMutableRawPointer(destination).copyMemory(
            from: base + start, byteCount: (count - start) * MemoryLayout<Element>.stride)
        count = start
    }

    /// Elements moved out of the buffer as they are read: each is read once, and ownership passes to the reader.
    private struct Moving: Sequence, IteratorProtocol {
        let base: UnsafeMutablePointer<Element>
        let count: Int
        var index = 0

        init(base: UnsafeMutablePointer<Element>, count: Int) {
            self.base = base
            self.count = count
        }

        var underestimatedCount: Int { count - index }

        mutating func next() -> Element? {
            guard index < count else { return nil }
            defer { index += 1 }
            return (base + index).move()
        }
    }

    private func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }
}

/// What the JSON parser and the YAML composer both ask of their open containers' members and elements.
extension ChildStack where Element == Node.Member {
    /// The keys of the members from the bottom up to `end` (the top when nil): the outermost open object's keys so
    /// far, when `end` is where the next open object's members begin.
    func keyTexts(upTo end: Int?) -> [String] {
        withElements(from: 0) { all in all.prefix(end ?? all.count).map(\.key.text) }
    }

    /// The key range of the first member from `start` whose key is `text`. Members are read where they are: a
    /// search that copied each member, or captured a copy of the key, cost a retain and a release a member.
    func firstKeyRange(of text: String, from start: Int) -> SourceRange? {
        precondition(start >= 0 && start <= count, "child index out of range")
        for index in start..<count where base[index].key.text == text { return base[index].keyRange }
        return nil
    }
}
