/// A raw CreateActivity request (API JSON or YAML, an AWS CLI input file or skeleton): the document itself.
enum APIRequestExtractor: RequestSource {
    static let documentKinds: [DocumentKind] = [.apiRequest, .cliSkeleton]
    static let inputKind = InputKind.api
    static let textMarkers = ["encryptionConfiguration", "kmsDataKeyReusePeriodSeconds"]
    static let noRequestDescription = "no CreateActivity request in this file"

    /// A request has no format marker: the classifier knows it by its members once no other source claims it.
    static func hasMarkers(keys: [String], document: Node?) -> Bool { false }

    static func sites(in document: Node, documentIndex: Int) -> [PayloadSite] {
        [PayloadSite(root: document, pointer: "", documentIndex: documentIndex, dialect: .api)]
    }
}

extension Dialect {
    /// The API, SDK and AWS CLI form: `name`, `tags: [{key, value}]`, `encryptionConfiguration`. The SDKs convert
    /// nothing and check everything.
    public static let api = Dialect(
        name: "name", tags: "tags", tagKey: "key", tagValue: "value", encryption: "encryptionConfiguration",
        type: "type", kmsKeyId: "kmsKeyId", reusePeriod: "kmsDataKeyReusePeriodSeconds", membersPlace: "the request",
        nameRequirement: NameRequirement(
            missing: "missing required member `name`", missingObject: nil,
            answer: "botocore: Missing required parameter in input: \"name\"", exception: nil))
}
