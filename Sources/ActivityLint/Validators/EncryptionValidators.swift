/// Rules for `encryptionConfiguration`.
enum EncryptionValidators {
    static let all: [any Validator.Type] = [
        EncryptionTypeRequired.self, EncryptionTypeInvalid.self, KMSKeyRequired.self, KMSKeyIDLength.self,
        KMSKeyIDFormat.self, KMSKeyIDCase.self, KMSKeyAWSManaged.self, KMSReusePeriodRange.self,
        AWSOwnedKeyExtraSettings.self,
    ]

    static let customerManaged = "CUSTOMER_MANAGED_KMS_KEY"
    static let awsOwned = "AWS_OWNED_KEY"
    static let types = [awsOwned, customerManaged]
}

/// `type` is required inside `encryptionConfiguration`.
struct EncryptionTypeRequired: PlainValidator {
    static let name = "encryption-type-required"

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        guard let encryption = payload.encryption, payload.isUnset(payload.dialect.type, in: encryption),
              !Payload.hasMisspelling(of: payload.dialect.type, in: encryption, among: payload.dialect.encryptionMembers)
        else { return }
        context.report(
            "`\(payload.dialect.encryption)` has no `\(payload.dialect.type)`; set AWS_OWNED_KEY or CUSTOMER_MANAGED_KMS_KEY "
                + "(botocore: Missing required parameter in encryptionConfiguration: \"type\")",
            at: encryption.firstCharacterRange, pointer: payload.encryptionPointer)
    }
}

/// `type` is a case-sensitive enum.
struct EncryptionTypeInvalid: PlainValidator {
    static let name = "encryption-type-invalid"

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        guard let type = payload.encryptionType, !EncryptionValidators.types.contains(type.string.text) else { return }
        var message = "encryption type \(Quoting.code(type.string.text)) is not one of AWS_OWNED_KEY, "
            + "CUSTOMER_MANAGED_KMS_KEY"
        var fix: FixProposal?
        if let match = EncryptionValidators.types.first(where: { $0 == type.string.text.uppercased() }) {
            message += "; values are case-sensitive: write \(match)"
            fix = FixProposal("Write \(match)", .safe, .replaceText(type.string, with: match))
        } else if type.string.text == "AWS_KMS_KEY" {
            message += "; AWS_KMS_KEY is not a Step Functions value: use CUSTOMER_MANAGED_KMS_KEY"
        }
        context.report(message, about: type, fix: fix)
    }
}

/// A customer managed key needs `kmsKeyId`.
struct KMSKeyRequired: PlainValidator {
    static let name = "encryption-kms-key-required"

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        guard let type = payload.encryptionType, type.string.text == EncryptionValidators.customerManaged,
              let encryption = payload.encryption, payload.isUnset(payload.dialect.kmsKeyId, in: encryption),
              !Payload.hasMisspelling(of: payload.dialect.kmsKeyId, in: encryption, among: payload.dialect.encryptionMembers)
        else { return }
        context.report(
            "type CUSTOMER_MANAGED_KMS_KEY needs `\(payload.dialect.kmsKeyId)` (a key ID, key ARN, alias name or alias ARN)",
            about: type)
    }
}

/// `kmsKeyId` is 1...2048 characters.
struct KMSKeyIDLength: PlainValidator {
    static let name = "kms-key-id-length"

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        guard let key = payload.kmsKeyId, !key.isTemplate else { return }
        let count = key.summary.scalarCount
        if count == 0 {
            context.report(
                "`\(payload.dialect.kmsKeyId)` is empty (an unfilled CLI skeleton?); give a key ID, key ARN, alias name or alias ARN, "
                    + "or remove it (botocore: Invalid length for parameter encryptionConfiguration.kmsKeyId)",
                about: key, exception: "ParamValidationError")
        } else if count > 2048 {
            context.report("`\(payload.dialect.kmsKeyId)` is \(count) characters long; the maximum is 2048", about: key)
        }
    }
}

/// `kmsKeyId` must be a key ID, multi-Region key ID, key ARN, alias name or alias ARN.
struct KMSKeyIDFormat: PlainValidator {
    static let name = "kms-key-id-format"

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        guard let key = payload.kmsKeyId, !key.isTemplate, (1...2048).contains(key.summary.scalarCount),
              case .failure(let problem) = payload.kmsKeyReference
        else { return }
        context.report("`\(payload.dialect.kmsKeyId)` \(Quoting.code(key.string.text)) \(problem.message)", about: key)
    }
}

/// KMS key IDs are lowercase; an uppercase one is most likely a copy mistake.
struct KMSKeyIDCase: PlainValidator {
    static let name = "kms-key-id-case"

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        guard let key = payload.kmsKeyId, !key.isTemplate, case .success(let reference) = payload.kmsKeyReference,
              reference.isUppercase
        else { return }
        let lowercased = key.string.text.lowercased()
        context.report(
            "`\(payload.dialect.kmsKeyId)` has uppercase hex digits; KMS key IDs are lowercase: \(Quoting.code(lowercased))",
            about: key, fix: FixProposal("Lowercase the key id", .safe, .replaceText(key.string, with: lowercased)))
    }
}

/// `alias/aws/...` names an AWS managed key, which Step Functions does not accept.
struct KMSKeyAWSManaged: PlainValidator {
    static let name = "kms-key-aws-managed"

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        guard let key = payload.kmsKeyId, !key.isTemplate, case .success(let reference) = payload.kmsKeyReference,
              reference.isAWSManaged
        else { return }
        context.report(
            "`\(payload.dialect.kmsKeyId)` \(Quoting.code(key.string.text)) names an AWS managed key (alias/aws/…); Step Functions "
                + "encrypts with AWS owned keys or customer managed keys only",
            about: key)
    }
}

/// `kmsDataKeyReusePeriodSeconds` is 60...900.
struct KMSReusePeriodRange: PlainValidator {
    static let name = "kms-reuse-period-range"

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        guard let period = payload.reusePeriod, period.number.isInteger else { return }
        if let value = period.number.integer, (60...900).contains(value) { return }
        context.report(
            "`\(payload.dialect.reusePeriod)` is \(Quoting.short(period.number.literal)); it must be between 60 and 900 "
                + "seconds",
            at: period.node, pointer: payload.reusePeriodPointer)
    }
}

/// With AWS_OWNED_KEY a key or reuse period is meaningless: AWS ignores or rejects it (undocumented).
struct AWSOwnedKeyExtraSettings: PlainValidator {
    static let name = "aws-owned-key-extra-settings"

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        guard let encryption = payload.encryption, payload.encryptionType?.string.text == EncryptionValidators.awsOwned
        else { return }
        for (index, member) in (encryption.members ?? []).enumerated()
            where [payload.dialect.kmsKeyId, payload.dialect.reusePeriod].contains(member.key.text)
                && !payload.isUnset(member.key.text, in: encryption) {
            // An empty key is already an error of its own (`kms-key-id-length`): one problem, one diagnostic.
            if member.key.text == payload.dialect.kmsKeyId, member.value.string?.text.isEmpty == true { continue }
            context.report(
                "`\(member.key.text)` has no effect with type AWS_OWNED_KEY (AWS ignores or rejects it); remove it, "
                    + "or use CUSTOMER_MANAGED_KMS_KEY",
                at: member.keyRange, pointer: JSONPointer.appending(member.key.text, to: payload.encryptionPointer),
                value: member.value.identityText,
                fix: FixProposal.Change.removing(entry: index, of: encryption).map {
                    FixProposal("Remove \(Quoting.code(member.key.text)) (changes the encryption settings)", .unsafe, $0)
                })
        }
    }
}
