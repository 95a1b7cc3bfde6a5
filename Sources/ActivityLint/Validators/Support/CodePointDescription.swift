/// Describes a code point for a message: `'é' (U+00E9 LATIN SMALL LETTER E WITH ACUTE)`, or just the code
/// point and name for invisible characters, so a message never carries a raw control character.
enum CodePointDescription {
    static func describe(_ value: UInt32) -> String {
        let code = hex(value)
        guard let scalar = Unicode.Scalar(value) else { return "\(code) (a lone surrogate)" }
        let name = scalar.properties.name ?? scalar.properties.nameAlias
        let label = name.map { "\(code) \($0)" } ?? code
        return isVisible(scalar) ? "'\(Character(scalar))' (\(label))" : label
    }

    /// `U+0020`, at least four hex digits.
    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .spaceSeparator, .lineSeparator,
             .paragraphSeparator, .nonspacingMark, .enclosingMark, .spacingMark:
            false
        default:
            !scalar.properties.isNoncharacterCodePoint
        }
    }
}
