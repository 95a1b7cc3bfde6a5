/// What a parser or validator found, before the rule catalog gives it a severity and a default exception.
public struct Finding: Hashable, Sendable {
    public var ruleID: String
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

    public init(
        ruleID: String, message: String, range: SourceRange, pointer: String = "", exception: String? = nil,
        documentIndex: Int = 0
    ) {
        self.ruleID = ruleID
        self.message = message
        self.range = range
        self.pointer = pointer
        self.exception = exception
        self.documentIndex = documentIndex
    }
}
