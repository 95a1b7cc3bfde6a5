/// The outcome of linting one input.
public struct FileResult: Sendable {
    /// The path as the user gave it (or `--stdin-filename`), used in every diagnostic.
    public var path: String
    /// The lines the report quotes; nil when the file could not be read.
    @_spi(Internals) public var sourceLines: SourceLines?
    /// How many CreateActivity payloads were found and checked.
    public var payloadCount: Int
    /// Why the file could not be linted at all (missing, unreadable, a directory loop), or nil.
    public var failure: String?
    /// What the file holds (the kind of its first activity document), `notActivity` when skipped as such, or
    /// `unread`.
    public var kind: DocumentKind
    /// Why the file was not linted, or nil when it was (or could not be read: see `failure`).
    public var skipped: SkipReason?
    /// Findings, sorted by position (after fixing, what is left).
    public var diagnostics: [Diagnostic]
    /// What `--fix` or `--diff` did to the file, when it applied anything.
    public var fixes: FileFixes?

    @_spi(Internals) public init(
        path: String, source: SourceText?, kind: DocumentKind = .apiRequest, payloadCount: Int = 0,
        failure: String? = nil, skipped: SkipReason? = nil, diagnostics: [Diagnostic] = []
    ) {
        self.path = path
        self.sourceLines = source.map { SourceLines($0, for: diagnostics) }
        self.kind = failure != nil ? .unread : kind
        self.payloadCount = payloadCount
        self.failure = failure
        self.skipped = skipped
        self.diagnostics = diagnostics
    }

    /// A file that was not linted, for `reason`.
    static func skipped(path: String, kind: DocumentKind, _ reason: SkipReason) -> FileResult {
        FileResult(path: path, source: nil, kind: kind, skipped: reason)
    }
}

/// Everything one run produced, in a deterministic order, ready for a reporter.
public struct LintReport: Sendable {
    public var files: [FileResult]
    /// Every rule that was in force, for SARIF's `tool.driver.rules`.
    public var rules: [RuleDescriptor]

    public init(files: [FileResult], rules: [RuleDescriptor]) {
        self.files = files
        self.rules = rules
    }

    public var diagnostics: [Diagnostic] { files.flatMap(\.diagnostics) }


    /// Inputs that could not be linted at all.
    public var failedFiles: [FileResult] { files.filter { $0.failure != nil } }
}
