/// A parsed HCL native-syntax file (`.tf`, `.tofu`): its top-level body and the error that stopped parsing.
///
/// Parsing stops at the first syntax error; `body` then holds the attributes and blocks completed before it, so a
/// caller can still tell what kind of file it was.
@_spi(Internals) public struct HCLFile: Sendable {
    public var body: HCLBody
    public var error: HCLSyntaxError?
    /// Byte offsets of the `#` or `//` that start line comments (never one inside a string or heredoc), in order.
    public var lineComments: [Int]

    public init(body: HCLBody, error: HCLSyntaxError?, lineComments: [Int] = []) {
        self.body = body
        self.error = error
        self.lineComments = lineComments
    }

    /// The error as the project's findings (empty when the file parsed).
    public var findings: [Finding] { error.map { [$0.finding] } ?? [] }
}

/// The attributes and blocks of a file or of a block, in source order.
@_spi(Internals) public struct HCLBody: Sendable {
    public enum Item: Sendable {
        case attribute(HCLAttribute)
        case block(HCLBlock)
    }

    public var items: [Item]

    public init(items: [Item]) {
        self.items = items
    }

    public var attributes: [HCLAttribute] {
        items.compactMap { if case .attribute(let attribute) = $0 { attribute } else { nil } }
    }

    public var blocks: [HCLBlock] {
        items.compactMap { if case .block(let block) = $0 { block } else { nil } }
    }

    /// The attribute named `name` (HCL allows one per body; with a repeated name, the first).
    public func attribute(_ name: String) -> HCLAttribute? {
        attributes.first { $0.name == name }
    }

    public func blocks(ofType type: String) -> [HCLBlock] {
        blocks.filter { $0.type == type }
    }
}

/// `name = expression`.
@_spi(Internals) public struct HCLAttribute: Sendable {
    public var name: String
    public var nameRange: SourceRange
    public var equalsRange: SourceRange
    public var value: HCLExpression

    /// From the name to the end of the value.
    public var range: SourceRange { SourceRange(start: nameRange.start, end: value.range.end) }
}

/// `type "label" label { body }`.
@_spi(Internals) public struct HCLBlock: Sendable {
    public var type: String
    public var typeRange: SourceRange
    public var labels: [HCLBlockLabel]
    public var openBraceRange: SourceRange
    public var closeBraceRange: SourceRange
    public var body: HCLBody

    /// From the type to the closing brace.
    public var range: SourceRange { SourceRange(start: typeRange.start, end: closeBraceRange.end) }
}

/// A block label, quoted (`"aws_sfn_activity"`) or a bare identifier (`aws_sfn_activity`).
@_spi(Internals) public struct HCLBlockLabel: Sendable {
    public var value: StringValue
    /// Including the quotes of a quoted label.
    public var range: SourceRange
    public var isQuoted: Bool
}
