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
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        known(bytes) ?? String(decoding: bytes, as: UTF8.self)
    }

    /// The literal `bytes` spell, if they spell one; sorted by length and first byte, so that a text is compared
    /// with at most two literals.
    static func known(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.count >= 3, bytes.count <= 28 else { return nil }
        switch (bytes.count, bytes[0]) {
        case (3, UInt8(ascii: "k")): return spelled(bytes, "key")
        case (3, UInt8(ascii: "K")): return spelled(bytes, "Key")
        case (4, UInt8(ascii: "n")): return spelled(bytes, "name")
        case (4, UInt8(ascii: "t")): return spelled(bytes, "tags") ?? spelled(bytes, "type")
        case (4, UInt8(ascii: "N")): return spelled(bytes, "Name")
        case (4, UInt8(ascii: "T")): return spelled(bytes, "Tags") ?? spelled(bytes, "Type")
        case (5, UInt8(ascii: "v")): return spelled(bytes, "value")
        case (5, UInt8(ascii: "V")): return spelled(bytes, "Value")
        case (8, UInt8(ascii: "k")): return spelled(bytes, "kmsKeyId")
        case (8, UInt8(ascii: "K")): return spelled(bytes, "KmsKeyId")
        case (9, UInt8(ascii: "R")): return spelled(bytes, "Resources")
        case (10, UInt8(ascii: "P")): return spelled(bytes, "Properties")
        case (13, UInt8(ascii: "A")): return spelled(bytes, "AWS_OWNED_KEY")
        case (23, UInt8(ascii: "e")): return spelled(bytes, "encryptionConfiguration")
        case (23, UInt8(ascii: "E")): return spelled(bytes, "EncryptionConfiguration")
        case (24, UInt8(ascii: "C")): return spelled(bytes, "CUSTOMER_MANAGED_KMS_KEY")
        case (28, UInt8(ascii: "k")): return spelled(bytes, "kmsDataKeyReusePeriodSeconds")
        case (28, UInt8(ascii: "K")): return spelled(bytes, "KmsDataKeyReusePeriodSeconds")
        case (28, UInt8(ascii: "A")): return spelled(bytes, "AWS::StepFunctions::Activity")
        default: return nil
        }
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
