/// One CreateActivity request found in a document, as the rules see it: a raw API request, the `Properties` of an
/// `AWS::StepFunctions::Activity`, or the planned values of a Terraform `aws_sfn_activity`.
@_spi(Internals) public struct Payload: Sendable {
    /// Where the request is; the properties below read it.
    let site: PayloadSite
    /// The request object (a raw API file's root, a resource's `Properties`, a plan's `change.after`).
    public var root: Node { site.root }
    /// JSON Pointer of `root` within its document ("" for a raw API file).
    public var pointer: String { site.pointer }
    /// Which document of the file (0 unless the file is a multi-document YAML stream).
    public var documentIndex: Int { site.documentIndex }
    /// The request's dialect: how its members are spelt and what its source guarantees.
    public var dialect: Dialect { site.dialect }
    /// The resource it comes from (a CloudFormation logical id, a Terraform address): every finding's subject.
    public var subject: String? { site.subject }
    /// Top-level members whose values Terraform knows only after apply (`after_unknown`).
    public var unknownMembers: Set<String> { site.unknownMembers }
    /// The tags, read once: many rules walk them.
    public private(set) var tagEntries: [TagEntry] = []
    /// Each repeated tag key as (first entry, later entry) indices into `tagEntries`, found once for the rules
    /// that need them.
    public private(set) var repeatedTags: [(first: Int, later: Int)] = []
    /// How many distinct keys the tags have, not counting `aws:` keys (the 50-tag quota's count).
    public private(set) var distinctUserTagKeys = 0
    /// The members every rule run reads, found once (a rule asking again gets the same value, not a new lookup).
    public private(set) var name: Field?
    public private(set) var encryption: Node?
    public private(set) var encryptionType: Field?
    public private(set) var kmsKeyId: Field?
    private var cachedKMSKeyReference: Result<KMSKeyReference, KMSKeyReference.Problem>?

    public init(
        root: Node, pointer: String = "", documentIndex: Int = 0, dialect: Dialect = .api, subject: String? = nil,
        unknownMembers: Set<String> = []
    ) {
        self.init(PayloadSite(
            root: root, pointer: pointer, documentIndex: documentIndex, dialect: dialect, subject: subject,
            unknownMembers: unknownMembers))
    }

    /// Reads the request's tags and key reference, once for all rules.
    init(_ site: PayloadSite) {
        self.site = site
        tagEntries = readTagEntries()
        name = field(dialect.name, of: root, at: DeferredPointer(""))
        encryption = readEncryption()
        if let encryption {
            let pointer = DeferredPointer(encryptionPointer)
            if !isUnset(dialect.type, in: encryption) { encryptionType = field(dialect.type, of: encryption, at: pointer) }
            if !isUnset(dialect.kmsKeyId, in: encryption) { kmsKeyId = field(dialect.kmsKeyId, of: encryption, at: pointer) }
        }
        if let key = kmsKeyId, !key.isTemplate { cachedKMSKeyReference = KMSKeyReference.parse(key.string.text) }
        findRepeatedTags()
    }
}

/// Typed views of the payload's members. Each returns nil when the member is absent, has the wrong JSON type
/// (`invalid-type` reports that; other rules stay silent rather than cascade) or has a value no linter can know
/// (an intrinsic function, a value known after apply: `unresolved-value` reports that).
extension Payload {
    /// A string member with its pointer relative to the payload. A class: rules pass fields around a lot, and a
    /// reference is one retain where a struct of nodes and strings is many.
    public final class Field: Sendable {
        /// Where the value is (for a `Fn::Sub`, its template string). The node is not kept: a range retains
        /// nothing, and a field is made for every tag key and value.
        public let range: SourceRange
        public let string: StringValue
        /// Length and characters used of `string`, gathered once.
        public let summary: TextSummary
        let location: DeferredPointer
        /// For a CloudFormation `Fn::Sub` template, the code point ranges that are `${…}` substitutions: rules check
        /// only the literal text around them.
        public let substitutions: [Range<Int>]

        init(range: SourceRange, string: StringValue, location: DeferredPointer, substitutions: [Range<Int>] = []) {
            self.range = range
            self.string = string
            self.summary = TextSummary(string.text)
            self.location = location
            self.substitutions = substitutions
        }

