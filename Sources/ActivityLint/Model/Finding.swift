/// What a stage (a reader, a rule, the suppressions) found, before the rule catalog gives it a severity and a
/// default exception. The linter turns a file's findings into diagnostics once, at the end.
@_spi(Internals) public struct Finding: Hashable, Sendable {
    public var ruleID: String
    /// No positions and no resource name in it: see `Diagnostic.message`.
    public var message: String
    public var range: SourceRange
    /// RFC 6901 JSON Pointer of the offending value (see `JSONPointer`).
    public var pointer: String
    /// Overrides the rule's default exception when one rule maps to several AWS answers; `Finding.noException`
    /// says that in this place no AWS error name applies.
    public var exception: String?
    /// The `exception` of a finding that AWS answers with no named error (CloudFormation's property validation).
    public static let noException = ""
    public var documentIndex: Int
    public var subject: String?
    public var related: [RelatedLocation]
    /// What the finding's rule proposes; the linter resolves it into edits for the file (`FixResolver`).
    public var fix: FixProposal?
    /// The offending value as written, for the finding's identity (see `Fingerprint`).
    public var value: String

    public init(
        ruleID: String, message: String, range: SourceRange, pointer: String = "", exception: String? = nil,
        documentIndex: Int = 0, subject: String? = nil, related: [RelatedLocation] = [], fix: FixProposal? = nil,
        value: String = ""
    ) {
        self.ruleID = ruleID
        self.message = message
        self.range = range
        self.pointer = pointer
        self.exception = exception
        self.documentIndex = documentIndex
        self.subject = subject
        self.related = related
        self.fix = fix
        self.value = value
    }
}
