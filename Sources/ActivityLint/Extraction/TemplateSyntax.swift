/// How a source writes values computed from literal text and substitutions in one string, such as Terraform's
/// `"orders-${var.env}"` (and `%{…}` directives), Pulumi's `"orders-${stage}"` or a Serverless variable
/// `"orders-${opt:stage}"`. Rules check only the literal text; a string that is nothing but one substitution is a
/// value no linter can know.
@_spi(Internals) public struct TemplateSyntax: Sendable {
    /// Whether `%{…}` is a substitution too (Terraform's template directives).
    let hasDirectives: Bool
    /// Whether `$${` (and `%%{`) stand for literal text; Serverless has no such escape.
    var hasEscapes = true
    /// Whether single quotes quote text inside a substitution too (Serverless: `${opt:stage, 'dev'}`).
    var singleQuotes = false

    /// `${…}` and `%{…}`, with `$${` and `%%{` for literal text.
    public static let terraform = TemplateSyntax(hasDirectives: true)
    /// Pulumi YAML interpolations: `${resource.property}`, with `$${` for a literal `${`.
    public static let pulumi = TemplateSyntax(hasDirectives: false)
    /// Serverless Framework variables (`${self:…}`, `${opt:…}`, `${env:…}`, `${ssm:…}`, `${file(…)}`), which nest
    /// and take quoted fallbacks; there is no escape.
    public static let serverless = TemplateSyntax(hasDirectives: false, hasEscapes: false, singleQuotes: true)

    /// The substitutions of `string` (and the escaping `$` or `%` of each `$${`, `%%{`) as sorted, disjoint code
    /// point ranges: what is not the value's literal text. A substitution ends at the `}` that
    /// closes its `{`, braces and quoted strings inside it counted (`${lookup(var.m, "}")}`,
    /// `${self:custom.${opt:stage}}`); an unclosed one runs to the end. One pass over the text.
    public func substitutions(in string: StringValue) -> [Range<Int>] {
        // Nearly every string has no `{`: one byte search decides.
        guard string.text.utf8.contains(UInt8(ascii: "{")) else { return [] }
        let scalars = Array(string.text.unicodeScalars)
        var ranges: [Range<Int>] = []
        var index = 0
        while index + 1 < scalars.count {
            let scalar = scalars[index]
            guard scalar == "$" || hasDirectives && scalar == "%" else {
                index += 1
                continue
            }
            if hasEscapes, scalars[index + 1] == scalar, index + 2 < scalars.count, scalars[index + 2] == "{" {
                // The escaping `$` of `$${` is no character of the value: it is left out like a substitution.
                ranges.append(index..<(index + 1))
                index += 3
                continue
            }
            guard scalars[index + 1] == "{" else {
                index += 1
                continue
            }
            let end = closingBrace(in: scalars, from: index + 2)
            ranges.append(index..<end)
            index = end
        }
        return ranges
    }

    /// Whether the whole of `string` is one substitution (`${var.name}`): its value is computed.
    public func isComputed(_ string: StringValue) -> Bool {
        let ranges = substitutions(in: string)
        return ranges.count == 1 && ranges[0] == 0..<string.text.unicodeScalars.count
    }

    /// Whether `node` holds no substitution anywhere (a variable default, a local's literal value). Nodes nest no
    /// deeper than the parser allowed.
    func isStatic(_ node: Node) -> Bool {
        switch node.value {
        case .string(let string): substitutions(in: string).isEmpty
        case .array(let elements): elements.allSatisfy(isStatic)
        case .object(let members): members.allSatisfy { substitutions(in: $0.key).isEmpty && isStatic($0.value) }
        case .number, .bool, .null: true
        }
    }

    /// The index just after the `}` that closes the substitution whose content starts at `start`.
    private func closingBrace(in scalars: [Unicode.Scalar], from start: Int) -> Int {
        var depth = 1
        var quote: Unicode.Scalar?
        var index = start
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if let open = quote {
                if scalar == "\\" { index += 1 } else if scalar == open { quote = nil }
            } else if scalar == "\"" || singleQuotes && scalar == "'" {
                quote = scalar
            } else if scalar == "{" {
                depth += 1
            } else if scalar == "}" {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return scalars.count
    }
}
