#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The texts nearly every request repeats (its member names, its tag entries' `key` and `value`, the encryption
/// types) as string literals. A parser that meets one takes the literal: the same string, without decoding and
/// validating the bytes again or, for a long one, allocating its storage.
enum KnownText {
    /// The text of `bytes`, as `String(decoding:as:)` reads it (which repairs invalid UTF-8).
    @inline(__always)
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Most texts of other lengths (a Terraform plan's, say) are let through without a call.
        if bytes.count < 32, knownLengths & 1 &<< UInt32(bytes.count) != 0, let known = known(bytes) { return known }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The lengths of the literals, a bit each (the test of `known` fails if one is missing).
    private static var knownLengths: UInt32 {
        1 << 3 | 1 << 4 | 1 << 5 | 1 << 8 | 1 << 9 | 1 << 10 | 1 << 13 | 1 << 23 | 1 << 24 | 1 << 28
    }

    /// The literal `bytes` spell, if they spell one: by length (a jump table), then by first byte, so that any
    /// text is compared with at most two literals and most texts with none.
    static func known(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.count >= 3 else { return nil }
        let first = bytes[0]
        switch bytes.count {
        case 3:
            if first == UInt8(ascii: "k") { return spelled(bytes, "key") }
            if first == UInt8(ascii: "K") { return spelled(bytes, "Key") }
        case 4:
            if first == UInt8(ascii: "n") { return spelled(bytes, "name") }
            if first == UInt8(ascii: "t") { return spelled(bytes, "tags") ?? spelled(bytes, "type") }
            if first == UInt8(ascii: "N") { return spelled(bytes, "Name") }
            if first == UInt8(ascii: "T") { return spelled(bytes, "Tags") ?? spelled(bytes, "Type") }
        case 5:
            if first == UInt8(ascii: "v") { return spelled(bytes, "value") }
            if first == UInt8(ascii: "V") { return spelled(bytes, "Value") }
        case 8:
            if first == UInt8(ascii: "k") { return spelled(bytes, "kmsKeyId") }
            if first == UInt8(ascii: "K") { return spelled(bytes, "KmsKeyId") }
        case 9:
            if first == UInt8(ascii: "R") { return spelled(bytes, "Resources") }
        case 10:
            if first == UInt8(ascii: "P") { return spelled(bytes, "Properties") }
        case 13:
            if first == UInt8(ascii: "A") { return spelled(bytes, "AWS_OWNED_KEY") }
        case 23:
            if first == UInt8(ascii: "e") { return spelled(bytes, "encryptionConfiguration") }
            if first == UInt8(ascii: "E") { return spelled(bytes, "EncryptionConfiguration") }
        case 24:
            if first == UInt8(ascii: "C") { return spelled(bytes, "CUSTOMER_MANAGED_KMS_KEY") }
        case 28:
            if first == UInt8(ascii: "k") { return spelled(bytes, "kmsDataKeyReusePeriodSeconds") }
            if first == UInt8(ascii: "K") { return spelled(bytes, "KmsDataKeyReusePeriodSeconds") }
            if first == UInt8(ascii: "A") { return spelled(bytes, "AWS::StepFunctions::Activity") }
        default:
            break
        }
        return nil
    }

    @inline(__always)
    private static func spelled(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: String) -> String? {
        var literal = literal
        let same = literal.withUTF8 { spelling in
            spelling.count == bytes.count && memcmp(spelling.baseAddress!, bytes.baseAddress!, bytes.count) == 0
        }
        return same ? literal : nil
    }
}
