/// Where a CreateActivity request is in a document, before its tags are read. Extraction lists sites, and the
/// linter makes each `Payload` only when it checks it: a Terraform plan or template with thousands of requests
/// then holds the tags of one request at a time, not of all.
///
/// A class: the payload, its reader and the linter's lists each hold the site, and a copy of a struct this size
/// retained every one of its references (the shared dialect's among them, a cache line moved between the cores).
final class PayloadSite: Sendable {
    let root: Node
    let pointer: String
    let documentIndex: Int
    /// How the request is spelt and what its source guarantees.
    let dialect: Dialect
    let subject: String?
    let unknownMembers: Set<String>
    /// JSON Pointer of what the request comes from as a whole: the template's resource, the plan's change
    /// ("" for a raw request). Parser findings outside every such place are about other things and dropped.
    let scopePointer: String
    /// Where values looked up elsewhere came from, for the request's findings.
    let origins: ValueOrigins
    /// For a request the extractor put together, where its members are written (a Serverless activity's `Name`
    /// is an entry of `stepFunctions.activities`), by their pointer relative to `root`.
    let memberPointers: [String: String]

    init(
        root: Node, pointer: String, documentIndex: Int, dialect: Dialect, subject: String? = nil,
        unknownMembers: Set<String> = [], scopePointer: String = "", origins: ValueOrigins = ValueOrigins(),
        memberPointers: [String: String] = [:]
    ) {
        self.root = root
        self.pointer = pointer
        self.documentIndex = documentIndex
        self.dialect = dialect
        self.subject = subject
        self.unknownMembers = unknownMembers
        self.scopePointer = scopePointer
        self.origins = origins
        self.memberPointers = memberPointers
    }

    /// The JSON Pointer in the document of what is at `relative` in the request.
    func absolutePointer(_ relative: String) -> String {
        memberPointers.isEmpty ? pointer + relative : memberPointers[relative] ?? pointer + relative
    }

    /// Pointers of the members the rules read (name, tags, encryption), for findings about the values themselves.
    var readPointers: [String] {
        dialect.requestMembers.map { absolutePointer(JSONPointer.appending($0, to: "")) }
    }

    func payload() -> Payload { Payload(self) }

    /// The site with its tree let go (a `null` with the tree's range), for what needs only where the request is.
    func withoutTree() -> PayloadSite {
        PayloadSite(
            root: Node(.null, range: root.range), pointer: pointer, documentIndex: documentIndex, dialect: dialect,
            subject: subject, unknownMembers: unknownMembers, scopePointer: scopePointer, origins: origins,
            memberPointers: memberPointers)
    }
}

/// What the site's dialect says about its members, before and after its payload is read.
extension PayloadSite {
    /// Whether a member's value is unknown here (known after apply, an intrinsic function, a whole substitution).
    func isUnresolved(_ node: Node, member: String) -> Bool {
        if unknownMembers.contains(member) || dialect.isIntrinsic(node) { return true }
        guard let templates = dialect.templates, case .string(let string) = node.value else { return false }
        return templates.isComputed(string)
    }

    /// Whether a member is absent, or `""`, `0` or null where the source drops those (a Terraform provider does).
    func isUnset(_ member: String, in object: Node) -> Bool {
        guard let node = object.memberValue(member) else { return true }
        guard dialect.emptyMeansUnset else { return false }
        switch node.value {
        case .null: return true
        case .string(let string): return string.text.isEmpty
        case .number(let number): return number.integer == 0
        default: return false
        }
    }

    /// `encryptionConfiguration` when it is an object (Terraform: the first element of its block list).
    func encryptionBlock() -> Node? {
        guard var node = root.memberValue(dialect.encryption), !isUnresolved(node, member: dialect.encryption) else {
            return nil
        }
        if dialect.encryptionIsBlockList {
            guard let first = node.elements?.first else { return nil }
            node = first
        }
        return node.members != nil ? node : nil
    }
}
