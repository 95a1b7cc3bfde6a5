/// One CreateActivity request found in a document, as the rules see it.
public struct Payload: Sendable {
    /// The request object itself (for a raw API file, the document root).
    public var root: Node
    /// JSON Pointer of `root` within its document ("" for a raw API file).
    public var pointer: String
    /// Which document of the file (0 unless the file is a multi-document YAML stream).
    public var documentIndex: Int

    public init(root: Node, pointer: String = "", documentIndex: Int = 0) {
        self.root = root
        self.pointer = pointer
        self.documentIndex = documentIndex
    }
}

/// Member names of the CreateActivity request as the API, the SDKs and the CLI spell them (case-sensitive).
public enum APIShape {
    public static let name = "name"
    public static let tags = "tags"
    public static let encryptionConfiguration = "encryptionConfiguration"
    public static let tagKey = "key"
    public static let tagValue = "value"
    public static let type = "type"
    public static let kmsKeyId = "kmsKeyId"
    public static let reusePeriod = "kmsDataKeyReusePeriodSeconds"

    public static let requestMembers = [name, tags, encryptionConfiguration]
    public static let tagMembers = [tagKey, tagValue]
    public static let encryptionMembers = [type, kmsKeyId, reusePeriod]

    public static let encryptionTypes = ["AWS_OWNED_KEY", "CUSTOMER_MANAGED_KMS_KEY"]
}

/// Typed views of the payload's members. Each returns nil when the member is absent or has the wrong JSON type,
/// because the type problem is `invalid-type`'s to report: other rules stay silent rather than cascade.
extension Payload {
    /// A string member with its pointer relative to the payload.
    public struct Field: Sendable {
        public var node: Node
        public var string: StringValue
        public var pointer: String
    }

    /// One `{key, value}` entry of `tags`.
    public struct TagEntry: Sendable {
        public var index: Int
        public var node: Node
        public var pointer: String
        public var key: Field?
        public var value: Field?
    }

    public var name: Field? { Payload.stringField(APIShape.name, of: root, at: "") }

    /// The entries of `tags` that are objects (the list itself must be a list).
    public var tagEntries: [TagEntry] {
        guard let list = root.member(APIShape.tags)?.value.elements else { return [] }
        let listPointer = JSONPointer.appending(APIShape.tags, to: "")
        return list.enumerated().compactMap { index, node in
            guard node.members != nil else { return nil }
            let pointer = JSONPointer.appending(index, to: listPointer)
            return TagEntry(
                index: index, node: node, pointer: pointer,
                key: Payload.stringField(APIShape.tagKey, of: node, at: pointer),
                value: Payload.stringField(APIShape.tagValue, of: node, at: pointer))
        }
    }

    /// `encryptionConfiguration` when it is an object.
    public var encryption: Node? {
        guard let node = root.member(APIShape.encryptionConfiguration)?.value, node.members != nil else { return nil }
        return node
    }

    public static let encryptionPointer = JSONPointer.appending(APIShape.encryptionConfiguration, to: "")

    public var encryptionType: Field? {
        encryption.flatMap { Payload.stringField(APIShape.type, of: $0, at: Payload.encryptionPointer) }
    }

    public var kmsKeyId: Field? {
        encryption.flatMap { Payload.stringField(APIShape.kmsKeyId, of: $0, at: Payload.encryptionPointer) }
    }

    /// Whether `object` has a misspelling of `member` (`Name`, `kms_key_id`): `unknown-member` reports it with the
    /// suggestion, so rules about the missing member stay silent.
    public static func hasMisspelling(of member: String, in object: Node, among known: [String]) -> Bool {
        object.members?.contains { $0.key.text != member && MemberSuggestion.closest(to: $0.key.text, among: known) == member } ?? false
    }

    static func stringField(_ key: String, of object: Node, at pointer: String) -> Field? {
        guard let node = object.member(key)?.value, let string = node.string else { return nil }
        return Field(node: node, string: string, pointer: JSONPointer.appending(key, to: pointer))
    }
}