        /// JSON Pointer of the value relative to the payload.
        public var pointer: String { location.text }

        public var isTemplate: Bool { !substitutions.isEmpty }

        /// The code points that are literal text, with their indices.
        public var literalCodePoints: [(index: Int, value: UInt32)] {
            var result: [(index: Int, value: UInt32)] = []
            forEachLiteralCodePoint { result.append((index: $0, value: $1)) }
            return result
        }

        /// Calls `body` with each literal code point and its index (the hot path of character rules).
        @inline(__always)
        public func forEachLiteralCodePoint(_ body: (Int, UInt32) -> Void) {
            if substitutions.isEmpty {
                string.forEachCodePoint(body)
            } else {
                // The substitutions are sorted and disjoint: one cursor walks them along with the code points.
                var next = 0
                string.forEachCodePoint { index, value in
                    while next < substitutions.count, substitutions[next].upperBound <= index { next += 1 }
                    if next == substitutions.count || !substitutions[next].contains(index) { body(index, value) }
                }
            }
        }
    }

    /// One tag: an entry `{key, value}` of a list, or a `key = value` member of a Terraform map.
    public final class TagEntry: Sendable {
        public let index: Int
        /// The entry object, or for a map the value node.
        public let node: Node
        let location: DeferredPointer
        public let key: Field?
        public let value: Field?
        /// Whether the entry has a key / value member at all (a map entry always has both).
        public let hasKey: Bool
        public let hasValue: Bool
        /// How many members the entry object has (a map entry counts as two: its key and its value).
        public let memberCount: Int

        init(
            index: Int, node: Node, location: DeferredPointer, key: Field?, value: Field?, hasKey: Bool,
            hasValue: Bool, memberCount: Int = 2
        ) {
            self.index = index
            self.node = node
            self.location = location
            self.key = key
            self.value = value
            self.hasKey = hasKey
            self.hasValue = hasValue
            self.memberCount = memberCount
        }

        /// JSON Pointer of the entry relative to the payload.
        public var pointer: String { location.text }
    }

    /// Fills `repeatedTags` and `distinctUserTagKeys`. Keys are compared by their bytes, as AWS compares them.
    private mutating func findRepeatedTags() {
        var firstByKey: [BytewiseKey: Int] = [:]
        firstByKey.reserveCapacity(tagEntries.count)
        for (position, entry) in tagEntries.enumerated() {
            guard let key = entry.key?.string.text else { continue }
            if let first = firstByKey.existingValue(for: BytewiseKey(key), storing: position) {
                repeatedTags.append((first, position))
            } else if !TagValidators.isReserved(key) {
                distinctUserTagKeys += 1
            }
        }
    }

    private func readTagEntries() -> [TagEntry] {
        guard let tags = root.memberValue(dialect.tags), !isUnresolved(tags, member: dialect.tags) else { return [] }
        if dialect.tagsAreMap {
            return (tags.members ?? []).enumerated().map { index, member in
                let pointer = DeferredPointer(dialect.tagsPointer, member: member.key.text)
                return TagEntry(
                    index: index, node: member.value, location: pointer,
                    key: templateField(member.key, range: member.keyRange, at: pointer),
                    value: field(of: member.value, at: pointer), hasKey: true, hasValue: true)
            }
        }
        return (tags.elements ?? []).enumerated().compactMap { index, node in
            guard node.members != nil, !dialect.isIntrinsic(node) else { return nil }
            let pointer = DeferredPointer(dialect.tagsPointer, index: index)
            let key = node.memberValue(dialect.tagKey)
            let value = node.memberValue(dialect.tagValue)
            return TagEntry(
                index: index, node: node, location: pointer,
                key: key.flatMap { field(of: $0, at: pointer.appending(dialect.tagKey)) },
                value: value.flatMap { field(of: $0, at: pointer.appending(dialect.tagValue)) },
                hasKey: key != nil, hasValue: value != nil, memberCount: node.members?.count ?? 0)
        }
    }

