/// CloudFormation intrinsic functions: values a template computes at deploy time, which no linter can know.
enum Intrinsic {
    /// The short-form tags of CloudFormation YAML.
    static let shortForms: Set<String> = [
        "!Ref", "!Sub", "!GetAtt", "!If", "!Join", "!Select", "!Split", "!FindInMap", "!ImportValue", "!Base64",
        "!Cidr", "!GetAZs", "!Equals", "!And", "!Or", "!Not", "!Condition", "!Transform", "!ToJsonString",
        "!Length",
    ]

    /// `!Ref x`, `{"Ref": x}`, `{"Fn::GetAtt": …}` and the like.
    static func isIntrinsic(_ node: Node) -> Bool {
        if let tag = node.tag, shortForms.contains(tag) { return true }
        return functionName(node) != nil
    }

    /// The function's name (`Ref`, `Fn::Sub`) when `node` is a single-member object naming one.
    static func functionName(_ node: Node) -> String? {
        if let tag = node.tag, shortForms.contains(tag) {
            return tag == "!Ref" || tag == "!Condition" ? String(tag.dropFirst()) : "Fn::" + tag.dropFirst()
        }
        guard let members = node.members, members.count == 1 else { return nil }
        let key = members[0].key.text
        return key == "Ref" || key == "Condition" || key.hasPrefix("Fn::") ? key : nil
    }

    /// The template string of `!Sub "…"`, `{"Fn::Sub": "…"}` or `{"Fn::Sub": ["…", {…}]}`.
    static func subTemplate(_ node: Node) -> Node? {
        if node.tag == "!Sub" {
            if node.string != nil { return node }
            if let first = node.elements?.first, first.string != nil { return first }
            return nil
        }
        guard functionName(node) == "Fn::Sub", let argument = node.members?.first?.value else { return nil }
        if argument.string != nil { return argument }
        if let first = argument.elements?.first, first.string != nil { return first }
        return nil
    }

    /// The `${…}` substitutions of a Sub template as code point ranges (`${!Literal}` is literal text).
    static func substitutions(in template: StringValue) -> [Range<Int>] {
        let scalars = Array(template.text.unicodeScalars)
        var ranges: [Range<Int>] = []
        var index = 0
        while index + 1 < scalars.count {
            if scalars[index] == "$", scalars[index + 1] == "{", index + 2 < scalars.count, scalars[index + 2] != "!" {
                // With no `}` left, no later `${` closes either: stop rather than search the rest again each time.
                guard let close = scalars[(index + 2)...].firstIndex(of: "}") else { break }
                ranges.append(index..<(close + 1))
                index = close + 1
            } else {
                index += 1
            }
        }
        return ranges
    }
}
