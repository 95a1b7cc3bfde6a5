/// One CreateActivity request found in a document, as the rules see it: a raw API request, the `Properties` of an
/// `AWS::StepFunctions::Activity`, or the planned values of a Terraform `aws_sfn_activity`.
public struct Payload: Sendable {
    /// The request object (a raw API file's root, a resource's `Properties`, a plan's `change.after`).
    public let root: Node
    /// JSON Pointer of `root` within its document ("" for a raw API file).
    public let pointer: String
    /// Which document of the file (0 unless the file is a multi-document YAML stream).
    public let documentIndex: Int
    /// How the request's members are spelt and shaped.
    public let schema: PayloadSchema
    /// The resource it comes from (a CloudFormation logical id, a Terraform address), named in every message.
    public let label: String?
    /// Top-level members whose values Terraform knows only after apply (`after_unknown`).
    public let unknownMembers: Set<String>
    /// The tags, read once: many rules walk them.
    public private(set) var tagEntries: [TagEntry] = []
    /// Each repeated tag key as (first entry, later entry) indices into `tagEntries`, found once for the rules
    /// that need them.
    public private(set) var repeatedTags: [(first: Int, later: Int)] = []
    /// How many distinct keys the tags have, not counting `aws:` keys (the 50-tag quota's count).
    public private(set) var distinctUserTagKeys = 0
    private var cachedKMSKeyReference: Result<KMSKeyReference, KMSKeyReference.Problem>?