    /// `encryptionConfiguration` when it is an object (Terraform: the first element of its block list).
    private func readEncryption() -> Node? {
        guard var node = root.memberValue(dialect.encryption), !isUnresolved(node, member: dialect.encryption) else {
            return nil
        }
        if dialect.encryptionIsBlockList {
            guard let first = node.elements?.first else { return nil }
            node = first
        }
        return node.members != nil ? node : nil
    }

    /// JSON Pointer of the encryption object relative to the payload.
    public var encryptionPointer: String { dialect.encryptionPointer }

    /// How `kmsKeyId` names its key, parsed once for the rules that look at it; nil without a literal key id.
    public var kmsKeyReference: Result<KMSKeyReference, KMSKeyReference.Problem>? { cachedKMSKeyReference }


    /// The reuse period node, when it is a literal number.
    public var reusePeriod: (node: Node, number: NumberValue, pointer: String)? {
        guard let encryption, !isUnset(dialect.reusePeriod, in: encryption),
              let node = encryption.memberValue(dialect.reusePeriod), case .number(let number) = node.value
        else { return nil }
        return (node, number, JSONPointer.appending(dialect.reusePeriod, to: encryptionPointer))
    }

    /// Whether a member is absent, or `""`, `0` or null where the source drops those (a Terraform provider does).
    public func isUnset(_ member: String, in object: Node) -> Bool {
        guard let node = object.memberValue(member) else { return true }
        guard dialect.emptyMeansUnset else { return false }
        switch node.value {
        case .null: return true
        case .string(let string): return string.text.isEmpty
        case .number(let number): return number.integer == 0
        default: return false
        }
    }

    /// Whether `object` has a misspelling of `member` (`Name`, `kms_key_id`): `unknown-member` reports it with the
    /// suggestion, so rules about the missing member stay silent.
    public static func hasMisspelling(of member: String, in object: Node, among known: [String]) -> Bool {
        object.members?.contains { $0.key.text != member && MemberSuggestion.closest(to: $0.key.text, among: known) == member } ?? false
    }

    /// The member `key` of `object`, which is at `pointer`.
    func field(_ key: String, of object: Node, at pointer: DeferredPointer) -> Field? {
        guard let node = object.memberValue(key) else { return nil }
        let isTopLevel = pointer.base.isEmpty && pointer.index == nil && pointer.member == nil
        return field(of: node, at: pointer.appending(key), member: isTopLevel ? key : nil)
    }

    /// A string value, or the literal template of `Fn::Sub`; nil for anything unresolved or not a string.
    func field(of node: Node, at pointer: DeferredPointer, member: String? = nil) -> Field? {
        if let member, !unknownMembers.isEmpty, unknownMembers.contains(member) { return nil }
        // The common case first: an untagged string is never an intrinsic function, and without dynamic references
        // it is its own value.
        if case .string(let string) = node.value, node.tag == nil, dialect.dynamicReferenceMarker == nil {
            return templateField(string, range: node.range, at: pointer)
        }
        if let template = dialect.subTemplate(node) {
            return Field(range: template.range, string: template.string!, location: pointer,
                         substitutions: Intrinsic.substitutions(in: template.string!))
        }
        guard !dialect.isIntrinsic(node), let string = node.string else { return nil }
        if let marker = dialect.dynamicReferenceMarker, string.holds(marker) { return nil }
        return templateField(string, range: node.range, at: pointer)
    }

    func isUnresolved(_ node: Node, member: String) -> Bool {
        if unknownMembers.contains(member) || dialect.isIntrinsic(node) { return true }
        guard let templates = dialect.templates, case .string(let string) = node.value else { return false }
        return templates.isComputed(string)
    }

    /// A string as it is, or, where strings are templates, with its substitutions (nil when it is one whole
    /// substitution: its value is computed).
    private func templateField(_ string: StringValue, range: SourceRange, at pointer: DeferredPointer) -> Field? {
        guard let templates = dialect.templates else { return Field(range: range, string: string, location: pointer) }
        let substitutions = templates.substitutions(in: string)
        if substitutions.count == 1, substitutions[0] == 0..<string.text.unicodeScalars.count { return nil }
        return Field(range: range, string: string, location: pointer, substitutions: substitutions)
    }
}
