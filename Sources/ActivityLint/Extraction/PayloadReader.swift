/// Reads a request's string fields and tags into the records of a `PayloadTable`, once, when its payload is made.
/// Each field returns the slot its record got; nil for a field that is absent, unresolved or not a string.
struct PayloadReader {
    let site: PayloadSite
    private(set) var fields: [PayloadTable.FieldRecord] = []
    private(set) var tags: [PayloadTable.TagRecord] = []
    private(set) var tagNodes = PayloadTable.TagNodes.list([])

    init(site: PayloadSite) {
        self.site = site
    }

    /// Reads every tag of the request (none when the tags are absent or unresolved).
    mutating func readTags() {
        let dialect = site.dialect
        guard let list = site.root.memberValue(dialect.tags), !site.isUnresolved(list, member: dialect.tags) else {
            return
        }
        if dialect.tagsAreMap {
            let members = list.members ?? []
            tagNodes = .map(members)
            tags.reserveCapacity(members.count)
            fields.reserveCapacity(2 * members.count + 3)
            for index in members.indices {
                let pointer = DeferredPointer(dialect.tagsPointer, member: members[index].key.text)
                let key = templateField(members[index].key, range: members[index].keyRange, at: pointer)
                let value = field(ofMember: index, in: members, at: pointer)
                tags.append(PayloadTable.TagRecord(
                    index: index, location: pointer, key: key ?? -1, value: value ?? -1,
                    hasKey: true, hasValue: true, memberCount: 2))
            }
            return
        }
        let elements = list.elements ?? []
        tagNodes = .list(elements)
        tags.reserveCapacity(elements.count)
        fields.reserveCapacity(2 * elements.count + 3)
        // By index, and members by position: a node copied out of its array costs more than reading it in place.
        for index in elements.indices {
            guard case .object(let members) = elements[index].value, !dialect.isIntrinsic(elements[index]) else { continue }
            let pointer = DeferredPointer(dialect.tagsPointer, index: index)
            let keyAt = Node.lastIndex(of: dialect.tagKey, in: members)
            let valueAt = Node.lastIndex(of: dialect.tagValue, in: members)
            let key = keyAt.flatMap { field(ofMember: $0, in: members, at: pointer.appending(dialect.tagKey)) }
            let value = valueAt.flatMap { field(ofMember: $0, in: members, at: pointer.appending(dialect.tagValue)) }
            tags.append(PayloadTable.TagRecord(
                index: index, location: pointer, key: key ?? -1, value: value ?? -1,
                hasKey: keyAt != nil, hasValue: valueAt != nil, memberCount: members.count))
        }
    }

    /// `field(of:)` of the value of `members[index]`, read where it is: an untagged string (nearly every tag key
    /// and value) is copied out alone, where passing the member's node copied all of it first.
    @inline(__always)
    private mutating func field(ofMember index: Int, in members: Node.Members, at pointer: consuming DeferredPointer)
        -> Int32?
    {
        if site.dialect.dynamicReferenceMarker == nil, let string = members[index].value.untaggedString {
            return templateField(string, range: members[index].value.range, at: pointer)
        }
        return field(of: members[index].value, at: pointer)
    }

    /// The member `key` of `object`, which is at `pointer`.
    mutating func field(_ key: String, of object: Node, at pointer: DeferredPointer) -> Int32? {
        guard let node = object.memberValue(key) else { return nil }
        return field(of: node, at: pointer.appending(key), member: pointer.isRoot ? key : nil)
    }

    /// A string value, or the literal template of `Fn::Sub`; nil for anything unresolved or not a string.
    /// Always inlined: called with a node read from an array, it would get a copy of that node (the call could
    /// change the array as far as the compiler knows), and every tag has two.
    @inline(__always)
    mutating func field(of node: Node, at pointer: consuming DeferredPointer, member: String? = nil) -> Int32? {
        let dialect = site.dialect
        if let member, !site.unknownMembers.isEmpty, site.unknownMembers.contains(member) { return nil }
        // The common case first: an untagged string is never an intrinsic function, and without dynamic references
        // it is its own value.
        if dialect.dynamicReferenceMarker == nil, let string = node.untaggedString {
            return templateField(string, range: node.range, at: pointer)
        }
        if let template = dialect.subTemplate(node) {
            return append(PayloadTable.FieldRecord(
                range: template.range, string: template.string!, location: pointer,
                substitutions: Intrinsic.substitutions(in: template.string!)))
        }
        guard !dialect.isIntrinsic(node), let string = node.string else { return nil }
        if let marker = dialect.dynamicReferenceMarker, string.holds(marker) { return nil }
        return templateField(string, range: node.range, at: pointer)
    }

    /// A string as it is, or, where strings are templates, with its substitutions (nil when it is one whole
    /// substitution: its value is computed).
    private mutating func templateField(
        _ string: consuming StringValue, range: SourceRange, at pointer: consuming DeferredPointer
    ) -> Int32? {
        guard let templates = site.dialect.templates else {
            return append(PayloadTable.FieldRecord(range: range, string: string, location: pointer))
        }
        let substitutions = templates.substitutions(in: string)
        if substitutions.count == 1, substitutions[0] == 0..<string.text.unicodeScalars.count { return nil }
        return append(PayloadTable.FieldRecord(range: range, string: string, location: pointer, substitutions: substitutions))
    }

    private mutating func append(_ record: PayloadTable.FieldRecord) -> Int32 {
        fields.append(record)
        return Int32(fields.count - 1)
    }
}
