/// The members of an object or the elements of an array, in document order, read as a zero-based collection.
///
/// A type of its own rather than an `Array`, so that how a document stores its children can change (one buffer a
/// document instead of one allocation a container) without touching the code that reads them. Built from an
/// array; nothing changes one in place.
@_spi(Internals) public struct NodeChildren<Element: Sendable>: RandomAccessCollection, Sendable,
    ExpressibleByArrayLiteral
{
    @usableFromInline let storage: [Element]

    @inlinable public init(_ elements: [Element]) { storage = elements }

    @inlinable public init(arrayLiteral elements: Element...) { storage = elements }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { storage.count }
    @inlinable public subscript(index: Int) -> Element { storage[index] }

    /// The children as an array, for code that builds a new container from them.
    @inlinable public var array: [Element] { storage }

    /// The address of the children's storage: the same for every node that shares them (aliases), nil when empty.
    var identity: UnsafeRawPointer? {
        storage.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
    }
}
