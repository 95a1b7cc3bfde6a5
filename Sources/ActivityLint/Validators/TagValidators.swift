/// Rules for `tags`: count, presence, length, characters, the reserved prefix and duplicates.
enum TagValidators {
    static let all: [any Validator.Type] = [
        TagsTooMany.self, TagKeyMissing.self, TagValueMissing.self, TagKeyLength.self, TagValueLength.self,
        TagCharset.self, TagReservedPrefix.self, TagValueReservedPrefix.self, TagDuplicateKey.self,
        TagDuplicatePair.self,
    ]

    static let maximumCount = 50
    static let maximumKeyLength = 128
    static let maximumValueLength = 256
}

/// At most 50 tags; keys with `aws:` do not count, and a repeated key counts once.
struct TagsTooMany: PlainValidator {
    static let name = "tags-too-many"

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        guard payload.distinctUserTagKeys > TagValidators.maximumCount else { return }
        let repeats = Set(payload.repeatedTags.map(\.later))
        var counted = 0
        for (position, entry) in payload.tagEntries.enumerated() where !repeats.contains(position) {
            guard let key = entry.key, !key.summary.hasReservedPrefix else { continue }
            counted += 1
            guard counted == TagValidators.maximumCount + 1 else { continue }
            context.report(
                "\(payload.distinctUserTagKeys) distinct tag keys; an activity may have at most 50 (this is tag \(TagValidators.maximumCount + 1))",
                at: entry.node.firstCharacterRange, pointer: entry.pointer, value: entry.identity)
            return
        }
    }
}

/// Every tag needs a `key`.
struct TagKeyMissing: PlainValidator {
    static let name = "tag-key-missing"

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        // A misspelt key (`Key` in a request) is `unknown-member`'s, with its fix: one problem, one diagnostic.
        for entry in payload.tagEntries where !entry.hasKey
            && !Payload.hasMisspelling(of: payload.dialect.tagKey, in: entry.node, among: payload.dialect.tagMembers) {
            context.report(
                "tag \(entry.index + 1) has no `key`; every tag needs a key of 1 to 128 characters",
                at: entry.node.firstCharacterRange, pointer: entry.pointer, value: entry.identity)
        }
    }
}

/// A tag without `value`: the model allows it, CloudFormation does not, and the service's answer is unknown.
struct TagValueMissing: PlainValidator {
    static let name = "tag-value-missing"

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        for entry in payload.tagEntries where !entry.hasValue
            && !Payload.hasMisspelling(of: payload.dialect.tagValue, in: entry.node, among: payload.dialect.tagMembers) {
            context.report(
                "tag \(entry.index + 1) has no `value`; give one (an empty string is allowed) so the request means "
                    + "the same everywhere",
                at: entry.node.firstCharacterRange, pointer: entry.pointer, value: entry.identity)
        }
    }
}

/// Keys are 1...128 code points.
struct TagKeyLength: PlainValidator {
    static let name = "tag-key-length"

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        for entry in payload.tagEntries {
            guard let key = entry.key else { continue }
            // A plain key's length is known without a call (a call in the loop retains the views on every tag).
            if !key.isTemplate, (1...TagValidators.maximumKeyLength).contains(key.summary.scalarCount) { continue }
            check(key, entry, &context)
        }
    }

    private func check(_ key: Payload.Field, _ entry: Payload.TagEntry, _ context: inout ValidationContext) {
        let count = key.isTemplate ? key.literalCodePoints.count : key.summary.scalarCount
        if count == 0, !key.isTemplate {
            context.report(
                "tag key is empty; keys need 1 to 128 characters (botocore: Invalid length for parameter "
                    + "tags[\(entry.index)].key, value: 0, valid min length: 1)",
                at: key.range, pointer: key.pointer, exception: "ParamValidationError", value: entry.identity)
        } else if count > TagValidators.maximumKeyLength {
            context.report(
                "tag key is \(count) characters long; the maximum is 128", at: key.range, pointer: key.pointer,
                value: entry.identity)
        }
    }
}

/// Values are 0...256 code points.
struct TagValueLength: PlainValidator {
    static let name = "tag-value-length"

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        for entry in payload.tagEntries {
            guard let value = entry.value else { continue }
            if value.summary.scalarCount == 0, let refusal = payload.dialect.emptyTagValueRefusal {
                context.report(
                    "tag `\(payload.dialect.tagValue)` is empty; the API accepts an empty value but \(refusal)",
                    at: value.range, pointer: value.pointer, exception: "ValidationException", value: entry.identity)
                continue
            }
            guard value.summary.scalarCount > TagValidators.maximumValueLength else { continue }
            context.report(
                "tag value is \(value.summary.scalarCount) characters long; the maximum is 256",
                at: value.range, pointer: value.pointer, value: entry.identity)
        }
    }
}

