/// Where a request comes from, which decides how its members are spelt and shaped.
public enum PayloadDialect: String, Sendable, CaseIterable {
    /// The API, SDK and AWS CLI form: `name`, `tags: [{key, value}]`, `encryptionConfiguration`.
    case api
    /// `AWS::StepFunctions::Activity` properties: `Name`, `Tags: [{Key, Value}]`, `EncryptionConfiguration`.
    case cloudFormation
    /// A Terraform plan's `aws_sfn_activity`: `name`, `tags`/`tags_all` maps, an `encryption_configuration` block list.
    case terraform
}

/// The member names of one dialect. Rules read members through it, so one rule serves every dialect.
public struct PayloadSchema: Sendable {
    public var dialect: PayloadDialect
    public var name: String
    public var tags: String
    public var tagKey: String
    public var tagValue: String
    public var encryption: String
    public var type: String
    public var kmsKeyId: String
    public var reusePeriod: String
    /// Terraform writes tags as a map (`{team = "a"}`), the others as a list of `{key, value}`.
    public var tagsAreMap: Bool
    /// Terraform writes a nested block as a list of at most one object.
    public var encryptionIsBlockList: Bool

    public var requestMembers: [String] { [name, tags, encryption] }
    public var tagMembers: [String] { [tagKey, tagValue] }
    public var encryptionMembers: [String] { [type, kmsKeyId, reusePeriod] }

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
        PayloadSchema(
            dialect: .terraform, name: "name", tags: tags, tagKey: "key", tagValue: "value",
            encryption: "encryption_configuration", type: "type", kmsKeyId: "kms_key_id",
            reusePeriod: "kms_data_key_reuse_period_seconds", tagsAreMap: true, encryptionIsBlockList: true)
    }
}
