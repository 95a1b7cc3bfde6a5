/// Rules about the request's structure: an object, with a name, only known members, each of the right JSON type.
/// Sources that enforce the shape themselves (a Terraform plan has passed the provider's schema) are skipped.
enum ShapeValidators {
    static let all: [any Validator.Type] = [PayloadNotObject.self, NameRequired.self, UnknownMember.self, InvalidType.self]
}

/// The request must be a JSON object (the CLI: "Invalid type: expecting map").
struct PayloadNotObject: PlainValidator {
    static let name = "payload-not-object"

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        guard payload.root.members == nil, !payload.dialect.isIntrinsic(payload.root) else { return }
        let members = payload.dialect.requestMembers.map { "`\($0)`" }.joined(separator: ", ")
        context.report(
            "a CreateActivity request must be an object with \(members), found \(TypeDescription.article(payload.root))",
            at: payload.root.firstCharacterRange, pointer: "")
    }
}

/// The API needs `name`, and so does `AWS::StepFunctions::Activity` (its schema's `required`; the resource
/// provider passes `Name` straight to CreateActivity). A Terraform plan has already passed the provider's own
/// check. Stays silent when a misspelt member (`name` in a template) is already reported by `unknown-member`.
struct NameRequired: PlainValidator {
    static let name = "name-required"

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        let dialect = payload.dialect
        guard let requirement = dialect.nameRequirement, payload.root.members != nil,
              payload.root.member(dialect.name) == nil,
              !Payload.hasMisspelling(of: dialect.name, in: payload.root, among: dialect.requestMembers)
        else { return }
        // Without its object (a resource without `Properties`) the extractor stands an empty, zero-width one there.
        let hasNoObject = payload.root.range.start.offset == payload.root.range.end.offset
        let what = hasNoObject ? requirement.missingObject ?? requirement.missing : requirement.missing
        context.report(
            "\(what) (\(requirement.answer))", at: payload.root.firstCharacterRange, pointer: "",
            exception: requirement.exception)
    }
}

/// Members the API (or the resource type) does not define: the SDKs, the CLI and CloudFormation refuse them.
struct UnknownMember: PlainValidator {
    static let name = "unknown-member"

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        let dialect = payload.dialect
        guard !dialect.sourceEnforcesShape else { return }
        check(payload.root, known: dialect.requestMembers, place: dialect.membersPlace, pointer: "", dialect, &context)
        // A tag with exactly a key and a value has no unknown member: nearly every tag.
        for entry in payload.tagEntries where !(entry.hasKey && entry.hasValue && entry.memberCount == 2) {
            check(entry.node, known: dialect.tagMembers, place: "a tag", pointer: entry.pointer, dialect, &context)
        }
        if let encryption = payload.encryption {
            check(encryption, known: dialect.encryptionMembers, place: "`\(dialect.encryption)`",
                  pointer: payload.encryptionPointer, dialect, &context)
        }
    }

    private func check(
        _ object: Node, known: [String], place: String, pointer: String, _ dialect: Dialect,
        _ context: inout ValidationContext
    ) {
        guard !dialect.isIntrinsic(object), let members = object.members else { return }
        for member in members where !known.contains(member.key.text) {
            var message = "unknown member \(Quoting.code(member.key.text)) in \(place)"
            var fix: FixProposal?
            if let suggestion = MemberSuggestion.suggestion(for: member.key.text, among: known) {
                message += "; did you mean `\(suggestion.member)`? Member names are case-sensitive"
                // Renaming is safe when the intended member is clear and not given already (that would repeat it).
                if suggestion.isUnambiguous, !members.contains(where: { $0.key.text == suggestion.member }) {
                    fix = FixProposal(
                        "Rename \(Quoting.code(member.key.text)) to `\(suggestion.member)`", .safe,
                        .replaceText(member.key, with: suggestion.member))
                }
            } else {
                message += "; expected one of " + known.map { "`\($0)`" }.joined(separator: ", ")
            }
            context.report(
                message, at: member.keyRange, pointer: JSONPointer.appending(member.key.text, to: pointer),
                value: member.key.text, fix: fix)
        }
    }
}

/// Every known member must have the JSON type the API model gives it; the SDKs do no coercion. A value given by
/// a CloudFormation intrinsic function is accepted anywhere.
struct InvalidType: PlainValidator {
    static let name = "invalid-type"

    private enum Expected {
        case string, integer, list, object

        var phrase: String {
            switch self {
            case .string: "a string"
            case .integer: "an integer"
            case .list: "a list"
            case .object: "an object"
            }
        }

