/// Scanning of JSON number literals (RFC 8259 section 6):
/// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
extension JSONCursor {
    /// Scans the number under the cursor (which is at `-` or a digit) and moves past it.
    mutating func scanNumber() throws(JSONSyntaxError) -> Node {
        let start = position
        let count = bytes.count
        var offset = index
        let negative = bytes[offset] == UInt8(ascii: "-")
        if negative {
            offset += 1
            guard offset < count, Self.isDigit(bytes[offset]) else {
                var message = "expected a digit after '-', found " + describeCharacter(at: offset)
                if offset < count, bytes[offset] == UInt8(ascii: "I") {
                    message += "; Infinity is not allowed in JSON"
                }
                throw JSONSyntaxError(message, start: offset, end: offset + characterWidth(at: offset))
            }
        }
        let integerStart = offset
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
            if offset < count {
                let next = bytes[offset]
                if Self.isDigit(next) {
                    var end = offset
                    while end < count, Self.isDigit(bytes[end]) { end += 1 }
                    let digits = String(
                        decoding: UnsafeBufferPointer(rebasing: bytes[integerStart..<end]), as: UTF8.self)
                    throw JSONSyntaxError(
                        "leading zeros are not allowed in numbers, found '\(digits)'",
                        start: integerStart, end: integerStart + 1)
                }
                if next == UInt8(ascii: "x") || next == UInt8(ascii: "X") {
                    throw JSONSyntaxError(
                        "hexadecimal numbers are not allowed in JSON, found '0\(Character(Unicode.Scalar(next)))'",
                        start: integerStart, end: offset + 1)
                }
            }
        } else {
            while offset < count, Self.isDigit(bytes[offset]) { offset += 1 }
        }
        let integerEnd = offset
        var isInteger = true
        if offset < count, bytes[offset] == UInt8(ascii: ".") {
            isInteger = false
            offset += 1
            guard offset < count, Self.isDigit(bytes[offset]) else {
                throw JSONSyntaxError(
                    "expected a digit after '.' in a number, found " + describeCharacter(at: offset),
                    start: offset, end: offset + characterWidth(at: offset))
            }
            while offset < count, Self.isDigit(bytes[offset]) { offset += 1 }
        }
        if offset < count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            isInteger = false
            offset += 1
            if offset < count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            guard offset < count, Self.isDigit(bytes[offset]) else {
                throw JSONSyntaxError(
                    "expected a digit in the exponent of a number, found " + describeCharacter(at: offset),
                    start: offset, end: offset + characterWidth(at: offset))
            }
            while offset < count, Self.isDigit(bytes[offset]) { offset += 1 }
        }
        let literal = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<offset]), as: UTF8.self)
        let integer = isInteger ? integerValue(digits: integerStart..<integerEnd, negative: negative) : nil
        index = offset
        return Node(.number(NumberValue(literal: literal, integer: integer, isInteger: isInteger)),
            range: SourceRange(start: start, end: position))
    }

    /// The value of a run of decimal digits, or nil when it does not fit in `Int`.
    private func integerValue(digits: Range<Int>, negative: Bool) -> Int? {
        // Int.max has 19 digits: a longer run never fits (and is not worth reading).
        guard digits.count <= 19 else { return nil }
        var value = 0
        for offset in digits {
            let digit = Int(bytes[offset] &- UInt8(ascii: "0"))
            let (scaled, overflowScale) = value.multipliedReportingOverflow(by: 10)
            // Accumulate negatively so that Int.min is representable.
            let (next, overflowAdd) =
                negative ? scaled.subtractingReportingOverflow(digit) : scaled.addingReportingOverflow(digit)
            if overflowScale || overflowAdd { return nil }
            value = next
        }
        return value
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }
}
