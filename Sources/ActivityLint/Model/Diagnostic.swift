/// One finding: what is wrong, where, under which rule, about which resource, what AWS or the SDK would have
/// answered, and how to fix it. Built once; reporters, baselines, fingerprints and the editor read its fields.
public struct Diagnostic: Hashable, Sendable {
    public var ruleID: String
    public var severity: Severity
    /// What is wrong and what to do, with no positions and no resource name in it (see `subject`).
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
    /// The resource the finding is about: a CloudFormation logical id, a Terraform address; nil for a request file.
    public var subject: String?
    /// Other places the finding is about (the earlier request with the same name).
    public var related: [RelatedLocation]
    /// How to resolve it, when the linter knows.
    public var fix: Fix?
    /// The offending value as written (a name, a tag key), part of the diagnostic's identity (`Fingerprint`).
    public var value: String

    public init(
        ruleID: String, severity: Severity, message: String, file: String, range: SourceRange,
        pointer: String = "", exception: String? = nil, documentIndex: Int = 0, subject: String? = nil,
        related: [RelatedLocation] = [], fix: Fix? = nil, value: String = ""
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.file = file
        self.range = range
        self.pointer = pointer
        self.exception = exception
        self.documentIndex = documentIndex
        self.subject = subject
        self.related = related
        self.fix = fix
        self.value = value
    }

    /// The message with its subject in front, for outputs that have no field of their own for it.
    public var messageWithSubject: String {
        subject.map { "\($0): " + message } ?? message
    }
}
