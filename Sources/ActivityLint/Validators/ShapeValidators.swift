/// Rules about the request's structure: an object, with `name`, only known members, each of the right JSON type.
enum ShapeValidators {
    static let all: [any Validator.Type] = [PayloadNotObject.self, NameRequired.self, UnknownMember.self, InvalidType.self]
}

/// The request must be a JSON object (the CLI: "Invalid type: expecting map").
struct PayloadNotObject: PlainValidator {
    static let name = "payload-not-object"

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        guard payload.root.members == nil else { return }
        context.report(
            "a CreateActivity request must be an object with `name`, `tags` and `encryptionConfiguration`, "
                + "found \(TypeDescription.article(payload.root))",
            at: payload.root.firstCharacterRange, pointer: "")
    }
}

/// `name` is required. Stays silent when a misspelt member (`Name`) is already reported by `unknown-member`.
struct NameRequired: PlainValidator {
    static let name = "name-required"

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        guard payload.root.members != nil, payload.root.member(APIShape.name) == nil,
              !Payload.hasMisspelling(of: APIShape.name, in: payload.root, among: APIShape.requestMembers)
        else { return }
        context.report(
            "missing required member `name` (botocore: Missing required parameter in input: \"name\")",
            at: payload.root.firstCharacterRange, pointer: "")
    }
}

/// Members the API does not define: every SDK and the CLI refuse the whole request.
struct UnknownMember: PlainValidator {
    static let name = "unknown-member"

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        check(payload.root, known: APIShape.requestMembers, place: "the request", pointer: "", &context)
        for entry in payload.tagEntries {
            check(entry.node, known: APIShape.tagMembers, place: "a tag", pointer: entry.pointer, &context)
        }
        if let encryption = payload.encryption {
            check(encryption, known: APIShape.encryptionMembers, place: "`encryptionConfiguration`",
                  pointer: Payload.encryptionPointer, &context)
        }
    }

    private func check(_ object: Node, known: [String], place: String, pointer: String, _ context: inout ValidationContext) {
        for member in object.members ?? [] where !known.contains(member.key.text) {
            var message = "unknown member \(Quoting.code(member.key.text)) in \(place)"
            if let suggestion = MemberSuggestion.closest(to: member.key.text, among: known) {
                message += "; did you mean `\(suggestion)`? Member names are case-sensitive"
            } else {
                message += "; expected one of " + known.map { "`\($0)`" }.joined(separator: ", ")
            }
            context.report(message, at: member.keyRange, pointer: JSONPointer.appending(member.key.text, to: pointer))
        }
    }
}

/// Every known member must have the JSON type the API model gives it; the SDKs do no coercion.
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

        func accepts(_ node: Node) -> Bool {
            switch (self, node.value) {
            case (.string, .string), (.list, .array), (.object, .object): true
            case (.integer, .number(let number)): number.isInteger
            default: false
            }
        }
    }

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        let root = payload.root
        check(APIShape.name, in: root, expected: .string, pointer: "", &context)
        check(APIShape.tags, in: root, expected: .list, pointer: "", &context)
        check(APIShape.encryptionConfiguration, in: root, expected: .object, pointer: "", &context)
        let tagsPointer = JSONPointer.appending(APIShape.tags, to: "")
        for (index, tag) in (root.member(APIShape.tags)?.value.elements ?? []).enumerated() {
            let pointer = JSONPointer.appending(index, to: tagsPointer)
            guard tag.members != nil else {
                context.report(
                    "each tag must be an object {\"key\": …, \"value\": …}, found \(TypeDescription.article(tag))",
                    at: tag, pointer: pointer)
                continue
            }
            check(APIShape.tagKey, in: tag, expected: .string, pointer: pointer, &context)
            check(APIShape.tagValue, in: tag, expected: .string, pointer: pointer, &context)
        }
        if let encryption = payload.encryption {
            check(APIShape.type, in: encryption, expected: .string, pointer: Payload.encryptionPointer, &context)
            check(APIShape.kmsKeyId, in: encryption, expected: .string, pointer: Payload.encryptionPointer, &context)
            check(APIShape.reusePeriod, in: encryption, expected: .integer, pointer: Payload.encryptionPointer, &context)
        }
    }

    private func check(_ key: String, in object: Node, expected: Expected, pointer: String, _ context: inout ValidationContext) {
        guard let node = object.member(key)?.value, !expected.accepts(node) else { return }
        var message = "`\(key)` must be \(expected.phrase), found \(TypeDescription.article(node))"
        switch (expected, node.value) {
        case (.list, .object) where key == APIShape.tags:
            message += "; write tags as a list: [{\"key\": \"team\", \"value\": \"payments\"}]"
        case (.integer, .string(let string)) where Int(string.text) != nil:
            message += "; remove the quotes"
        case (.integer, .number(let number)):
            message += "; the SDKs accept only whole numbers (\(number.literal) is not an integer literal)"
        case (.string, .number), (.string, .bool):
            message += "; quote the value"
        case (_, .null):
            message += "; give a value or remove the member"
        default:
            break
        }
        context.report(message, at: node, pointer: JSONPointer.appending(key, to: pointer))
    }
}
