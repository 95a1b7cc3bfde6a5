/// Diagnostics as the protocol publishes them (`Diagnostic` of LSP 3.17), positions converted for the client.
struct ProtocolDiagnostics {
    static let source = "activity-lint"
    /// Rules whose finding is code that does nothing: editors fade it out (`DiagnosticTag.Unnecessary`).
    static let unnecessaryRules: Set<String> = ["unused-suppression", "aws-owned-key-extra-settings"]

    let converter: PositionConverter
    /// The URI of each file a related location names, when it is not the document's own (see `uri(for:)`).
    let uri: (String) -> String
    let documentFile: String
    let documentURI: String
    private let positions: [Int: ProtocolPosition]

    init(
        _ diagnostics: [Diagnostic], converter: PositionConverter, documentFile: String, documentURI: String,
        uri: @escaping (String) -> String
    ) {
        self.converter = converter
        self.documentFile = documentFile
        self.documentURI = documentURI
        self.uri = uri
        // Every offset of the document at once: one walk of the text (see `PositionConverter.positions`).
        var offsets: [Int] = []
        for diagnostic in diagnostics {
            offsets += [diagnostic.range.start.offset, diagnostic.range.end.offset]
            for related in diagnostic.related where related.file == documentFile {
                offsets += [related.range.start.offset, related.range.end.offset]
            }
            for edit in diagnostic.fix?.edits ?? [] { offsets += [edit.offset, edit.endOffset] }
        }
        positions = converter.positions(of: offsets)
    }

    func range(_ start: Int, _ end: Int) -> JSONValue {
        let from = positions[start] ?? converter.position(of: start)
        let to = positions[end] ?? converter.position(of: end)
        return .object([("start", from.json), ("end", to.json)])
    }

    func json(_ diagnostic: Diagnostic) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("range", range(diagnostic.range.start.offset, diagnostic.range.end.offset)),
            ("severity", .integer(Self.severity(diagnostic.severity))),
            ("code", .string(diagnostic.ruleID)),
        ]
        if let href = RuleCatalog.builtIn.rule(diagnostic.ruleID)?.helpURI {
            members.append(("codeDescription", .object([("href", .string(href))])))
        }
        members.append(("source", .string(Self.source)))
        var message = diagnostic.messageWithSubject
        // A byte search: the standard library's `contains` on strings costs more than the rest of the conversion.
        if let exception = diagnostic.exception, !Array(message.utf8).contains(bytes: Array(exception.utf8)) {
            message += " (AWS: \(exception))"
        }
        members.append(("message", .string(message)))
        if Self.unnecessaryRules.contains(diagnostic.ruleID) { members.append(("tags", .array([.integer(1)]))) }
        if !diagnostic.related.isEmpty {
            members.append(("relatedInformation", .array(diagnostic.related.map(related))))
        }
        return .object(members)
    }

    private func related(_ location: RelatedLocation) -> JSONValue {
        let range: JSONValue
        if location.file == documentFile {
            range = self.range(location.range.start.offset, location.range.end.offset)
        } else {
            // Another file: the linter's line and column; its columns count scalars, a close reading of any encoding.
            let start = ProtocolPosition(line: location.range.start.line - 1, character: location.range.start.column - 1)
            let end = ProtocolPosition(line: location.range.end.line - 1, character: location.range.end.column - 1)
            range = .object([("start", start.json), ("end", end.json)])
        }
        let target = location.file == documentFile ? documentURI : uri(location.file)
        return .object([
            ("location", .object([("uri", .string(target)), ("range", range)])),
            ("message", .string(location.message)),
        ])
    }

    /// LSP `DiagnosticSeverity`: 1 error, 2 warning, 3 information.
    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: 1
        case .warning: 2
        case .info: 3
        }
    }
}