        /// A dialect that coerces scalars (CloudFormation: `Name: 12345` becomes "12345", `"300"` becomes 300)
        /// accepts them; one with intrinsic functions accepts any of them.
        func accepts(_ node: Node, in dialect: Dialect) -> Bool {
            if dialect.isIntrinsic(node) { return true }
            // A string that is one whole substitution (`${key.arn}`) may give a value of any type.
            if case .string(let string) = node.value, dialect.templates?.isComputed(string) == true { return true }
            let lenient = dialect.coercesScalars
            switch (self, node.value) {
            case (.string, .string), (.list, .array), (.object, .object): return true
            case (.integer, .number(let number)): return number.isInteger
            case (.string, .number), (.string, .bool): return lenient
            case (.integer, .string(let string)): return lenient && Int(string.text) != nil
            default: return false
            }
        }
    }

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        let dialect = payload.dialect
        guard !dialect.sourceEnforcesShape, payload.root.members != nil else { return }
        let root = payload.root
        check(dialect.name, in: root, expected: .string, pointer: "", dialect: dialect, &context)
        check(dialect.tags, in: root, expected: dialect.tagsAreMap ? .object : .list, pointer: "", dialect: dialect, &context)
        check(dialect.encryption, in: root, expected: .object, pointer: "", dialect: dialect, &context)
        // Tags given by an intrinsic function (`!If [cond, [...], [...]]`) are the function's arguments, not tags.
        let tags = root.memberValue(dialect.tags).map { dialect.isIntrinsic($0) ? [] : $0.elements ?? [] } ?? []
        if !dialect.tagsAreMap, tags.count != payload.tagEntries.count {
            // Some element is no object (or an intrinsic function): report those.
            for (index, tag) in tags.enumerated() where tag.members == nil && !dialect.isIntrinsic(tag) {
                context.report(
                    "each tag must be an object {\"\(dialect.tagKey)\": …, \"\(dialect.tagValue)\": …}, found "
                        + TypeDescription.article(tag),
                    at: tag, pointer: JSONPointer.appending(index, to: dialect.tagsPointer))
            }
        }
        // A map's values are the tag values themselves (Pulumi's `tags: {team: a}`).
        if dialect.tagsAreMap, let members = root.memberValue(dialect.tags)?.members {
            for (entry, member) in zip(payload.tagEntries, members) where entry.value == nil {
                guard !Expected.string.accepts(member.value, in: dialect) else { continue }
                context.report(
                    "tag \(Quoting.code(member.key.text)) must have a string value, found "
                        + TypeDescription.article(member.value),
                    at: member.value, pointer: entry.pointer)
            }
            return checkEncryption(payload, dialect, &context)
        }
        // A tag whose key and value are strings (or absent) is well typed: nearly every tag, decided without
        // looking its members up again.
        for entry in payload.tagEntries where entry.hasKey && entry.key == nil || entry.hasValue && entry.value == nil {
            check(dialect.tagKey, in: entry.node, expected: .string, pointer: entry.pointer, dialect: dialect, &context)
            check(dialect.tagValue, in: entry.node, expected: .string, pointer: entry.pointer, dialect: dialect, &context)
        }
        checkEncryption(payload, dialect, &context)
    }

    private func checkEncryption(_ payload: Payload, _ dialect: Dialect, _ context: inout ValidationContext) {
        if let encryption = payload.encryption {
            let pointer = payload.encryptionPointer
            check(dialect.type, in: encryption, expected: .string, pointer: pointer, dialect: dialect, &context)
            check(dialect.kmsKeyId, in: encryption, expected: .string, pointer: pointer, dialect: dialect, &context)
            check(dialect.reusePeriod, in: encryption, expected: .integer, pointer: pointer, dialect: dialect, &context)
        }
    }

    /// A dialect that coerces scalars (CloudFormation) converts them to the property's type.
    private func check(
        _ key: String, in object: Node, expected: Expected, pointer: String, dialect: Dialect,
        _ context: inout ValidationContext
    ) {
        guard let node = object.memberValue(key), !expected.accepts(node, in: dialect) else { return }
        var message = "`\(key)` must be \(expected.phrase), found \(TypeDescription.article(node))"
        var fix: FixProposal?
        switch (expected, node.value) {
        case (.list, .object(let members)):
            message += "; write tags as a list: " + Self.tagList(members, dialect: dialect)
        case (.integer, .string(let string)) where Int(string.text) != nil:
            message += "; remove the quotes"
            if string.text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
                fix = FixProposal("Remove the quotes", .safe, .unquoteNumber(node.range, digits: string.text))
            }
        case (.integer, .number(let number)):
            message += "; the SDKs accept only whole numbers (\(number.literal) is not an integer literal)"
        case (.string, .number), (.string, .bool):
            message += "; quote the value"
        case (_, .null):
            message += "; give a value or remove the member"
        default:
            break
        }
        context.report(message, at: node, pointer: JSONPointer.appending(key, to: pointer), fix: fix)
    }

    /// The user's own map written as the list the API wants: `[{"key": "team", "value": "payments"}, …]`, with at
    /// most two of its entries (an example, not the whole map).
    static func tagList(_ members: Node.Members, dialect: Dialect) -> String {
        let shown = (members.isEmpty ? [("team", "payments")] : members.prefix(2).map { member in
            (member.key.text, member.value.string?.text ?? member.value.identityText)
        }).map { "{\"\(dialect.tagKey)\": \(Quoting.code($0.0)), \"\(dialect.tagValue)\": \(Quoting.code($0.1))}" }
        return "[" + shown.joined(separator: ", ") + (members.count > 2 ? ", …]" : "]")
    }
}
