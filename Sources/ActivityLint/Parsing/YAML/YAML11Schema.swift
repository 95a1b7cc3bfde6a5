/// How a YAML 1.1 loader (PyYAML's implicit resolvers, as AWS CLI v1 and many tools use) reads a plain
/// scalar, and whether that differs from the YAML 1.2 core schema reading.
enum YAML11Schema {
    enum IntegerForm: Sendable {
        case decimal, octal, hexadecimal, binary, sexagesimal
    }

    enum Reading {
        case null
        case bool(Bool)
        case integer(IntegerForm, Int?)
        case float(sexagesimal: Bool, Double?)
        case date
        case timestamp
        /// `=`, which PyYAML resolves to `tag:yaml.org,2002:value` and then cannot construct.
        case valueTag
        case string
    }

    /// A plain scalar that YAML 1.1 reads differently from YAML 1.2.
    struct Ambiguity {
        /// How YAML 1.1 reads it (`the boolean true`, `the octal integer 83`), for `Node.yaml11Reading`.
        var reading: String
        /// How YAML 1.2 reads it (`the string "yes"`).
        var coreReading: String
        /// What to write instead (`quote it`).
        var advice: String
        /// Only the YAML 1.1 specification reads it so; PyYAML reads a string (`y`, `n`).
        var specificationOnly: Bool
        /// ruamel.yaml, which AWS CLI v2 loads `--cli-input-yaml` with, reads it as YAML 1.1 does although it
        /// speaks YAML 1.2: it accepts dates, `_` in numbers, `0b` and signed `0x`, which the core schema does not.
        var ruamelAgreesWithYAML11: Bool
    }

    /// The difference between the YAML 1.1 reading and `core` (the 1.2 value; nil for a string), if any.
    static func ambiguity(_ bytes: UnsafeBufferPointer<UInt8>, text: String, core: Node.Value?) -> Ambiguity? {
        guard let first = bytes.first else { return nil }
        switch first {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "o"),
            UInt8(ascii: "O"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"),
            UInt8(ascii: "."), UInt8(ascii: "="):
            break
        default:
            return nil
        }
        let reading = read(bytes)
        let differs: Bool
        switch (core, reading) {
        case (nil, .string), (.null?, .null), (.bool?, .bool), (.number?, .float):
            // Booleans and floats that both schemas accept have the same value.
            differs = false
        case (.number(let number)?, .integer(let form, let value)):
            if let value, let coreValue = number.integer {
                differs = value != coreValue
            } else {
                differs = !(value == nil && number.integer == nil && (form == .decimal || form == .hexadecimal))
            }
        default:
            differs = true
        }
        guard differs else { return nil }
        let specificationOnly = bytes.count == 1 && first != UInt8(ascii: "=") && !(first >= 0x30 && first <= 0x39)
        var ruamelAgrees = false
        if core == nil {
            switch reading {
            case .date, .timestamp, .integer(.decimal, _), .integer(.binary, _), .integer(.hexadecimal, _),
                .float(sexagesimal: false, _):
                ruamelAgrees = true
            case .integer(.octal, let value?):
                // ruamel.yaml reads `0_17` in decimal.
                var start = 0
                if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") { start = 1 }
                let decimal = YAMLInteger.parse(
                    bytes, from: start, radix: 10, negative: bytes[0] == UInt8(ascii: "-"), underscores: true)
                ruamelAgrees = decimal?.value == value
            default:
                break
            }
        }
        return Ambiguity(
            reading: describe(reading, text: text),
            coreReading: describeCore(core, text: text),
            advice: advice(core, text: text),
            specificationOnly: specificationOnly,
            ruamelAgreesWithYAML11: ruamelAgrees)
    }

    // MARK: - Reading

    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Reading {
        if YAMLCoreSchema.isNull(bytes) { return .null }
        if let value = bool(bytes) { return .bool(value) }
        if bytes.count == 1, bytes[0] == UInt8(ascii: "=") { return .valueTag }
        if let reading = integer(bytes) { return reading }
        if let reading = float(bytes) { return reading }
        if let reading = timestamp(bytes) { return reading }
        return .string
    }

