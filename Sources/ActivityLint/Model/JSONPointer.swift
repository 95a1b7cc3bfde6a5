/// RFC 6901 JSON Pointers (`/tags/3/key`), built one reference token at a time.
public enum JSONPointer {
    /// Appends one reference token, escaping `~` as `~0` and `/` as `~1`.
    public static func appending(_ token: String, to pointer: String) -> String {
        if !token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) {
            return pointer + "/" + token
        }
        var result = pointer + "/"
        for character in token.unicodeScalars {
            switch character {
            case "~": result += "~0"
            case "/": result += "~1"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    public static func appending(_ index: Int, to pointer: String) -> String {
        pointer + "/" + String(index)
    }
}
