extension Node {
    /// An object's members in document order, duplicates kept.
    public typealias Members = Children<Member>
    /// An array's elements in document order.
    public typealias Elements = Children<Node>

    /// The children of a container, read by position.
    ///
    /// A collection of its own rather than an `Array`, so how a parser stores a tree can change without changing
    /// what extraction and the rules read.
    public struct Children<Element: Sendable>: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable {
        private let storage: [Element]

        public init(_ elements: [Element]) {
            storage = elements
        }

        public init(arrayLiteral elements: Element...) {
            storage = elements
        }

        public var startIndex: Int { 0 }
        public var endIndex: Int { storage.count }

        public subscript(position: Int) -> Element { storage[position] }

        /// The children as an array (for code that builds a new tree from them).
        public var array: [Element] { storage }
    }
}
