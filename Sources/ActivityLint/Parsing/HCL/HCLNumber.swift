/// Number literals as the project's `NumberValue`: kept as written, with the exact integer when it fits.
enum HCLNumber {
    /// The value of a literal the lexer scanned (`12`, `0.5`, `1e3`).
    static func value(_ literal: String) -> NumberValue {
        let isInteger = literal.utf8.allSatisfy(HCLCursor.isDigit)
        return NumberValue(literal: literal, integer: isInteger ? integer(literal.utf8, negative: false) : nil, isInteger: isInteger)
    }

    /// `-literal`, for a minus sign written before a number.
    static func negated(_ number: NumberValue) -> NumberValue {
        let integer = number.isInteger ? integer(number.literal.utf8, negative: true) : nil
        return NumberValue(literal: "-" + number.literal, integer: integer, isInteger: number.isInteger)
    }

    /// The value of a run of decimal digits, or nil when it does not fit in `Int`.
    private static func integer(_ digits: String.UTF8View, negative: Bool) -> Int? {
        var value = 0
        for byte in digits {
            let digit = Int(byte &- UInt8(ascii: "0"))
            let (scaled, overflowScale) = value.multipliedReportingOverflow(by: 10)
            // Accumulated negatively for a negative number, so that Int.min is representable.
            let (next, overflowAdd) =
                negative ? scaled.subtractingReportingOverflow(digit) : scaled.addingReportingOverflow(digit)
            if overflowScale || overflowAdd { return nil }
            value = next
        }
        return value
    }
}