/// `^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$` for keys and values, each offending character at its own column.
struct TagCharset: PlainValidator {
    static let name = "tag-charset"

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        // Nearly every tag is plain ASCII from the allowed set: answered from the bytes alone, in the loop, so that
        // only a field that fails it is handed to a call (each call retains the payload's table for its views).
        let allowed = TagCharset.allowedASCII
        for entry in payload.tagEntries {
            if let key = entry.key, !key.summary.usesOnly(allowed) { check(key, "key", entry, &context) }
            if let value = entry.value, !value.summary.usesOnly(allowed) { check(value, "value", entry, &context) }
        }
    }

    private func check(
        _ field: Payload.Field, _ label: String, _ entry: Payload.TagEntry, _ context: inout ValidationContext
    ) {
        var offending: [(Int, UInt32)] = []
        field.forEachLiteralCodePoint { index, codePoint in
            if !TagCharset.allows(codePoint) { offending.append((index, codePoint)) }
        }
        var locator = ScalarLocator(field.string)
        for (index, codePoint) in offending {
            var message = "tag \(label) contains \(CodePointDescription.describe(codePoint)); tags may "
                + "contain only letters, digits, white space and _ . : / = + - @"
            if let scalar = Unicode.Scalar(codePoint), scalar.properties.generalCategory.isMark {
                message += " (a combining mark: write the precomposed character, Unicode NFC, instead)"
            }
            context.report(
                message, at: locator.range(ofScalar: index), pointer: field.pointer,
                value: label + "\u{0}" + entry.identity + "\u{0}" + String(codePoint, radix: 16))
        }
    }

    private static let symbols: Set<UInt32> = Set("_.:/=+-@".unicodeScalars.map(\.value))

    /// The ASCII characters the pattern allows (letters, digits, space, `_.:/=+-@`), answered without Unicode
    /// property tables.
    static let allowedASCII = ASCIISet { scalar in
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == " "
            || "_.:/=+-@".unicodeScalars.contains(scalar)
    }

    static func allows(_ value: UInt32) -> Bool {
        if value < 128 { return allowedASCII.contains(UInt8(value)) }
        if symbols.contains(value) { return true }
        guard let scalar = Unicode.Scalar(value) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return true
        default:
            return false
        }
    }
}

extension Unicode.GeneralCategory {
    /// `\p{M}`: combining marks, which the tag pattern excludes.
    var isMark: Bool { self == .nonspacingMark || self == .spacingMark || self == .enclosingMark }
}

/// Keys starting with `aws:` (any case) are reserved for AWS.
struct TagReservedPrefix: PlainValidator {
    static let name = "tag-reserved-prefix"

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        for entry in payload.tagEntries {
            guard let key = entry.key, key.summary.hasReservedPrefix else { continue }
            context.report(
                "tag key \(Quoting.code(key.string.text)) starts with the reserved prefix \"aws:\"; AWS rejects "
                    + "user tags with it (in any letter case)",
                at: key.range, pointer: key.pointer, value: entry.identity)
        }
    }
}

/// Values starting with `aws:`: the tagging guide says not to, enforcement is doubtful.
struct TagValueReservedPrefix: PlainValidator {
    static let name = "tag-value-reserved-prefix"

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        for entry in payload.tagEntries {
            guard let value = entry.value, value.summary.hasReservedPrefix else { continue }
            context.report(
                "tag value \(Quoting.code(value.string.text)) starts with \"aws:\", which AWS reserves for its own "
                    + "tag names and values",
                at: value.range, pointer: value.pointer, value: entry.identity)
        }
    }
}

/// The same key twice with different values: which one wins is undefined.
struct TagDuplicateKey: PlainValidator {
    static let name = "tag-duplicate-key"

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        TagDuplicates.each(in: payload) { first, later in
            guard first.value?.string.text != later.value?.string.text, let key = later.key else { return }
            context.report(
                "tag key \(Quoting.code(key.string.text)) is repeated with a different value; which value AWS keeps "
                    + "is undefined",
                at: key.range, pointer: key.pointer, value: later.identity,
                related: [TagDuplicates.firstHere(first)])
        }
    }
}

/// The same key and value twice: AWS stores one tag; the repetition is noise.
struct TagDuplicatePair: PlainValidator {
    static let name = "tag-duplicate-pair"

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        TagDuplicates.each(in: payload) { first, later in
            guard first.value?.string.text == later.value?.string.text, let key = later.key else { return }
            let fix = payload.root.memberValue(payload.dialect.tags)
                .flatMap { FixProposal.Change.removing(entry: later.index, of: $0) }
                .map { FixProposal("Remove the repeated tag", .safe, $0) }
            context.report(
                "tag \(Quoting.code(key.string.text)) repeats an earlier tag exactly; remove one",
                at: later.node.firstCharacterRange, pointer: later.pointer, value: later.identity,
                related: [TagDuplicates.firstHere(first)], fix: fix)
        }
    }
}

/// Pairs each repeated tag key with its first occurrence.
enum TagDuplicates {
    static func each(in payload: Payload, _ body: (Payload.TagEntry, Payload.TagEntry) -> Void) {
        for (first, later) in payload.repeatedTags { body(payload.tagEntries[first], payload.tagEntries[later]) }
    }

    /// The earlier tag with the key, as a related location.
    static func firstHere(_ first: Payload.TagEntry) -> RelatedLocation {
        RelatedLocation(file: "", range: first.node.firstCharacterRange, message: "the key's first tag")
    }
}

extension Payload.TagEntry {
    /// What identifies a finding about the tag wherever it is in the list: its key as written (its value when it
    /// has no key).
    var identity: String { key?.string.text ?? value?.string.text ?? "" }
}
