/// What a parser or validator found, before the rule catalog gives it a severity and a default exception.
public struct Finding: Hashable, Sendable {
    public var ruleID: String
    public var message: String
    public var range: SourceRange
    /// RFC 6901 JSON Pointer of the offending value (see `JSONPointer`).
    public var pointer: String
    /// Overrides the rule's default exception when one rule maps to several AWS answers.
    public var exception: String?
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
