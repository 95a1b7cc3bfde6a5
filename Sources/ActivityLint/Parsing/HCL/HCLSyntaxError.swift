/// The syntax problem that stopped an HCL parse, with where it is and an actionable message.
@_spi(Internals) public struct HCLSyntaxError: Error, Sendable, Equatable {
    /// `syntax-error`, or `nesting-too-deep` when the depth limit stopped the parse.
    public var ruleID: String
    /// What was expected and what was found, with a hint when a common mistake explains it.
    public var message: String
    /// The offending text; an empty range at the end of input.
    public var range: SourceRange

    public init(ruleID: String = "syntax-error", message: String, range: SourceRange) {
        self.ruleID = ruleID
        self.message = message
        self.range = range
    }

    public var finding: Finding { Finding(ruleID: ruleID, message: message, range: range) }
}
