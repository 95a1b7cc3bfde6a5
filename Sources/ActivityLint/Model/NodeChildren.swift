/// The members of an object or the elements of an array, in document order, read as a zero-based collection:
/// a run of the `NodeStorage` that holds the children of every container of a document, read in place.
@_spi(Internals) public struct NodeChildren<Element: NodeChild>: RandomAccessCollection, Sendable,
    ExpressibleByArrayLiteral
{
    /// Nil only when there are no children.
    @usableFromInline let storage: NodeStorage?
    @usableFromInline let start: Int
    public let endIndex: Int

    @inlinable init(storage: NodeStorage?, start: Int, count: Int) {
        self.storage = count == 0 ? nil : storage
        self.start = start
        endIndex = count
    }

    /// Children in a storage of their own (for code that builds a tree outside a parser).
    public init(_ elements: consuming [Element]) {
        guard !elements.isEmpty else {
            self.init(storage: nil, start: 0, count: 0)
            return
        }
        let storage = NodeStorage()
        let count = elements.count
        self.init(storage: storage, start: Element.adopt(consume elements, into: storage), count: count)
    }

    public init(arrayLiteral elements: Element...) { self.init(elements) }

    @inlinable public var startIndex: Int { 0 }

    @inlinable public subscript(index: Int) -> Element {
        unsafeAddress {
            precondition(index >= 0 && index < endIndex, "child index out of range")
            return UnsafePointer(Element.address(at: start + index, in: storage.unsafelyUnwrapped))
        }
    }

    /// The children as an array, for code that builds a new container from them.
    public var array: [Element] { Array(self) }
}

/// A kind of child a `NodeStorage` keeps: a member or an element.
@_spi(Internals) public protocol NodeChild: Sendable {
    /// Where the child at `index` of `storage` is.
    static func address(at index: Int, in storage: NodeStorage) -> UnsafeMutablePointer<Self>
    /// Makes `children` the children of a new `storage`, returning where the first one is.
    static func adopt(_ children: consuming [Self], into storage: NodeStorage) -> Int
    /// Whether the child's own children are kept in `storage`.
    func hasChildren(in storage: NodeStorage) -> Bool
    /// Where the value whose children may be kept in the same storage is, from the child's start.
    static var valueOffset: Int { get }
}

extension Node: NodeChild {
    @inlinable public static func address(at index: Int, in storage: NodeStorage) -> UnsafeMutablePointer<Node> {
        storage.elements.base.unsafelyUnwrapped + index
    }

    public static func adopt(_ children: consuming [Node], into storage: NodeStorage) -> Int {
        storage.elements.adopt(consume children)
    }

    public func hasChildren(in storage: NodeStorage) -> Bool { childStorage === storage }

    public static let valueOffset = MemoryLayout<Node>.offset(of: \Node.value)!
}

extension Node.Member: NodeChild {
    @inlinable public static func address(at index: Int, in storage: NodeStorage) -> UnsafeMutablePointer<Node.Member> {
        storage.members.base.unsafelyUnwrapped + index
    }

    public static func adopt(_ children: consuming [Node.Member], into storage: NodeStorage) -> Int {
        storage.members.adopt(consume children)
    }

    public func hasChildren(in storage: NodeStorage) -> Bool { value.childStorage === storage }

    public static let valueOffset = MemoryLayout<Node.Member>.offset(of: \Node.Member.value)! + Node.valueOffset
}

extension Node {
    /// The storage of the node's children, nil when it has none.
    var childStorage: NodeStorage? {
        switch value {
        case .object(let members): members.storage
        case .array(let elements): elements.storage
        default: nil
        }
    }
}
