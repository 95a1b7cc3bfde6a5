/// The ways a `kmsKeyId` may name a KMS key, checked the way KMS documents them.
public enum KMSKeyReference: Equatable, Sendable {
    case keyID(uppercase: Bool)
    case multiRegionKeyID(uppercase: Bool)
    case aliasName(awsManaged: Bool)
    case keyARN(uppercase: Bool)
    case aliasARN(awsManaged: Bool)

    /// What is wrong with a reference that matches none of the accepted forms.
    public struct Problem: Error, Equatable, Sendable {
        var message: String
    }

    /// Partitions and their region prefixes, from botocore's partitions.json.
    static let regionPrefixes: [(partition: String, prefixes: [String])] = [
        ("aws", ["us", "eu", "ap", "sa", "ca", "me", "af", "il", "mx"]),
        ("aws-cn", ["cn"]),
        ("aws-us-gov", ["us-gov"]),
        ("aws-iso", ["us-iso"]),
        ("aws-iso-b", ["us-isob"]),
        ("aws-iso-e", ["eu-isoe"]),
        ("aws-iso-f", ["us-isof"]),
        ("aws-eusc", ["eusc-de"]),
    ]

    static let formsHint = "expected a key ID (1234abcd-12ab-34cd-56ef-1234567890ab), a multi-Region key ID "
        + "(mrk- and 32 hex digits), a key ARN, an alias name (alias/ExampleAlias) or an alias ARN"

    static func parse(_ text: String) -> Result<KMSKeyReference, Problem> {
        if let accepted = KMSKeyReferenceQuickAccept.reference(text) { return .success(accepted) }
        return explain(text)
    }

    /// The full parse, which says what is wrong with a reference.
    static func explain(_ text: String) -> Result<KMSKeyReference, Problem> {
        if let space = text.unicodeScalars.first(where: isWhiteSpace) {
            return .failure(Problem(message: "contains white space (\(CodePointDescription.hex(space.value)))"))
        }
        if text.hasPrefix("arn:") { return parseARN(text) }
        if text.hasPrefix("alias/") {
            return aliasProblem(text).map { .failure($0) } ?? .success(.aliasName(awsManaged: text.hasPrefix("alias/aws/")))
        }
        if let kind = keyIdentifier(text) { return .success(kind) }
        return .failure(Problem(message: "is not a KMS key reference; " + formsHint))
    }

    /// A key ID (UUID) or multi-Region key ID, in any letter case.
    private static func keyIdentifier(_ text: String) -> KMSKeyReference? {
        let scalars = Array(text.unicodeScalars)
        let uppercase = scalars.contains { ("A"..."F").contains($0) }
        if text.hasPrefix("mrk-"), scalars.count == 36, scalars.dropFirst(4).allSatisfy(isHexDigit) {
            return .multiRegionKeyID(uppercase: uppercase)
        }
        let groups = text.split(separator: "-", omittingEmptySubsequences: false).map(\.count)
        if groups == [8, 4, 4, 4, 12], scalars.allSatisfy({ $0 == "-" || isHexDigit($0) }) {
            return .keyID(uppercase: uppercase)
        }
        return nil
    }

    private static func aliasProblem(_ alias: String) -> Problem? {
        let name = alias.dropFirst("alias/".count)
        if name.isEmpty { return Problem(message: "is an alias with no name after \"alias/\"") }
        if alias.unicodeScalars.count > 256 { return Problem(message: "is an alias name longer than 256 characters") }
        if let bad = name.unicodeScalars.first(where: { !isAliasCharacter($0) }) {
            return Problem(message: "has \(CodePointDescription.describe(bad.value)) in its alias name; alias names "
                + "allow only letters, digits, '/', '_' and '-'")
        }
        return nil
    }

    private static func parseARN(_ text: String) -> Result<KMSKeyReference, Problem> {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6 else {
            return .failure(Problem(message: "is not a complete ARN (arn:PARTITION:kms:REGION:ACCOUNT:key/ID or alias/NAME)"))
        }
        let (partition, service, region, account, resource) = (parts[1], parts[2], parts[3], parts[4], parts[5])
        guard let prefixes = regionPrefixes.first(where: { $0.partition == partition })?.prefixes else {
            let known = regionPrefixes.map(\.partition).joined(separator: ", ")
            return .failure(Problem(message: "has the unknown partition \(Quoting.code(partition)) (known: \(known))"))
        }
        guard service == "kms" else {
            return .failure(Problem(message: "is an ARN of the service \(Quoting.code(service)), not of kms"))
        }
        guard isRegion(region, prefixes: prefixes) else {
            return .failure(Problem(message: "has the region \(Quoting.code(region)), which is not a region of "
                + "the partition \(Quoting.code(partition))"))
        }
        guard account.count == 12, account.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else {
            return .failure(Problem(message: "has the account \(Quoting.code(account)); an account ID is 12 digits"))
        }
        if resource.hasPrefix("key/") {
            switch keyIdentifier(String(resource.dropFirst(4))) {
            case .keyID(let uppercase), .multiRegionKeyID(let uppercase): return .success(.keyARN(uppercase: uppercase))
            default: return .failure(Problem(message: "has no valid key ID after \"key/\""))
            }
        }
        if resource.hasPrefix("alias/") {
            return aliasProblem(resource).map { .failure($0) }
                ?? .success(.aliasARN(awsManaged: resource.hasPrefix("alias/aws/")))
        }
        return .failure(Problem(message: "names neither a key/ nor an alias/ resource"))
    }

    private static func isRegion(_ region: String, prefixes: [String]) -> Bool {
        prefixes.contains { prefix in
            guard region.hasPrefix(prefix + "-") else { return false }
            let rest = region.dropFirst(prefix.count + 1).split(separator: "-", omittingEmptySubsequences: false)
            return rest.count == 2 && !rest[0].isEmpty && rest[0].unicodeScalars.allSatisfy(isWordCharacter)
                && !rest[1].isEmpty && rest[1].unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
        }
    }

    /// Unicode white space, answered without the property tables for ASCII (nearly every key id).
    private static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }

    private static func isHexDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar)
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_")
    }

    private static func isAliasCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isWordCharacter(scalar) || scalar == "/" || scalar == "-"
    }

    var isUppercase: Bool {
        switch self {
        case .keyID(let uppercase), .multiRegionKeyID(let uppercase), .keyARN(let uppercase): uppercase
        default: false
        }
    }

    var isAWSManaged: Bool {
        switch self {
        case .aliasName(let managed), .aliasARN(let managed): managed
        default: false
        }
    }
}
