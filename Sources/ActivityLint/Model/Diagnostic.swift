/// One finding: what is wrong, where, under which rule, and what AWS or the SDK would have answered.
public struct Diagnostic: Hashable, Sendable {
    public var ruleID: String
    public var severity: Severity
    public var message: String
    /// The path as the user gave it (or `--stdin-filename`).
    public var file: String
    public var range: SourceRange
    /// An RFC 6901 JSON Pointer into the document (`/tags/3/key`); empty for the whole document.
    public var pointer: String
    /// The error AWS or the SDK would return (`InvalidName`, `ParamValidationError`), or nil.
    public var exception: String?
    /// Which document of a multi-document stream, 0-based.
    public var documentIndex: Int

    public init(
        ruleID: String, severity: Severity, message: String, file: String, range: SourceRange,
        pointer: String = "", exception: String? = nil, documentIndex: Int = 0
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.file = file
        self.range = range
        self.pointer = pointer
        self.exception = exception
        self.documentIndex = documentIndex
    }
}
