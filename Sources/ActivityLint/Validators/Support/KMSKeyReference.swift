/// The ways a `kmsKeyId` may name a KMS key, checked the way KMS documents them.
@_spi(Internals) public enum KMSKeyReference: Equatable, Sendable {
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

    /// One pass over the reference's UTF-8 bytes (nearly every key id is well formed and ASCII); the text is
    /// decoded only to describe a character in a problem.
    static func parse(_ text: String) -> Result<KMSKeyReference, Problem> {
        var text = text
        return text.withUTF8 { parse($0[...]) }
    }

    private typealias Bytes = UnsafeBufferPointer<UInt8>.SubSequence

    private static func parse(_ bytes: Bytes) -> Result<KMSKeyReference, Problem> {
        if let space = whiteSpace(in: bytes) {
            return .failure(Problem(message: "contains white space (\(CodePointDescription.hex(space.value)))"))
        }
        if bytes.starts(with: "arn:".utf8) { return arn(bytes) }
        if bytes.starts(with: "alias/".utf8) {
            return aliasProblem(bytes).map { .failure($0) } ?? .success(.aliasName(awsManaged: isAWSManaged(bytes)))
        }
        if let kind = keyIdentifier(bytes) { return .success(kind) }
        return .failure(Problem(message: "is not a KMS key reference; " + formsHint))
    }

    /// A key ID (UUID form) or a multi-Region key ID, in any letter case.
    private static func keyIdentifier(_ bytes: Bytes) -> KMSKeyReference? {
        guard bytes.count == 36 else { return nil }
        let uppercase = bytes.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "F") }
        if bytes.starts(with: "mrk-".utf8) {
            return bytes.dropFirst(4).allSatisfy(isHexDigit) ? .multiRegionKeyID(uppercase: uppercase) : nil
        }
        for (offset, byte) in bytes.enumerated() {
            let isDashPosition = offset == 8 || offset == 13 || offset == 18 || offset == 23
            guard isDashPosition ? byte == UInt8(ascii: "-") : isHexDigit(byte) else { return nil }
        }
        return .keyID(uppercase: uppercase)
    }

    /// `alias/NAME` of at most 256 characters, the name of letters, digits, `/`, `_` and `-`.
    private static func aliasProblem(_ alias: Bytes) -> Problem? {
        let name = alias.dropFirst("alias/".count)
        if name.isEmpty { return Problem(message: "is an alias with no name after \"alias/\"") }
        // Characters, not bytes: every byte but a UTF-8 continuation byte starts one.
        if alias.count > 256, alias.lazy.filter({ $0 & 0xC0 != 0x80 }).count > 256 {
            return Problem(message: "is an alias name longer than 256 characters")
        }
        if let bad = name.firstIndex(where: { !isAliasCharacter($0) }) {
            let scalar = String(decoding: name[bad...], as: UTF8.self).unicodeScalars.first!
            return Problem(message: "has \(CodePointDescription.describe(scalar.value)) in its alias name; alias names "
                + "allow only letters, digits, '/', '_' and '-'")
        }
        return nil
    }

    private static func isAWSManaged(_ alias: Bytes) -> Bool { alias.starts(with: "alias/aws/".utf8) }

    /// `arn:PARTITION:kms:REGION:ACCOUNT:key/ID` or `…:alias/NAME`.
    private static func arn(_ bytes: Bytes) -> Result<KMSKeyReference, Problem> {
        let parts = bytes.split(separator: UInt8(ascii: ":"), maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6 else {
            return .failure(Problem(message: "is not a complete ARN (arn:PARTITION:kms:REGION:ACCOUNT:key/ID or alias/NAME)"))
        }
        let (partition, service, region, account, resource) = (parts[1], parts[2], parts[3], parts[4], parts[5])
        guard let prefixes = regionPrefixes.first(where: { partition.elementsEqual($0.partition.utf8) })?.prefixes else {
            let known = regionPrefixes.map(\.partition).joined(separator: ", ")
            return .failure(Problem(message: "has the unknown partition \(quoted(partition)) (known: \(known))"))
        }
        guard service.elementsEqual("kms".utf8) else {
            return .failure(Problem(message: "is an ARN of the service \(quoted(service)), not of kms"))
        }
        guard prefixes.contains(where: { isRegion(region, prefix: $0) }) else {
            return .failure(Problem(message: "has the region \(quoted(region)), which is not a region of "
                + "the partition \(quoted(partition))"))
        }
        guard account.count == 12, account.allSatisfy(isDigit) else {
            return .failure(Problem(message: "has the account \(quoted(account)); an account ID is 12 digits"))
        }
        if resource.starts(with: "key/".utf8) {
            switch keyIdentifier(resource.dropFirst(4)) {
            case .keyID(let uppercase), .multiRegionKeyID(let uppercase): return .success(.keyARN(uppercase: uppercase))
            default: return .failure(Problem(message: "has no valid key ID after \"key/\""))
            }
        }
        if resource.starts(with: "alias/".utf8) {
            return aliasProblem(resource).map { .failure($0) } ?? .success(.aliasARN(awsManaged: isAWSManaged(resource)))
        }
        return .failure(Problem(message: "names neither a key/ nor an alias/ resource"))
    }

    /// `PREFIX-WORD-DIGITS`, such as `us-east-1` for the prefix `us`.
    private static func isRegion(_ region: Bytes, prefix: String) -> Bool {
        guard region.starts(with: prefix.utf8), region.dropFirst(prefix.utf8.count).first == UInt8(ascii: "-") else {
            return false
        }
        let rest = region.dropFirst(prefix.utf8.count + 1).split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        return rest.count == 2 && !rest[0].isEmpty && rest[0].allSatisfy(isWordCharacter)
            && !rest[1].isEmpty && rest[1].allSatisfy(isDigit)
    }

    private static func quoted(_ bytes: Bytes) -> String { Quoting.code(String(decoding: bytes, as: UTF8.self)) }

    /// The first Unicode white space, answered without the property tables when the text is ASCII.
    private static func whiteSpace(in bytes: Bytes) -> Unicode.Scalar? {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return bytes.first { $0 == UInt8(ascii: " ") || (0x09...0x0D).contains($0) }.map { Unicode.Scalar($0) }
        }
        return String(decoding: bytes, as: UTF8.self).unicodeScalars.first { $0.properties.isWhitespace }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
    }

    private static func isWordCharacter(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
    }

    private static func isAliasCharacter(_ byte: UInt8) -> Bool {
        isWordCharacter(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-")
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
