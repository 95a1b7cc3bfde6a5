/// Where a CreateActivity request is in a document, before its tags are read. Extraction lists sites, and the
/// linter makes each `Payload` only when it checks it: a Terraform plan or template with thousands of requests
/// then holds the tags of one request at a time, not of all.
struct PayloadSite: Sendable {
    let root: Node
    let pointer: String
    let documentIndex: Int
    let schema: PayloadSchema
    let label: String?
    let unknownMembers: Set<String>

    init(
        root: Node, pointer: String, documentIndex: Int, schema: PayloadSchema = .api, label: String? = nil,
        unknownMembers: Set<String> = []
    ) {
        self.root = root
        self.pointer = pointer
        self.documentIndex = documentIndex
        self.schema = schema
        self.label = label
        self.unknownMembers = unknownMembers
    }

    func payload() -> Payload { Payload(self) }
}
