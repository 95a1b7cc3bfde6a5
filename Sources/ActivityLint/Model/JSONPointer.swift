/// RFC 6901 JSON Pointers (`/tags/3/key`), built one reference token at a time.
@_spi(Internals) public enum JSONPointer {
    /// Appends one reference token, escaping `~` as `~0` and `/` as `~1`.
    public static func appending(_ token: String, to pointer: String) -> String {
        var result = pointer
        append(token, to: &result)
        return result
    }

    /// Appends one reference token in place: building a pointer token by token stays linear in its length.
    static func append(_ token: String, to pointer: inout String) {
        pointer += "/"
        if !token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) {
            pointer += token
            return
        }
        for character in token.unicodeScalars {
            switch character {
            case "~": pointer += "~0"
            case "/": pointer += "~1"
            default: pointer.unicodeScalars.append(character)
            }
        }
    }

    static func append(_ index: Int, to pointer: inout String) {
        pointer += "/"
        pointer += String(index)
    }

    public static func appending(_ index: Int, to pointer: String) -> String {
        pointer + "/" + String(index)
    }
}
