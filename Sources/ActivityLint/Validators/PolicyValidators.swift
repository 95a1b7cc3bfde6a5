/// Parameterised validators for teams' own policy, used by rule packs (`--rules FILE`, `rules:` in the config).
/// Each takes `message` (what the user reads; `{value}` is replaced by the offending value) and its options.
enum PolicyValidators {
    static let all: [any Validator.Type] = [
        RequiredTag.self, RequiredField.self, FieldPattern.self, FieldAllowedValues.self, KMSKeyPolicy.self,
    ]
}

/// Reads the options every policy validator shares.
struct PolicyOptions {
    var options: [String: RuleOption]
    var used: Set<String> = []

    init(_ options: [String: RuleOption]) {
        self.options = options
    }

    mutating func text(_ key: String, required: Bool = true) throws(ValidatorOptionError) -> String? {
        used.insert(key)
        switch options[key] {
        case .text(let text): return text
        case .list: throw ValidatorOptionError("option `\(key)` must be a single value, not a list", option: key)
        case nil:
            if required { throw ValidatorOptionError("option `\(key)` is required") }
            return nil
        }
    }

    mutating func list(_ key: String) throws(ValidatorOptionError) -> [String] {
        used.insert(key)
        guard let values = options[key]?.values, !values.isEmpty else {
            throw ValidatorOptionError("option `\(key)` is required (a list)", option: key)
        }
        return values
    }

    mutating func field() throws(ValidatorOptionError) -> PolicyField {
        let text = try text("field")!
        guard let field = PolicyField(text) else {
            throw ValidatorOptionError("unknown field \(Quoting.name(text)); use one of \(PolicyField.spellings)", option: "field")
        }
        return field
    }

    /// Refuses options the validator does not know, so a typo in a pack is not silently ignored.
    func finish(_ validator: String) throws(ValidatorOptionError) {
        if let unknown = options.keys.sorted().first(where: { !used.contains($0) }) {
            throw ValidatorOptionError("validator `\(validator)` has no option \(Quoting.name(unknown))", option: unknown)
        }
    }
}

/// The message a policy rule reports, with `{value}` filled in.
struct PolicyMessage: Sendable {
    var template: String

    func text(value: String) -> String {
        template.split(separator: "{value}", omittingEmptySubsequences: false).map(String.init)
            .joined(separator: Quoting.code(value))
    }
}

/// A tag that every activity must carry, such as `owner`.
struct RequiredTag: Validator {
    static let name = "required-tag"
    let key: String
    let message: PolicyMessage

    init(options: [String: RuleOption]) throws(ValidatorOptionError) {
        var reader = PolicyOptions(options)
        key = try reader.text("key")!
        message = PolicyMessage(template: try reader.text("message", required: false) ?? "tag {value} is required")
        try reader.finish(Self.name)
    }

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        guard payload.root.members != nil, !payload.tagEntries.contains(where: { $0.key?.string.text == key }) else { return }
        let tags = payload.root.member(payload.dialect.tags)
        context.report(message.text(value: key), at: tags?.keyRange ?? payload.root.firstCharacterRange,
                       pointer: tags == nil ? "" : payload.dialect.tagsPointer)
    }
}

/// A field that must be present, such as `encryptionConfiguration.kmsKeyId`.
struct RequiredField: Validator {
    static let name = "required-field"
    let field: PolicyField
    let message: PolicyMessage

    init(options: [String: RuleOption]) throws(ValidatorOptionError) {
        var reader = PolicyOptions(options)
        field = try reader.field()
        message = PolicyMessage(template: try reader.text("message", required: false) ?? "{value} is required")
        try reader.finish(Self.name)
    }

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        guard payload.root.members != nil, field.values(in: payload).isEmpty, !field.isPerTag else { return }
        context.report(message.text(value: field.spelling), at: payload.root.firstCharacterRange, pointer: "")
    }
}

/// A field's value must match a POSIX extended regular expression, e.g. `^payments-[a-z0-9-]+$`.
struct FieldPattern: Validator {
    static let name = "field-pattern"
    let field: PolicyField
    let regex: SafeRegex
    let message: PolicyMessage

    init(options: [String: RuleOption]) throws(ValidatorOptionError) {
        var reader = PolicyOptions(options)
        field = try reader.field()
        let pattern = try reader.text("pattern")!
        do {
            regex = try SafeRegex(pattern)
        } catch {
            throw ValidatorOptionError("invalid pattern: \(error.message)", option: "pattern")
        }
        message = PolicyMessage(template: try reader.text("message", required: false)
            ?? "{value} does not match the pattern \(pattern)")
        try reader.finish(Self.name)
    }

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        for value in field.values(in: payload) where !regex.matches(value.string.text) {
            context.report(message.text(value: value.string.text), at: value.range, pointer: value.pointer)
        }
    }
}

