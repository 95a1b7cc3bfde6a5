/// How one source of requests (the API, a CloudFormation template, a Terraform plan) spells a CreateActivity
/// request and what it already guarantees about it. Rules read members and source-specific decisions through it,
/// never by asking which source they are in, so one rule serves every source and a new source is one value in its
/// extractor's file. A class with a few shared instances: every request refers to one, and copying a request
/// copies one reference.
@_spi(Internals) public final class Dialect: Sendable {
    // MARK: Spellings
    public let name: String
    public let tags: String
    public let tagKey: String
    public let tagValue: String
    public let encryption: String
    public let type: String
    public let kmsKeyId: String
    public let reusePeriod: String
    /// Tags as a map (`{team = "a"}`) rather than a list of `{key, value}`.
    public let tagsAreMap: Bool
    /// The encryption block as a list of at most one object (Terraform's nested blocks).
    public let encryptionIsBlockList: Bool
    /// What the members sit in, for messages: "the request", "the resource's Properties".
    public let membersPlace: String

    // MARK: What the source guarantees or changes
    /// The source has checked member names and JSON types already (a plan passed the provider's schema), so the
    /// shape rules have nothing to add.
    public let sourceEnforcesShape: Bool
    /// What a request without a name is told; nil when the source already guarantees a name.
    public let nameRequirement: NameRequirement?
    /// The source converts scalars to the member's type (CloudFormation reads `Name: 12345` as "12345").
    public let coercesScalars: Bool
    /// The source drops `""`, `0` and null before sending (a Terraform provider does), so they mean unset.
    public let emptyMeansUnset: Bool
    /// Why an empty tag value is refused, when the source refuses what the API accepts.
    public let emptyTagValueRefusal: String?

    // MARK: Values no linter can know
    /// How the source computes values with functions (CloudFormation's `Ref`, `Fn::Sub`, `!GetAtt`; Pulumi's
    /// `fn::join`); nil when it has none.
    public let functions: FunctionSyntax?
    /// What marks a string resolved at deploy time (CloudFormation's `{{resolve:…}}`); nil when there is none.
    public let dynamicReferenceMarker: String?
    /// How strings compute values from substitutions (Terraform's `${var.env}`); nil when they are literal text.
    public let templates: TemplateSyntax?

    // MARK: Derived, spelt once
    /// JSON Pointers of the tags and of the encryption object relative to the payload.
    public let tagsPointer: String
    public let encryptionPointer: String
    public let requestMembers: [String]
    public let tagMembers: [String]
    public let encryptionMembers: [String]

    /// What `name-required` says in a source that needs a name.
    public struct NameRequirement: Sendable {
        /// The missing member, as the source says it ("missing required member `name`").
        public let missing: String
        /// The same when the request has no object at all (a resource without `Properties`); nil when it cannot.
        public let missingObject: String?
        /// What the source answers, quoted after the message.
        public let answer: String
        /// The exception the finding names; nil for the rule's own.
        public let exception: String?
    }

    init(
        name: String, tags: String, tagKey: String, tagValue: String, encryption: String, type: String,
        kmsKeyId: String, reusePeriod: String, tagsAreMap: Bool = false, encryptionIsBlockList: Bool = false,
        membersPlace: String, sourceEnforcesShape: Bool = false, nameRequirement: NameRequirement?,
        coercesScalars: Bool = false, emptyMeansUnset: Bool = false, emptyTagValueRefusal: String? = nil,
        functions: FunctionSyntax? = nil, dynamicReferenceMarker: String? = nil, templates: TemplateSyntax? = nil
    ) {
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
        self.membersPlace = membersPlace
        self.sourceEnforcesShape = sourceEnforcesShape
        self.nameRequirement = nameRequirement
        self.coercesScalars = coercesScalars
        self.emptyMeansUnset = emptyMeansUnset
        self.emptyTagValueRefusal = emptyTagValueRefusal
        self.functions = functions
        self.dynamicReferenceMarker = dynamicReferenceMarker
        self.templates = templates
        tagsPointer = JSONPointer.appending(tags, to: "")
        let encryptionMember = JSONPointer.appending(encryption, to: "")
        encryptionPointer = encryptionIsBlockList ? JSONPointer.appending(0, to: encryptionMember) : encryptionMember
        requestMembers = [name, tags, encryption]
        tagMembers = [tagKey, tagValue]
        encryptionMembers = [type, kmsKeyId, reusePeriod]
    }

    /// Whether values can be computed at deploy time in this source, so `unresolved-value` has something to say.
    var hasDeployTimeValues: Bool { functions != nil || dynamicReferenceMarker != nil || templates != nil }

    /// The source computes values with functions (`Ref`, `Fn::Sub`, `fn::join`).
    public var hasIntrinsicFunctions: Bool { functions != nil }

    /// Whether `node` is a function call (`{"Ref": …}`, `!Sub`, `fn::join`) in this dialect: elsewhere such an
    /// object is just an object, and a request that holds one is wrong, not unknowable.
    func isIntrinsic(_ node: Node) -> Bool { functions?.functionName(node) != nil }

    /// The name of the function `node` calls in this dialect, nil when it calls none.
    func functionName(_ node: Node) -> String? { functions?.functionName(node) }

    /// The template of an `Fn::Sub` in this dialect.
    func subTemplate(_ node: Node) -> Node? { functions?.subTemplate(node) }
}
