/// A payload's string fields (its name, type, key id, every tag key and value) and its tags, held in two arrays of
/// one object. A payload has two fields for every tag: an object for each field and tag cost an allocation and a
/// release apiece, a quarter of a run's instructions. `Payload.Field` and `Payload.TagEntry` are views into the
/// table, one reference each.
final class PayloadTable: Sendable {
    struct FieldRecord: Sendable {
        let range: SourceRange
        let string: StringValue
        let summary: TextSummary
        let location: DeferredPointer
        let substitutions: [Range<Int>]

        init(
            range: SourceRange, string: consuming StringValue, location: consuming DeferredPointer,
            substitutions: [Range<Int>] = []
        ) {
            self.range = range
            summary = TextSummary(string.text)
            self.string = string
            self.location = location
            self.substitutions = substitutions
        }
    }

    struct TagRecord: Sendable {
        /// The tag's place in the list or map, and so in `TagNodes`.
        let index: Int
        let location: DeferredPointer
        /// Slots in `fields`, or -1 when the tag has no such field.
        let key: Int32
        let value: Int32
        let hasKey: Bool
        let hasValue: Bool
        let memberCount: Int
    }

    /// The nodes the tags were read from, held as their one array: a copy of each node in its record would cost a
    /// copy and a release per tag.
    enum TagNodes: Sendable {
        /// The entries of a list of `{key, value}` objects (empty when the request has no tags).
        case list(Node.Elements)
        /// The members of a Terraform map; a tag's node is its member's value.
        case map(Node.Members)

        func node(at index: Int) -> Node {
            switch self {
            case .list(let elements): elements[index]
            case .map(let members): members[index].value
            }
        }
    }

    let fields: [FieldRecord]
    let tags: [TagRecord]
    let tagNodes: TagNodes

    init(fields: [FieldRecord], tags: [TagRecord], tagNodes: TagNodes) {
        self.fields = fields
        self.tags = tags
        self.tagNodes = tagNodes
    }
}

extension Payload {
    /// A string member with its pointer relative to the payload.
    public struct Field: Sendable {
        let table: PayloadTable
        let slot: Int

        /// Where the value is (for a `Fn::Sub`, its template string).
        public var range: SourceRange { table.fields[slot].range }
        public var string: StringValue { table.fields[slot].string }
        /// Length and characters used of `string`, gathered once.
        public var summary: TextSummary { table.fields[slot].summary }
        var location: DeferredPointer { table.fields[slot].location }
        /// For a CloudFormation `Fn::Sub` template, the code point ranges that are `${…}` substitutions: rules check
        /// only the literal text around them.
        public var substitutions: [Range<Int>] { table.fields[slot].substitutions }

        /// JSON Pointer of the value relative to the payload.
        public var pointer: String { table.fields[slot].location.text }

        public var isTemplate: Bool { !table.fields[slot].substitutions.isEmpty }

        /// The code points that are literal text, with their indices.
        public var literalCodePoints: [(index: Int, value: UInt32)] {
            var result: [(index: Int, value: UInt32)] = []
            forEachLiteralCodePoint { result.append((index: $0, value: $1)) }
            return result
        }

        /// Calls `body` with each literal code point and its index (the hot path of character rules).
        @inline(__always)
        public func forEachLiteralCodePoint(_ body: (Int, UInt32) -> Void) {
            let record = table.fields[slot]
            let substitutions = record.substitutions
            if substitutions.isEmpty {
                record.string.forEachCodePoint(body)
            } else {
                // The substitutions are sorted and disjoint: one cursor walks them along with the code points.
                var next = 0
                record.string.forEachCodePoint { index, value in
                    while next < substitutions.count, substitutions[next].upperBound <= index { next += 1 }
                    if next == substitutions.count || !substitutions[next].contains(index) { body(index, value) }
                }
            }
        }
    }

    /// One tag: an entry `{key, value}` of a list, or a `key = value` member of a Terraform map.
    public struct TagEntry: Sendable {
        let table: PayloadTable
        let slot: Int

        public var index: Int { table.tags[slot].index }
        /// The entry object, or for a map the value node.
        public var node: Node { table.tagNodes.node(at: table.tags[slot].index) }
        public var key: Field? { field(table.tags[slot].key) }
        public var value: Field? { field(table.tags[slot].value) }
        /// Whether the entry has a key / value member at all (a map entry always has both).
        public var hasKey: Bool { table.tags[slot].hasKey }
        public var hasValue: Bool { table.tags[slot].hasValue }
        /// How many members the entry object has (a map entry counts as two: its key and its value).
        public var memberCount: Int { table.tags[slot].memberCount }
        /// JSON Pointer of the entry relative to the payload.
        public var pointer: String { table.tags[slot].location.text }

        private func field(_ slot: Int32) -> Field? { slot < 0 ? nil : Field(table: table, slot: Int(slot)) }
    }

    /// The tags in document order.
    public struct TagEntries: RandomAccessCollection, Sendable {
        let table: PayloadTable

        public var startIndex: Int { 0 }
        public var endIndex: Int { table.tags.count }
        public subscript(position: Int) -> TagEntry { TagEntry(table: table, slot: position) }
    }
}
