/// What a parser made of one input: its documents (a YAML stream may hold several) and what was wrong with it.
@_spi(Internals) public struct ParsedSource: Sendable {
    public var documents: [Node]
    public var findings: [Finding]
    /// When parsing stopped at an error inside a document whose top level is a map: the keys read before it,
    /// which classification uses to tell a broken request from a broken file of another kind.
    var keysBeforeError: [String]?
    /// For YAML that mentions the suppression marker: where its scalars are, so comments can be told from strings.
    var scalarSpans: YAMLScalarSpans?
    /// For HCL: where its line comments start (byte offsets), so comments can be told from strings.
    var lineComments: [Int]?
    /// What a file with no document is linted as when its text still names what only activity documents have.
    var kindWhenUnread = DocumentKind.apiRequest
    /// YAML anchored nodes that aliases use (byte ranges): no fix edits them.
    var aliasedRanges: [Range<Int>] = []
    /// Drops the documents, so that their storage is freed (in one pass, however deep they nest) before the work
    /// that follows rather than after it; nodes held elsewhere keep theirs.
    mutating func releaseDocuments() {
        documents = []
    }

    public init(documents: [Node] = [], findings: [Finding] = [], keysBeforeError: [String]? = nil) {
        self.documents = documents
        self.findings = findings
        self.keysBeforeError = keysBeforeError
    }
}

/// Bounds that keep hostile input from exhausting the stack or memory.
public struct ParseLimits: Sendable {
    /// The deepest nesting of objects and arrays accepted; a CreateActivity payload needs 4.
    public var maxDepth: Int
    /// How many alias nodes (`*name`) one YAML stream may use.
    public var maxAliases: Int
    /// The largest input read, in bytes; a larger one is reported (`file-too-large`) without being read whole.
    public var maxFileSize: Int

    public init(maxDepth: Int = 128, maxAliases: Int = 10_000, maxFileSize: Int = 16 * 1024 * 1024) {
        self.maxDepth = maxDepth
        self.maxAliases = maxAliases
        self.maxFileSize = maxFileSize
    }

    public static let `default` = ParseLimits()
}