    /// `yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF`, and the YAML 1.1
    /// specification's `y|Y|n|N`.
    static func bool(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        if YAMLCoreSchema.matches(bytes, ["yes", "Yes", "YES", "on", "On", "ON", "y", "Y"]) { return true }
        if YAMLCoreSchema.matches(bytes, ["no", "No", "NO", "off", "Off", "OFF", "n", "N"]) { return false }
        return YAMLCoreSchema.bool(bytes)
    }

    /// PyYAML's int: `[-+]?0b[0-1_]+`, `[-+]?0[0-7_]+`, `[-+]?(0|[1-9][0-9_]*)`, `[-+]?0x[0-9a-fA-F_]+`,
    /// `[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+`.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Reading? {
        let count = bytes.count
        var start = 0
        let negative = count > 0 && bytes[0] == UInt8(ascii: "-")
        if negative || count > 0 && bytes[0] == UInt8(ascii: "+") { start = 1 }
        guard start < count else { return nil }
        let first = bytes[start]
        if first == UInt8(ascii: "0") {
            if start + 1 == count { return .integer(.decimal, 0) }
            let second = bytes[start + 1]
            let form: IntegerForm
            let radix: Int
            var digitsStart = start + 2
            if second == UInt8(ascii: "b") {
                (form, radix) = (.binary, 2)
            } else if second == UInt8(ascii: "x") {
                (form, radix) = (.hexadecimal, 16)
            } else {
                (form, radix, digitsStart) = (.octal, 8, start + 1)
            }
            guard digitsStart < count,
                let parsed = YAMLInteger.parse(
                    bytes, from: digitsStart, radix: radix, negative: negative, underscores: true)
            else { return nil }
            return .integer(
                form,
                form == .octal && parsed.value == nil && allUnderscores(bytes, from: digitsStart) ? 0 : parsed.value)
        }
        guard first >= UInt8(ascii: "1"), first <= UInt8(ascii: "9") else { return nil }
        let run = YAMLInteger.digitRun(bytes, from: start, underscores: true)
        if start + run == count {
            let parsed = YAMLInteger.parse(bytes, from: start, radix: 10, negative: negative, underscores: true)
            return .integer(.decimal, parsed?.value)
        }
        guard bytes[start + run] == UInt8(ascii: ":"),
            let groups = sexagesimalGroups(bytes, from: start + run), groups.end == count
        else { return nil }
        // The first part may hold underscores; the `:` groups are 0 to 59.
        guard
            let head = YAMLInteger.parse(
                UnsafeBufferPointer(rebasing: bytes[start..<(start + run)]), from: 0, radix: 10, negative: false,
                underscores: true)
        else { return nil }
        var value: Int? = head.value
        for group in groups.values {
            guard let current = value else { break }
            let (shifted, o1) = current.multipliedReportingOverflow(by: 60)
            let (next, o2) = shifted.addingReportingOverflow(group)
            value = o1 || o2 ? nil : next
        }
        if negative, let positive = value { value = -positive }
        return .integer(.sexagesimal, value)
    }

    /// PyYAML's float: `[-+]?[0-9][0-9_]*\.[0-9_]*([eE][-+][0-9]+)?`, `\.[0-9][0-9_]*([eE][-+][0-9]+)?`,
    /// `[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*`, `[-+]?\.(inf|Inf|INF)`, `\.(nan|NaN|NAN)`.
    static func float(_ bytes: UnsafeBufferPointer<UInt8>) -> Reading? {
        let count = bytes.count
        var index = 0
        let signed = count > 0 && (bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+"))
        if signed { index = 1 }
        guard index < count else { return nil }
        if count - index == 4, bytes[index] == UInt8(ascii: ".") {
            let rest = UnsafeBufferPointer(rebasing: bytes[(index + 1)...])
            if YAMLCoreSchema.matches(rest, ["inf", "Inf", "INF"]) {
                return .float(sexagesimal: false, bytes[0] == UInt8(ascii: "-") ? -.infinity : .infinity)
            }
            if !signed, YAMLCoreSchema.matches(rest, ["nan", "NaN", "NAN"]) { return .float(sexagesimal: false, .nan) }
        }
        if bytes[index] == UInt8(ascii: ".") {
            guard !signed, index + 1 < count, YAMLInteger.digitValue(bytes[index + 1]).map({ $0 < 10 }) == true
            else { return nil }
            index += 1 + YAMLInteger.digitRun(bytes, from: index + 1, underscores: true)
            guard let end = exponent(bytes, from: index), end == count else { return nil }
            return .float(sexagesimal: false, decimalValue(bytes))
        }
        let run = YAMLInteger.digitRun(bytes, from: index, underscores: true)
        guard run > 0, bytes[index] != UInt8(ascii: "_") else { return nil }
        index += run
        guard index < count else { return nil }
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            index += YAMLInteger.digitRun(bytes, from: index, underscores: true)
            guard let end = exponent(bytes, from: index), end == count else { return nil }
            return .float(sexagesimal: false, decimalValue(bytes))
        }
        guard bytes[index] == UInt8(ascii: ":"), let groups = sexagesimalGroups(bytes, from: index),
            groups.end < count, bytes[groups.end] == UInt8(ascii: ".")
        else { return nil }
        let fractionEnd = groups.end + 1 + YAMLInteger.digitRun(bytes, from: groups.end + 1, underscores: true)
        guard fractionEnd == count else { return nil }
        // Every part but the last is whole; the last carries the fraction.
        let parts = text(bytes).split(separator: ":")
        var value = 0.0
        for part in parts {
            let digits = part.filter { $0 != "_" && $0 != "+" && $0 != "-" }
            value = value * 60 + (Double(String(digits)) ?? 0)
        }
        return .float(sexagesimal: true, bytes[0] == UInt8(ascii: "-") ? -value : value)
    }

    /// PyYAML's timestamp: `YYYY-MM-DD`, or `YYYY-M-D` then `T`, `t` or blanks, `H:MM:SS`, an optional
    /// fraction and an optional zone (`Z`, `+5`, `-05:00`).
    static func timestamp(_ bytes: UnsafeBufferPointer<UInt8>) -> Reading? {
        let count = bytes.count
        guard count >= 8, YAMLInteger.digitRun(bytes, from: 0) == 4, bytes[4] == UInt8(ascii: "-") else { return nil }
        if count == 10, YAMLInteger.digitRun(bytes, from: 5) == 2, bytes[7] == UInt8(ascii: "-"),
            YAMLInteger.digitRun(bytes, from: 8) == 2
        {
            return .date
        }
        var index = 5
        func digits(_ allowed: ClosedRange<Int>) -> Bool {
            let run = YAMLInteger.digitRun(bytes, from: index)
            guard allowed.contains(run) else { return false }
            index += run
            return true
        }
        func byte(_ ascii: Unicode.Scalar) -> Bool {
            guard index < count, bytes[index] == UInt8(ascii: ascii) else { return false }
            index += 1
            return true
        }
        func blanks() -> Int {
            let start = index
            while index < count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
            return index - start
        }
        guard digits(1...2), byte("-"), digits(1...2) else { return nil }
        if !byte("T"), !byte("t"), blanks() == 0 { return nil }
        guard digits(1...2), byte(":"), digits(2...2), byte(":"), digits(2...2) else { return nil }
        if byte(".") { index += YAMLInteger.digitRun(bytes, from: index) }
        _ = blanks()
        if index == count { return .timestamp }
        if byte("Z") { return index == count ? .timestamp : nil }
        guard byte("-") || byte("+"), digits(1...2) else { return nil }
        if byte(":") { guard digits(2...2) else { return nil } }
        return index == count ? .timestamp : nil
    }

    /// `(:[0-5]?[0-9])+` from `start`: the group values and where the groups end.
    private static func sexagesimalGroups(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> (values: [Int], end: Int)? {
        var index = start
        var values: [Int] = []
        while index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            let run = YAMLInteger.digitRun(bytes, from: index + 1)
            guard run == 1 || run == 2 else { return nil }
            if run == 2, bytes[index + 1] > UInt8(ascii: "5") { return nil }
            var value = 0
            for offset in 1...run { value = value * 10 + Int(bytes[index + offset] - UInt8(ascii: "0")) }
            values.append(value)
            index += 1 + run
        }
        return values.isEmpty ? nil : (values, index)
    }

    /// `([eE][-+][0-9]+)?` from `start`: where it ends, or nil when an exponent is malformed.
    private static func exponent(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "e") || bytes[start] == UInt8(ascii: "E") else {
            return start
        }
        guard start + 1 < bytes.count, bytes[start + 1] == UInt8(ascii: "-") || bytes[start + 1] == UInt8(ascii: "+")
        else { return nil }
        let run = YAMLInteger.digitRun(bytes, from: start + 2)
        return run > 0 ? start + 2 + run : nil
    }

    private static func allUnderscores(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        bytes[start...].allSatisfy { $0 == UInt8(ascii: "_") }
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private static func decimalValue(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var cleaned = text(bytes).filter { $0 != "_" }
        if cleaned.hasPrefix("+") { cleaned.removeFirst() }
        if cleaned.hasPrefix(".") { cleaned = "0" + cleaned }
        if cleaned.hasPrefix("-.") { cleaned = "-0" + cleaned.dropFirst() }
        if cleaned.hasSuffix(".") { cleaned += "0" }
        cleaned = cleaned.replacingDotExponent()
        return Double(cleaned)
    }

    // MARK: - Phrases

    static func describe(_ reading: Reading, text: String) -> String {
        switch reading {
        case .null: return "null"
        case .bool(let value): return "the boolean \(value)"
        case .integer(let form, let value):
            let name: String
            switch form {
            case .decimal: name = "integer"
            case .octal: name = "octal integer"
            case .hexadecimal: name = "hexadecimal integer"
            case .binary: name = "binary integer"
            case .sexagesimal: name = "sexagesimal integer"
            }
            if let value { return "the \(name) \(value)" }
            return (form == .octal ? "an " : "a ") + name + " too large for 64 bits"
        case .float(let sexagesimal, let value):
            let name = sexagesimal ? "sexagesimal float" : "float"
            if let value { return "the \(name) \(value)" }
            return "a \(name)"
        case .date: return "a date"
        case .timestamp: return "a timestamp"
        case .valueTag: return "the !!value tag, which PyYAML cannot construct (loading fails)"
        case .string: return "the string \"\(YAMLMessageText.quoted(text))\""
        }
    }

    static func describeCore(_ core: Node.Value?, text: String) -> String {
        switch core {
        case .number(let number)? where number.isInteger:
            return "the integer " + (number.integer.map(String.init) ?? number.literal)
        case .number(let number)?:
            return "the float " + number.literal
        default:
            return "the string \"\(YAMLMessageText.quoted(text))\""
        }
    }

    static func advice(_ core: Node.Value?, text: String) -> String {
        switch core {
        case .number(let number)? where number.isInteger:
            guard let value = number.integer else { return "quote it" }
            return "quote it if you mean the string, or write \(value) for the number"
        case .number?:
            return "quote it if you mean the string, or write \(portableFloat(text)) for the number"
        default:
            return "quote it"
        }
    }

    /// A spelling of a YAML 1.2 float that YAML 1.1 reads as the same float (`1e3` -> `1.0e+3`).
    static func portableFloat(_ text: String) -> String {
        var sign = ""
        var rest = Substring(text)
        if let first = rest.first, first == "-" || first == "+" {
            sign = first == "-" ? "-" : ""
            rest = rest.dropFirst()
        }
        var mantissa = rest
        var exponent: Substring = ""
        if let e = rest.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = rest[..<e]
            exponent = rest[rest.index(after: e)...]
        }
        var result = sign
        if mantissa.hasPrefix(".") { result += "0" }
        result += mantissa
        if !mantissa.contains(".") { result += ".0" } else if mantissa.hasSuffix(".") { result += "0" }
        if !exponent.isEmpty {
            result += "e"
            if let first = exponent.first, first != "-" && first != "+" { result += "+" }
            result += exponent
        }
        return result
    }
}

extension String {
    /// Swift's `Double(String)` reads `1e3` but not `1.e3`; YAML 1.1 writes `1.e+3`.
    fileprivate func replacingDotExponent() -> String {
        var result = ""
        var previous: Character = " "
        for character in self {
            if character == "e" || character == "E", previous == "." { result += "0" }
            result.append(character)
            previous = character
        }
        return result
    }
}