    public init(
        root: Node, pointer: String = "", documentIndex: Int = 0, schema: PayloadSchema = .api, label: String? = nil,
        unknownMembers: Set<String> = []
    ) {
        self.root = root
        self.pointer = pointer
        self.documentIndex = documentIndex
        self.schema = schema
        self.label = label
        self.unknownMembers = unknownMembers
        self.tagEntries = readTagEntries()
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
        public let node: Node
        public let string: StringValue
        public let pointer: String
        /// For a CloudFormation `Fn::Sub` template, the code point ranges that are `${…}` substitutions: rules check
        /// only the literal text around them.
        public let substitutions: [Range<Int>]

        init(node: Node, string: StringValue, pointer: String, substitutions: [Range<Int>] = []) {
            self.node = node
            self.string = string
            self.pointer = pointer
            self.substitutions = substitutions
        }

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
                string.forEachCodePoint { index, value in
                    if !substitutions.contains(where: { $0.contains(index) }) { body(index, value) }
                }
            }
        }
    }

    /// One tag: an entry `{key, value}` of a list, or a `key = value` member of a Terraform map.
    public final class TagEntry: Sendable {
        public let index: Int
        /// The entry object, or for a map the value node.
        public let node: Node
        public let pointer: String
        public let key: Field?
        public let value: Field?
        /// Whether the entry has a key / value member at all (a map entry always has both).
        public let hasKey: Bool
        public let hasValue: Bool

        init(index: Int, node: Node, pointer: String, key: Field?, value: Field?, hasKey: Bool, hasValue: Bool) {
            self.index = index
            self.node = node
            self.pointer = pointer
            self.key = key
            self.value = value
            self.hasKey = hasKey
            self.hasValue = hasValue
        }
    }

    public var name: Field? { field(schema.name, of: root, at: "") }

    /// Fills `repeatedTags` and `distinctUserTagKeys`. A few dozen short keys compare faster pairwise than
    /// through a hash table; a long list uses one.
    private mutating func findRepeatedTags() {
        let keys = tagEntries.map { $0.key?.string.text }
        var firstByKey: [String: Int] = [:]
        let hashed = keys.count > 64
        for (position, key) in keys.enumerated() {
            guard let key else { continue }
            let first = hashed ? firstByKey[key] : keys[..<position].firstIndex { $0 == key }
            if let first {
                repeatedTags.append((first, position))
            } else {
                if hashed { firstByKey[key] = position }
                if !TagValidators.isReserved(key) { distinctUserTagKeys += 1 }
            }
        }
    }

    private func readTagEntries() -> [TagEntry] {
        guard let tags = root.memberValue(schema.tags), !isUnresolved(tags, member: schema.tags) else { return [] }
        let listPointer = JSONPointer.appending(schema.tags, to: "")
        if schema.tagsAreMap {
            return (tags.members ?? []).enumerated().map { index, member in
                let pointer = JSONPointer.appending(member.key.text, to: listPointer)
                let keyNode = Node(.string(member.key), range: member.keyRange)
                return TagEntry(
                    index: index, node: member.value, pointer: pointer,
                    key: Field(node: keyNode, string: member.key, pointer: pointer),
                    value: field(of: member.value, at: pointer), hasKey: true, hasValue: true)
            }
        }
        return (tags.elements ?? []).enumerated().compactMap { index, node in
            guard node.members != nil, !Intrinsic.isIntrinsic(node) else { return nil }
            let pointer = JSONPointer.appending(index, to: listPointer)
            return TagEntry(
                index: index, node: node, pointer: pointer,
                key: field(schema.tagKey, of: node, at: pointer), value: field(schema.tagValue, of: node, at: pointer),
                hasKey: node.member(schema.tagKey) != nil, hasValue: node.member(schema.tagValue) != nil)
        }
    }

    /// `encryptionConfiguration` when it is an object (Terraform: the first element of its block list).
    public var encryption: Node? {
        guard var node = root.memberValue(schema.encryption), !isUnresolved(node, member: schema.encryption) else {
            return nil
        }
        if schema.encryptionIsBlockList {
            guard let first = node.elements?.first else { return nil }
            node = first
        }
        return node.members != nil ? node : nil
    }

    /// JSON Pointer of the encryption object relative to the payload.
    public var encryptionPointer: String {
        let pointer = JSONPointer.appending(schema.encryption, to: "")
        return schema.encryptionIsBlockList ? JSONPointer.appending(0, to: pointer) : pointer
    }

    public var encryptionType: Field? {
        guard let encryption, !isUnset(schema.type, in: encryption) else { return nil }
        return field(schema.type, of: encryption, at: encryptionPointer)
    }

    /// How `kmsKeyId` names its key, parsed once for the rules that look at it; nil without a literal key id.
    public var kmsKeyReference: Result<KMSKeyReference, KMSKeyReference.Problem>? { cachedKMSKeyReference }

    public var kmsKeyId: Field? {
        guard let encryption, !isUnset(schema.kmsKeyId, in: encryption) else { return nil }
        return field(schema.kmsKeyId, of: encryption, at: encryptionPointer)
    }

    /// The reuse period node, when it is a literal number.
    public var reusePeriod: (node: Node, number: NumberValue, pointer: String)? {
        guard let encryption, !isUnset(schema.reusePeriod, in: encryption),
              let node = encryption.memberValue(schema.reusePeriod), case .number(let number) = node.value
        else { return nil }
        return (node, number, JSONPointer.appending(schema.reusePeriod, to: encryptionPointer))
    }

    /// Whether a member is absent, or (in a Terraform plan, where the provider drops them) `""`, `0` or null.
    public func isUnset(_ member: String, in object: Node) -> Bool {
        guard let node = object.memberValue(member) else { return true }
        guard schema.dialect == .terraform else { return false }
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

    func field(_ key: String, of object: Node, at pointer: String) -> Field? {
        guard let node = object.memberValue(key) else { return nil }
        return field(of: node, at: JSONPointer.appending(key, to: pointer), member: pointer.isEmpty ? key : nil)
    }

    /// A string value, or the literal template of `Fn::Sub`; nil for anything unresolved or not a string.
    func field(of node: Node, at pointer: String, member: String? = nil) -> Field? {
        if let member, unknownMembers.contains(member) { return nil }
        if let template = Intrinsic.subTemplate(node) {
            return Field(node: template, string: template.string!, pointer: pointer,
                         substitutions: Intrinsic.substitutions(in: template.string!))
        }
        guard !Intrinsic.isIntrinsic(node), let string = node.string else { return nil }
        if schema.dialect == .cloudFormation, string.text.contains("{{resolve:") { return nil }
        return Field(node: node, string: string, pointer: pointer)
    }

    func isUnresolved(_ node: Node, member: String) -> Bool {
        unknownMembers.contains(member) || Intrinsic.isIntrinsic(node)
    }
}
