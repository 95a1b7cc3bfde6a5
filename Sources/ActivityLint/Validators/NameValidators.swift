/// Rules for the activity `name`.
enum NameValidators {
    static let all: [any Validator.Type] = [
        NameLength.self, NameUTF16Length.self, NameForbiddenCharacter.self, NameCloudWatchSafe.self,
    ]

    static let maximumLength = 80
}

/// 1...80 Unicode code points (the Smithy `length` unit), not grapheme clusters, bytes or UTF-16 units.
struct NameLength: PlainValidator {
    static let name = "name-length"

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        guard let name = payload.name else { return }
        if name.isTemplate {
            // An `Fn::Sub` name is at least as long as its literal text.
            let literal = name.literalCodePoints.count
            guard literal > NameValidators.maximumLength else { return }
            context.report(
                "the literal text of this Fn::Sub name is already \(literal) characters long, over the maximum of "
                    + "80 whatever the substitutions give",
                about: name)
            return
        }
        let count = name.summary.scalarCount
        if count == 0 {
            context.report(
                "activity name is empty; it needs 1 to 80 characters "
                    + "(botocore: Invalid length for parameter name, value: 0, valid min length: 1)",
                about: name, exception: "ParamValidationError")
        } else if count > NameValidators.maximumLength {
            // Up to the last character, not the closing quote (escaped strings: the whole rest of the node).
            let end = name.string.scalarPositions == nil ? name.string.position(ofScalar: count) : name.range.end
            let excess = SourceRange(start: name.string.position(ofScalar: NameValidators.maximumLength), end: end)
            context.report(
                "activity name is \(count) characters long, over the maximum of 80 by \(count - 80) "
                    + "(from here on); AWS answers: Member must have length less than or equal to 80",
                at: excess, pointer: name.pointer, value: name.string.text,
                fix: FixProposal(
                    "Shorten the name to 80 characters (renames the activity)", .unsafe,
                    .replaceCharacters(name.string, range: excess, with: "")))
        }
    }
}

/// A service that counts UTF-16 units (Java's `String.length()`) would see astral characters twice.
struct NameUTF16Length: PlainValidator {
    static let name = "name-utf16-length"

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        guard let name = payload.name, !name.isTemplate else { return }
        let scalars = name.summary.scalarCount
        let units = name.string.utf16Count
        guard units > NameValidators.maximumLength, scalars <= NameValidators.maximumLength else { return }
        context.report(
            "activity name is \(scalars) characters but \(units) UTF-16 code units; characters outside the Basic "
                + "Multilingual Plane (such as emoji) count twice if the service counts UTF-16, which would exceed 80",
            about: name)
    }
}

/// Characters the API reference forbids, each reported at its own column.
struct NameForbiddenCharacter: PlainValidator {
    static let name = "name-forbidden-character"

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        guard let name = payload.name, !name.summary.usesOnly(NameCharacterClass.plain) else { return }
        var offending: [(Int, UInt32)] = []
        name.forEachLiteralCodePoint { index, codePoint in
            if NameCharacterClass.forbiddenCategory(codePoint) != nil { offending.append((index, codePoint)) }
        }
        var locator = ScalarLocator(name.string)
        for (index, codePoint) in offending {
            guard let category = NameCharacterClass.forbiddenCategory(codePoint) else { continue }
            // Not inside an Fn::Sub template: its text is the function's argument, not the name.
            let range = locator.range(ofScalar: index)
            let fix = name.isTemplate ? nil : FixProposal(
                "Replace \(CodePointDescription.describe(codePoint)) with '-' (renames the activity)", .unsafe,
                .replaceCharacters(name.string, range: range, with: "-"))
            context.report(
                "activity name contains \(category) \(CodePointDescription.describe(codePoint)) at character "
                    + "\(index + 1); AWS rejects the name with InvalidName",
                at: range, pointer: name.pointer,
                value: String(codePoint, radix: 16), fix: fix)
        }
    }
}

/// CloudWatch Logs logging needs names of only `0-9 A-Z a-z - _`; a recommendation, so a warning.
struct NameCloudWatchSafe: PlainValidator {
    static let name = "name-cloudwatch-safe"

    func validate(_ payload: Payload, _ context: inout ValidationContext) {
        guard let name = payload.name, !name.summary.usesOnly(NameCharacterClass.cloudWatchSafe) else { return }
        let codePoints = name.literalCodePoints
        // A forbidden character is already an error; do not add a warning for the same character.
        guard !codePoints.contains(where: { NameCharacterClass.forbiddenCategory($0.value) != nil }),
              let (index, value) = codePoints.first(where: { !NameCharacterClass.isCloudWatchSafe($0.value) })
        else { return }
        context.report(
            "activity name contains \(CodePointDescription.describe(value)); CloudWatch Logs logging "
                + "and metrics need names of only 0-9, A-Z, a-z, '-' and '_'",
            at: name.string.range(ofScalar: index), pointer: name.pointer, value: name.string.text)
    }
}

/// The character classes of the API reference's `name` rules.
enum NameCharacterClass {
    /// Letters, digits, `-`, `_` and `.`: never forbidden (nearly every name is made of these alone).
    static let plain = ASCIISet { isCloudWatchSafe($0.value) || $0 == "." }
    /// `0-9 A-Z a-z - _`.
    static let cloudWatchSafe = ASCIISet { isCloudWatchSafe($0.value) }

    private static let brackets: Set<UInt32> = Set("<>{}[]".unicodeScalars.map(\.value))
    private static let wildcards: Set<UInt32> = Set("?*".unicodeScalars.map(\.value))
    private static let specials: Set<UInt32> = Set("\"#%\\^|~`$&,;:/".unicodeScalars.map(\.value))

    /// Why a code point is forbidden in a name, or nil when it is allowed.
    static func forbiddenCategory(_ value: UInt32) -> String? {
        // Letters, digits, '-', '_' and '.': the common case, answered without any table.
        if (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) || (0x30...0x39).contains(value)
            || value == 0x2D || value == 0x5F || value == 0x2E {
            return nil
        }
        switch value {
        case 0x00...0x1F, 0x7F...0x9F: return "the control character"
        case 0xD800...0xDFFF: return "the lone surrogate"
        case 0xFFFE, 0xFFFF, 0x10FFFF: return "the noncharacter"
        default: break
        }
        if brackets.contains(value) { return "the bracket" }
        if wildcards.contains(value) { return "the wildcard" }
        if specials.contains(value) { return "the special character" }
        if let scalar = Unicode.Scalar(value), scalar.properties.generalCategory.isSeparator {
            return "the white space"
        }
        return nil
    }

    static func isCloudWatchSafe(_ value: UInt32) -> Bool {
        switch value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x5F: true
        default: false
        }
    }
}

extension Unicode.GeneralCategory {
    /// `\p{Z}`: space, line and paragraph separators.
    var isSeparator: Bool {
        self == .spaceSeparator || self == .lineSeparator || self == .paragraphSeparator
    }
}
