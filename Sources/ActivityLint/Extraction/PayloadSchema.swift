/// Where a request comes from, which decides how its members are spelt and shaped.
public enum PayloadDialect: String, Sendable, CaseIterable {
    /// The API, SDK and AWS CLI form: `name`, `tags: [{key, value}]`, `encryptionConfiguration`.
    case api
    /// `AWS::StepFunctions::Activity` properties: `Name`, `Tags: [{Key, Value}]`, `EncryptionConfiguration`.
    case cloudFormation
    /// A Terraform plan's `aws_sfn_activity`: `name`, `tags`/`tags_all` maps, an `encryption_configuration` block list.
    case terraform
}

/// The member names of one dialect. Rules read members through it, so one rule serves every dialect. A class
/// with a few shared instances: every request refers to one, and copying a request copies one reference.
public final class PayloadSchema: Sendable {
    public let dialect: PayloadDialect
    public let name: String
    public let tags: String
    public let tagKey: String
    public let tagValue: String
    public let encryption: String
    public let type: String
    public let kmsKeyId: String
    public let reusePeriod: String
    /// Terraform writes tags as a map (`{team = "a"}`), the others as a list of `{key, value}`.
    public let tagsAreMap: Bool
    /// Terraform writes a nested block as a list of at most one object.
    public let encryptionIsBlockList: Bool

    /// JSON Pointers of the tags and of the encryption object relative to the payload, spelt once.
    public let tagsPointer: String
    public let encryptionPointer: String

    public let requestMembers: [String]
    public let tagMembers: [String]
    public let encryptionMembers: [String]

    init(
        dialect: PayloadDialect, name: String, tags: String, tagKey: String, tagValue: String, encryption: String,
        type: String, kmsKeyId: String, reusePeriod: String, tagsAreMap: Bool, encryptionIsBlockList: Bool
    ) {
        self.dialect = dialect
        self.name = name
        self.tags = tags
        self.tagKey = tagKey
        self.tagValue = tagValue
        self.encryption = encryption
        self.type = type
        self.kmsKeyId = kmsKeyId
        self.reusePeriod = reusePeriod
        self.tagsAreMap = tagsAreMap
        self.encryptionIsBlockList = encryptionIsBlockList
        tagsPointer = JSONPointer.appending(tags, to: "")
        let encryptionMember = JSONPointer.appending(encryption, to: "")
        encryptionPointer = encryptionIsBlockList ? JSONPointer.appending(0, to: encryptionMember) : encryptionMember
        requestMembers = [name, tags, encryption]
        tagMembers = [tagKey, tagValue]
        encryptionMembers = [type, kmsKeyId, reusePeriod]
    }

    public static let api = PayloadSchema(
        dialect: .api, name: "name", tags: "tags", tagKey: "key", tagValue: "value",
        encryption: "encryptionConfiguration", type: "type", kmsKeyId: "kmsKeyId",
        reusePeriod: "kmsDataKeyReusePeriodSeconds", tagsAreMap: false, encryptionIsBlockList: false)

    public static let cloudFormation = PayloadSchema(
        dialect: .cloudFormation, name: "Name", tags: "Tags", tagKey: "Key", tagValue: "Value",
        encryption: "EncryptionConfiguration", type: "Type", kmsKeyId: "KmsKeyId",
        reusePeriod: "KmsDataKeyReusePeriodSeconds", tagsAreMap: false, encryptionIsBlockList: false)

    /// `tags` is replaced by `tags_all` (what is actually sent) when the plan knows it.
    public static func terraform(tags: String) -> PayloadSchema {
        tags == "tags_all" ? terraformAllTags : terraformResourceTags
    }

    private static let terraformAllTags = terraformSchema(tags: "tags_all")
    private static let terraformResourceTags = terraformSchema(tags: "tags")

    private static func terraformSchema(tags: String) -> PayloadSchema {
        PayloadSchema(
            dialect: .terraform, name: "name", tags: tags, tagKey: "key", tagValue: "value",
            encryption: "encryption_configuration", type: "type", kmsKeyId: "kms_key_id",
            reusePeriod: "kms_data_key_reuse_period_seconds", tagsAreMap: true, encryptionIsBlockList: true)
    }
}
