/// How messages describe a value the user wrote: its type and, for scalars, the value itself.
enum TypeDescription {
    /// `a map`, `a string`, `a number`: the type alone, for files whose content must not be quoted.
    static func kind(_ node: Node) -> String {
        switch node.value {
        case .object: "a map"
        case .array: "a list"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }

    /// `a map`, `the integer 12345`, `the string "300"`, `the boolean true`, `null`.
    static func article(_ node: Node) -> String {
        switch node.value {
        case .object: "a map"
        case .array: "a list"
        case .string(let string): "the string " + Quoting.code(string.text)
        case .number(let number): (number.isInteger ? "the integer " : "the number ") + Quoting.short(number.literal)
        case .bool(let bool): "the boolean \(bool)"
        case .null: "null"
        }
    }
}