/// A field's value must be one of a list, e.g. only `CUSTOMER_MANAGED_KMS_KEY`. `default` is the value AWS
/// assumes when the field is absent (`AWS_OWNED_KEY` for the encryption type), so absence is checked too.
struct FieldAllowedValues: Validator {
    static let name = "field-allowed-values"
    let field: PolicyField
    let allowed: [String]
    let assumed: String?
    let message: PolicyMessage

    init(options: [String: RuleOption]) throws(ValidatorOptionError) {
        var reader = PolicyOptions(options)
        field = try reader.field()
        allowed = try reader.list("values")
        assumed = try reader.text("default", required: false)
        message = PolicyMessage(template: try reader.text("message", required: false)
            ?? "{value} is not allowed here; use " + allowed.joined(separator: " or "))
        try reader.finish(Self.name)
    }

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        let values = field.values(in: payload)
        for value in values where !allowed.contains(value.string.text) {
            context.report(message.text(value: value.string.text), at: value.range, pointer: value.pointer)
        }
        if values.isEmpty, payload.root.members != nil, let assumed, !allowed.contains(assumed) {
            context.report(message.text(value: assumed) + " (\(field.spelling) is absent, so AWS uses \(assumed))",
                           at: payload.root.firstCharacterRange, pointer: "")
        }
    }
}

/// The KMS key must be given in certain forms and, for ARNs, in a certain account, region or partition.
struct KMSKeyPolicy: Validator {
    static let name = "kms-key-policy"
    static let formNames = ["key-id", "multi-region-key-id", "key-arn", "alias-name", "alias-arn"]
    let forms: [String]?
    let account: String?
    let region: String?
    let message: PolicyMessage

    init(options: [String: RuleOption]) throws(ValidatorOptionError) {
        var reader = PolicyOptions(options)
        forms = options["forms"] == nil ? nil : try reader.list("forms")
        if let unknown = forms?.first(where: { !Self.formNames.contains($0) }) {
            throw ValidatorOptionError("unknown form \(Quoting.name(unknown)); use \(Self.formNames.joined(separator: ", "))",
                                       option: "forms")
        }
        account = try reader.text("account", required: false)
        region = try reader.text("region", required: false)
        message = PolicyMessage(template: try reader.text("message", required: false)
            ?? "`kmsKeyId` {value} does not follow the key policy")
        try reader.finish(Self.name)
    }

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        guard let key = payload.kmsKeyId, case .success(let reference) = payload.kmsKeyReference else { return }
        let parts = key.string.text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        let isARN = parts.count == 6
        var fine = forms.map { $0.contains(reference.formName) } ?? true
        if let account { fine = fine && isARN && parts[4] == account }
        if let region { fine = fine && isARN && parts[3] == region }
        if !fine { context.report(message.text(value: key.string.text), at: key.range, pointer: key.pointer) }
    }
}

extension KMSKeyReference {
    /// The form's name in rule packs.
    var formName: String {
        switch self {
        case .keyID: "key-id"
        case .multiRegionKeyID: "multi-region-key-id"
        case .keyARN: "key-arn"
        case .aliasName: "alias-name"
        case .aliasARN: "alias-arn"
        }
    }
}

/// Which values of a payload a policy rule looks at.
enum PolicyField: Sendable {
    case name
    case tagKeys
    case tagValues
    case tagValue(key: String)
    case encryptionType
    case kmsKeyId

    static let spellings = "name, tags.key, tags.value, tag:KEY, encryptionConfiguration.type, "
        + "encryptionConfiguration.kmsKeyId"

    init?(_ text: String) {
        switch text {
        case "name": self = .name
        case "tags.key": self = .tagKeys
        case "tags.value": self = .tagValues
        case "encryptionConfiguration.type": self = .encryptionType
        case "encryptionConfiguration.kmsKeyId": self = .kmsKeyId
        default:
            guard text.hasPrefix("tag:"), text.count > 4 else { return nil }
            self = .tagValue(key: String(text.dropFirst(4)))
        }
    }

    var spelling: String {
        switch self {
        case .name: "name"
        case .tagKeys: "tags.key"
        case .tagValues: "tags.value"
        case .tagValue(let key): "tag:\(key)"
        case .encryptionType: "encryptionConfiguration.type"
        case .kmsKeyId: "encryptionConfiguration.kmsKeyId"
        }
    }

    /// Fields that exist once per tag cannot be "required" as a whole.
    var isPerTag: Bool {
        switch self {
        case .tagKeys, .tagValues: true
        default: false
        }
    }

    func values(in payload: Payload) -> [Payload.Field] {
        switch self {
        case .name: [payload.name].compactMap { $0 }
        case .tagKeys: payload.tagEntries.compactMap(\.key)
        case .tagValues: payload.tagEntries.compactMap(\.value)
        case .tagValue(let key): payload.tagEntries.filter { $0.key?.string.text == key }.compactMap(\.value)
        case .encryptionType: [payload.encryptionType].compactMap { $0 }
        case .kmsKeyId: [payload.kmsKeyId].compactMap { $0 }
        }
    }
}
