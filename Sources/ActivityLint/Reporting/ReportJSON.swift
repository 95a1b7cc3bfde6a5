/// A small ordered JSON tree that the JSON and SARIF reporters build and print.
///
/// Keys keep the order they were given in, so output is deterministic; printing is `json.dumps(indent=2)` style.
indirect enum ReportJSON: Sendable {
    case object([(String, ReportJSON)])
    case array([ReportJSON])
    case string(String)
    case int(Int)
    case bool(Bool)
    case null

    /// A string, or `null` when `text` is nil.
    static func string(orNull text: String?) -> ReportJSON {
        text.map(ReportJSON.string) ?? .null
    }

    /// Pretty-printed with two-space indentation, ending with a newline.
    func rendered() -> String {
        var output = ""
        write(to: &output, indent: 0)
        output += "\n"
        return output
    }

    private func write(to output: inout String, indent: Int) {
        switch self {
        case .object(let members):
            if members.isEmpty {
                output += "{}"
                return
            }
            output += "{\n"
            for (index, (key, value)) in members.enumerated() {
                Self.pad(&output, indent + 1)
                output += "\""
                JSONStringEscaper.append(key, to: &output)
                output += "\": "
                value.write(to: &output, indent: indent + 1)
                output += index + 1 < members.count ? ",\n" : "\n"
            }
            Self.pad(&output, indent)
            output += "}"
        case .array(let elements):
            if elements.isEmpty {
                output += "[]"
                return
            }
            output += "[\n"
            for (index, element) in elements.enumerated() {
                Self.pad(&output, indent + 1)
                element.write(to: &output, indent: indent + 1)
                output += index + 1 < elements.count ? ",\n" : "\n"
            }
            Self.pad(&output, indent)
            output += "]"
        case .string(let text):
            output += "\""
            JSONStringEscaper.append(text, to: &output)
            output += "\""
        case .int(let value):
            output += String(value)
        case .bool(let value):
            output += value ? "true" : "false"
        case .null:
            output += "null"
        }
    }

    private static func pad(_ output: inout String, _ level: Int) {
        output += String(repeating: "  ", count: level)
    }
}
