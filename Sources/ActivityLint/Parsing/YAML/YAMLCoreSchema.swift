/// Scalar typing by the YAML 1.2 core schema, the schema AWS CLI v2 loads YAML with.
///
/// Quoted and block scalars are strings; a plain scalar is null, a boolean, an integer or a float when its
/// whole text matches one of the core schema's patterns, and a string otherwise (so `yes` is a string).
enum YAMLCoreSchema {
    static let stringTag = "tag:yaml.org,2002:str"
    static let intTag = "tag:yaml.org,2002:int"
    static let floatTag = "tag:yaml.org,2002:float"
    static let boolTag = "tag:yaml.org,2002:bool"
    static let nullTag = "tag:yaml.org,2002:null"

    /// The value of a scalar: by its tag when it has one, by the core schema when it is plain; nil for a string.
    static func resolve(_ bytes: UnsafeBufferPointer<UInt8>, text: String, tag: String?, isPlain: Bool) -> Node.Value? {
        if let tag { return resolveTagged(bytes, text: text, tag: tag, isPlain: isPlain) }
        return isPlain ? resolvePlain(bytes, text: text) : nil
    }

    /// The value of a plain untagged scalar, or nil when it is a string.
    static func resolvePlain(_ bytes: UnsafeBufferPointer<UInt8>, text: String) -> Node.Value? {
        guard let first = bytes.first else { return .null }
        switch first {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"):
            return isNull(bytes) ? .null : nil
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            return bool(bytes).map(Node.Value.bool)
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            if let number = integer(bytes, text: text) ?? float(bytes, text: text) { return .number(number) }
            return nil
        default:
            return nil
        }
    }

    /// The value of a scalar with an explicit tag: `!!str` and `!` force a string, `!!int`, `!!float`,
    /// `!!bool` and `!!null` type the text when it fits (else it stays a string), and any other tag keeps
    /// the value the scalar would have without it.
    static func resolveTagged(
        _ bytes: UnsafeBufferPointer<UInt8>, text: String, tag: String, isPlain: Bool
    ) -> Node.Value? {
        switch tag {
        case stringTag, "!": return nil
        case intTag: return integer(bytes, text: text).map(Node.Value.number)
        case floatTag:
            if let number = float(bytes, text: text) { return .number(number) }
            if integer(bytes, text: text) != nil {
                return .number(NumberValue(literal: text, integer: nil, isInteger: false))
            }
            return nil
        case boolTag: return bool(bytes).map(Node.Value.bool)
        case nullTag: return bytes.isEmpty || isNull(bytes) ? .null : nil
        default: return isPlain ? resolvePlain(bytes, text: text) : nil
        }
    }

    static func isNull(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch bytes.count {
        case 0: return true
        case 1: return bytes[0] == UInt8(ascii: "~")
        case 4: return matches(bytes, ["null", "Null", "NULL"])
        default: return false
        }
    }

    static func bool(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        switch bytes.count {
        case 4: return matches(bytes, ["true", "True", "TRUE"]) ? true : nil
        case 5: return matches(bytes, ["false", "False", "FALSE"]) ? false : nil
        default: return nil
        }
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+`.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>, text: String) -> NumberValue? {
        let count = bytes.count
        guard count > 0 else { return nil }
        if count > 2, bytes[0] == UInt8(ascii: "0"), bytes[1] == UInt8(ascii: "o") || bytes[1] == UInt8(ascii: "x") {
            let radix = bytes[1] == UInt8(ascii: "o") ? 8 : 16
            guard let value = YAMLInteger.parse(bytes, from: 2, radix: radix, negative: false, underscores: false)
            else { return nil }
            return NumberValue(literal: text, integer: value.value, isInteger: true)
        }
        var start = 0
        let negative = bytes[0] == UInt8(ascii: "-")
        if negative || bytes[0] == UInt8(ascii: "+") { start = 1 }
        guard let value = YAMLInteger.parse(bytes, from: start, radix: 10, negative: negative, underscores: false)
        else { return nil }
        return NumberValue(literal: text, integer: value.value, isInteger: true)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?\.(inf|Inf|INF)` or `\.(nan|NaN|NAN)`.
    static func float(_ bytes: UnsafeBufferPointer<UInt8>, text: String) -> NumberValue? {
        isFloat(bytes) ? NumberValue(literal: text, integer: nil, isInteger: false) : nil
    }

    static func isFloat(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var index = 0
        if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        if count - index == 4, bytes[index] == UInt8(ascii: ".") {
            let rest = UnsafeBufferPointer(rebasing: bytes[(index + 1)...])
            if matches(rest, ["inf", "Inf", "INF"]) { return true }
            if index == 0, matches(rest, ["nan", "NaN", "NAN"]) { return true }
        }
        let integerDigits = YAMLInteger.digitRun(bytes, from: index)
        index += integerDigits
        var fractionDigits = 0
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            fractionDigits = YAMLInteger.digitRun(bytes, from: index)
            index += fractionDigits
            // `.` alone needs digits after it; `1.` is a float.
            if integerDigits == 0, fractionDigits == 0 { return false }
        } else if integerDigits == 0 {
            return false
        }
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            let exponentDigits = YAMLInteger.digitRun(bytes, from: index)
            guard exponentDigits > 0 else { return false }
            index += exponentDigits
        }
        return index == count
    }

    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ candidates: [StaticString]) -> Bool {
        for candidate in candidates where candidate.utf8CodeUnitCount == bytes.count {
            let pointer = candidate.utf8Start
            var equal = true
            for index in 0..<bytes.count where pointer[index] != bytes[index] {
                equal = false
                break
            }
            if equal { return true }
        }
        return false
    }
}

/// Integer digits with overflow detection, for the YAML 1.2 and 1.1 integer forms.
enum YAMLInteger {
    struct Parsed {
        /// The value, or nil when it does not fit in 64 bits.
        var value: Int?
    }

    /// Parses the digits from `start` to the end in `radix`; nil when there is no digit or a byte is not a
    /// digit (underscores are skipped when allowed).
    static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, radix: Int, negative: Bool, underscores: Bool
    ) -> Parsed? {
        guard start < bytes.count else { return nil }
        var value = 0
        var overflow = false
        var sawDigit = false
        for index in start..<bytes.count {
            let byte = bytes[index]
            if underscores, byte == UInt8(ascii: "_") { continue }
            guard let digit = digitValue(byte), digit < radix else { return nil }
            sawDigit = true
            if overflow { continue }
            let (shifted, o1) = value.multipliedReportingOverflow(by: radix)
            let (next, o2) =
                negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            if o1 || o2 { overflow = true } else { value = next }
        }
        guard sawDigit else { return underscores ? Parsed(value: nil) : nil }
        return Parsed(value: overflow ? nil : value)
    }

    @inline(__always)
    static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }

    /// How many decimal digits start at `start`.
    @inline(__always)
    static func digitRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, underscores: Bool = false) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") || underscores && byte == UInt8(ascii: "_") {
                index += 1
            } else {
                break
            }
        }
        return index - start
    }
}
