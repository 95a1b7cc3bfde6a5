/// An HCL expression with the source range it spans.
///
/// What rules read statically (literals, templates, references, calls, tuples, objects) has its own case; the
/// rest (operators, conditionals, `for`, splats, parentheses) is `other`, kept with its parts. Chains of one
/// operator level, of unary operators and of postfix operations are kept flat, so the tree is only as deep as the
/// nesting of brackets, calls and templates, which the parser bounds.
@_spi(Internals) public struct HCLExpression: Sendable {
    public indirect enum Kind: Sendable {
        case number(NumberValue)
        case bool(Bool)
        case null
        /// A quoted string or a heredoc.
        case template(HCLTemplate)
        /// `var.x`, `local.tags["a"]`, `aws.west`, `each.key`.
        case traversal(HCLTraversal)
        case functionCall(HCLFunctionCall)
        case tuple([HCLExpression])
        case object([HCLObjectItem])
        case other(HCLOtherExpression)
    }

    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// A quoted template (`"orders-${var.env}"`) or a heredoc (`<<EOT`, `<<-EOT`).
@_spi(Internals) public struct HCLTemplate: Sendable {
    public var parts: [HCLTemplatePart]
    public var isHeredoc: Bool

    /// The decoded text when the template is literal text only (no interpolation or directive), else nil.
    public var literalText: StringValue? {
        switch parts.count {
        case 0: StringValue(text: "", contentStart: emptyContentStart)
        case 1: if case .literal(let text, _) = parts[0] { text } else { nil }
        default: nil
        }
    }

    /// Where the content of an empty template would start (after the opening quote or heredoc line).
    var emptyContentStart: SourcePosition
}

@_spi(Internals) public enum HCLTemplatePart: Sendable {
    /// Literal text, decoded (escapes, `$${`, `%%{`, strip markers and `<<-` indentation applied), with the
    /// range of its source text.
    case literal(StringValue, SourceRange)
    /// `${ expression }`; the range covers the delimiters.
    case interpolation(HCLExpression, SourceRange)
    case directive(HCLTemplateDirective)
}

/// `%{ if cond }...%{ else }...%{ endif }` or `%{ for x in list }...%{ endfor }`.
@_spi(Internals) public struct HCLTemplateDirective: Sendable {
    public enum Kind: Sendable {
        case ifDirective
        case forDirective
    }

    public var kind: Kind
    /// The condition of an `if`, the collection of a `for`.
    public var expression: HCLExpression
    /// The iteration variables of a `for` (one or two).
    public var variables: [String]
    public var body: [HCLTemplatePart]
    /// The parts after `%{ else }`, when there is one.
    public var elseBody: [HCLTemplatePart]?
    /// From the opening `%{` to the end of `%{ endif }` or `%{ endfor }`.
    public var range: SourceRange
}

/// A variable and the attribute accesses and indexes that follow it: `var.tags["env"]`, `aws_kms_key.a.arn`.
@_spi(Internals) public struct HCLTraversal: Sendable {
    public enum Step: Sendable {
        /// `.name`
        case attribute(String, SourceRange)
        /// `[expression]`, or the legacy `.0`; the range covers the brackets or the dot.
        case index(HCLExpression, SourceRange)
    }

    public var root: String
    public var rootRange: SourceRange
    public var steps: [Step]

    /// `var.env`, `aws.west`: the root and attribute names joined by dots, or nil when a step is an index.
    public var dottedName: String? {
        var name = root
        for step in steps {
            guard case .attribute(let attribute, _) = step else { return nil }
            name += "." + attribute
        }
        return name
    }
}

/// `name(arguments)`, or `provider::aws::arn_parse(arguments)`.
@_spi(Internals) public struct HCLFunctionCall: Sendable {
    public var name: String
    public var nameRange: SourceRange
    public var arguments: [HCLExpression]
    /// Whether the last argument is followed by `...` (its elements are the arguments).
    public var expandsFinalArgument: Bool
}

/// One `key = value` or `key: value` of an object.
@_spi(Internals) public struct HCLObjectItem: Sendable {
    /// A bare identifier key is a traversal without steps here; `literalKey` reads it as the name HCL makes it.
    public var key: HCLExpression
    public var separatorRange: SourceRange
    public var value: HCLExpression

    /// The key's text when it is a bare identifier or a literal string (HCL reads `{ env = 1 }` as the key
    /// "env", not the variable `env`; `(env)` is the variable), else nil.
    public var literalKey: StringValue? {
        switch key.kind {
        case .traversal(let traversal) where traversal.steps.isEmpty:
            StringValue(text: traversal.root, contentStart: traversal.rootRange.start)
        case .template(let template):
            template.literalText
        default:
            nil
        }
    }
}

/// An expression rules do not read statically, with its parts.
@_spi(Internals) public struct HCLOtherExpression: Sendable {
    public enum Kind: Sendable {
        /// `( expression )`
        case parentheses
        /// `-x`, `!x`, `!!x`: `operators` are the prefix operators, outermost first.
        case unaryOperation
        /// `a + b - c`: one precedence level, left to right; `operators` stand between the `children`.
        case binaryOperation
        /// `predicate ? then : else`
        case conditional
        /// `[for v in collection : value if condition]`: children are the collection, the value, the condition.
        case forTuple
        /// `{for k, v in collection : key => value... if condition}`: the collection, key, value, condition.
        case forObject
        /// Indexes and attribute accesses on something other than a variable (`f(x)[0]`, `[1, 2][0]`): the
        /// children are the base and the index expressions.
        case access
        /// `list.*.id`, `list[*].id`: the children are the base and the index expressions after it.
        case splat
    }

    public var kind: Kind
    public var children: [HCLExpression]
    public var operators: [String] = []
    /// The iteration variables of a `for` expression.
    public var variables: [String] = []
    /// A `for` object expression that groups values (`...`).
    public var isGrouping = false
}
