/// Recognises a well-formed `kmsKeyId` from its bytes alone. Nearly every key id in a repository is well formed,
/// and `KMSKeyReference.parse` (which explains what is wrong with a bad one) is far slower on them. Returns nil
/// for anything it does not accept; the parse then gives the answer and its message. `KMSKeyReferenceTests`
/// checks that both agree on every accepted form.
enum KMSKeyReferenceQuickAccept {
    static func reference(_ text: String) -> KMSKeyReference? {
        var text = text
        return text.withUTF8 { reference($0[...]) }
    }

    private typealias Bytes = UnsafeBufferPointer<UInt8>.SubSequence

    private static func reference(_ bytes: Bytes) -> KMSKeyReference? {
        if bytes.starts(with: "arn:".utf8) { return arn(bytes) }
        if bytes.starts(with: "alias/".utf8) {
            return isAlias(bytes) ? .aliasName(awsManaged: bytes.starts(with: "alias/aws/".utf8)) : nil
        }
        return keyIdentifier(bytes)
    }

    /// A key ID (UUID form) or a multi-Region key ID.
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
    private static func isAlias(_ bytes: Bytes) -> Bool {
        let name = bytes.dropFirst("alias/".count)
        return !name.isEmpty && bytes.count <= 256 && name.allSatisfy(isAliasCharacter)
    }

    /// `arn:PARTITION:kms:REGION:ACCOUNT:key/ID` or `…:alias/NAME`.
    private static func arn(_ bytes: Bytes) -> KMSKeyReference? {
        let parts = bytes.split(separator: UInt8(ascii: ":"), maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[2].elementsEqual("kms".utf8),
              let prefixes = KMSKeyReference.regionPrefixes.first(where: { parts[1].elementsEqual($0.partition.utf8) })?.prefixes,
              prefixes.contains(where: { isRegion(parts[3], prefix: $0) }),
              parts[4].count == 12, parts[4].allSatisfy(isDigit)
        else { return nil }
        let resource = parts[5]
        if resource.starts(with: "key/".utf8) {
            switch keyIdentifier(resource.dropFirst(4)) {
            case .keyID(let uppercase), .multiRegionKeyID(let uppercase): return .keyARN(uppercase: uppercase)
            default: return nil
            }
        }
        guard resource.starts(with: "alias/".utf8), isAlias(resource) else { return nil }
        return .aliasARN(awsManaged: resource.starts(with: "alias/aws/".utf8))
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
}
