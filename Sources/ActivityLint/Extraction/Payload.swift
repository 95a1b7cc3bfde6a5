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
    /// The fields and tags, read once into one table: many rules walk them.
    let table: PayloadTable
    /// The tags, in document order.
    public let tagEntries: TagEntries
    /// Each repeated tag key as (first entry, later entry) indices into `tagEntries`, found once for the rules
    /// that need them.
    public let repeatedTags: [(first: Int, later: Int)]
    /// How many distinct keys the tags have, not counting `aws:` keys (the 50-tag quota's count).
    public let distinctUserTagKeys: Int
    /// The members every rule reads, found once. Each is nil when the member is absent, has the wrong JSON type
    /// (`invalid-type` reports that; other rules stay silent rather than cascade) or has a value no linter can know
    /// (an intrinsic function, a value known after apply: `unresolved-value` reports that).
    public let name: Field?
    /// `encryptionConfiguration` when it is an object (Terraform: the first element of its block list).
    public let encryption: Node?
    public let encryptionType: Field?
    public let kmsKeyId: Field?
    /// How `kmsKeyId` names its key, parsed once for the rules that look at it; nil without a literal key id.
    public let kmsKeyReference: Result<KMSKeyReference, KMSKeyReference.Problem>?

    public init(
        root: Node, pointer: String = "", documentIndex: Int = 0, dialect: Dialect = .api, subject: String? = nil,
        unknownMembers: Set<String> = []
    ) {
        self.init(PayloadSite(
            root: root, pointer: pointer, documentIndex: documentIndex, dialect: dialect, subject: subject,
            unknownMembers: unknownMembers))
    }

    /// Reads the request's fields, tags and key reference, once for all rules.
    init(_ site: PayloadSite) {
        self.site = site
        let dialect = site.dialect
        var reader = PayloadReader(site: site)
        reader.readTags()
        let name = reader.field(dialect.name, of: site.root, at: DeferredPointer(""))
        let encryption = site.encryptionBlock()
        var type: Int32?
        var key: Int32?
        if let encryption {
            let pointer = DeferredPointer(dialect.encryptionPointer)
            if !site.isUnset(dialect.type, in: encryption) { type = reader.field(dialect.type, of: encryption, at: pointer) }
            if !site.isUnset(dialect.kmsKeyId, in: encryption) {
                key = reader.field(dialect.kmsKeyId, of: encryption, at: pointer)
            }
        }
        let table = PayloadTable(fields: reader.fields, tags: reader.tags, tagNodes: reader.tagNodes)
        self.table = table
        tagEntries = TagEntries(table: table)
        self.name = name.map { Field(table: table, slot: Int($0)) }
        self.encryption = encryption
        encryptionType = type.map { Field(table: table, slot: Int($0)) }
        kmsKeyId = key.map { Field(table: table, slot: Int($0)) }
        if let kmsKeyId, !kmsKeyId.isTemplate {
            kmsKeyReference = KMSKeyReference.parse(kmsKeyId.string.text)
        } else {
            kmsKeyReference = nil
        }
        (repeatedTags, distinctUserTagKeys) = Payload.repeatedKeys(of: tagEntries)
    }

    /// Each repeated tag key's (first, later) entries, and how many distinct keys are not `aws:` keys. Keys are
    /// compared by their bytes, as AWS compares them.
    private static func repeatedKeys(of entries: TagEntries) -> (repeated: [(first: Int, later: Int)], distinct: Int) {
        var repeated: [(first: Int, later: Int)] = []
        var distinct = 0
        var firstByKey = FirstOccurrences(expecting: entries.count)
        for (position, entry) in entries.enumerated() {
            guard let key = entry.key else { continue }
            // The key's text is read only when a hash matches: a copy of it for every tag cost a retain and a release.
            let earlier = firstByKey.earlier(hash: key.summary.bytesHash, storing: position) {
                entries[$0].key?.string.text.utf8.elementsEqual(key.string.text.utf8) == true
            }
            if let first = earlier {
                repeated.append((first, position))
            } else if !key.summary.hasReservedPrefix {
                distinct += 1
            }
        }
        return (repeated, distinct)
    }
}

extension Payload {
    /// JSON Pointer of the encryption object relative to the payload.
    public var encryptionPointer: String { dialect.encryptionPointer }

    /// The reuse period node, when it is a literal number.
    public var reusePeriod: (node: Node, number: NumberValue)? {
        guard let encryption, !isUnset(dialect.reusePeriod, in: encryption),
              let node = encryption.memberValue(dialect.reusePeriod), case .number(let number) = node.value
        else { return nil }
        return (node, number)
    }

    /// Where the reuse period is, relative to the payload (spelt out only for a finding about it).
    public var reusePeriodPointer: String { JSONPointer.appending(dialect.reusePeriod, to: encryptionPointer) }

    /// Whether a member is absent, or `""`, `0` or null where the source drops those (a Terraform provider does).
    public func isUnset(_ member: String, in object: Node) -> Bool { site.isUnset(member, in: object) }

    /// Whether a member's value is unknown here (known after apply, an intrinsic function, a whole substitution).
    func isUnresolved(_ node: Node, member: String) -> Bool { site.isUnresolved(node, member: member) }

    /// Whether `object` has a misspelling of `member` (`Name`, `kms_key_id`): `unknown-member` reports it with the
    /// suggestion, so rules about the missing member stay silent.
    public static func hasMisspelling(of member: String, in object: Node, among known: [String]) -> Bool {
        object.members?.contains { $0.key.text != member && MemberSuggestion.closest(to: $0.key.text, among: known) == member } ?? false
    }
}
