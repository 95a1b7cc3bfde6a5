/// SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers.
///
/// One run; `tool.driver.rules` lists every rule in force (`LintReport.rules`, in order) and each result points at
/// its rule with `ruleIndex`. Locations are relative URIs against `%SRCROOT%` (absolute paths become `file:///`
/// URIs); columns count Unicode scalars (`columnKind: unicodeCodePoints`). Inputs that could not be read become
/// `toolExecutionNotifications` of the invocation, which is then not `executionSuccessful`.
public struct SARIFReporter: DocumentReporter, Sendable {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The `partialFingerprints` key; bump the suffix if the fingerprint recipe ever changes.
    public static let fingerprintKey = "activityLint/v1"
    static let tags: [String] = ["aws", "step-functions"]

    public init() {}

    public func document(rules: [RuleDescriptor]) -> any ReportDocument { Document(rules: rules) }

    struct Document: ReportDocument {
        let rules: [RuleDescriptor]
        var ruleIndex: [String: Int] = [:]
        /// How often each fingerprint has occurred so far, so repeats get `:2`, `:3`…
        var occurrences: [String: Int] = [:]
        /// `runs[0].results`, at its depth in the document.
        var results = StreamedJSONArray(indent: 3)
        var failedFiles: [(path: String, failure: String)] = []

        init(rules: [RuleDescriptor]) {
            self.rules = rules
            for (index, rule) in rules.enumerated() where ruleIndex[rule.id] == nil { ruleIndex[rule.id] = index }
        }

        mutating func add(_ file: FileResult) {
            if let failure = file.failure { failedFiles.append((file.path, failure)) }
            for diagnostic in file.diagnostics {
                let location = ArtifactURI.location(forPath: diagnostic.file)
                let hash = StableHash.hex(of: [diagnostic.ruleID, location.uri, diagnostic.pointer, diagnostic.message])
                let occurrence = (occurrences[hash] ?? 0) + 1
                occurrences[hash] = occurrence
                results.append(SARIFReporter.result(
                    for: diagnostic, location: location, ruleIndex: ruleIndex[diagnostic.ruleID],
                    fingerprint: hash + ":" + String(occurrence)))
            }
        }

        func finish(_ totals: ReportTotals, write: (String) -> Void) {
            let driver: ReportJSON = .object([
                ("name", .string(ToolInfo.name)),
                ("version", .string(ToolInfo.version)),
                ("semanticVersion", .string(ToolInfo.version)),
                ("informationUri", .string(ToolInfo.informationURI)),
                ("rules", .array(rules.map(SARIFReporter.rule))),
            ])
            var invocation: [(String, ReportJSON)] = [("executionSuccessful", .bool(failedFiles.isEmpty))]
            let notifications = failedFiles.map { file -> ReportJSON in
                .object([
                    ("level", .string("error")),
                    ("message", .object([("text", .string(file.failure))])),
                    ("locations", .array([.object([("physicalLocation", SARIFReporter.physicalLocation(file.path, region: nil))])])),
                ])
            }
            if !notifications.isEmpty { invocation.append(("toolExecutionNotifications", .array(notifications))) }
            if totals.configuration.turnsSomethingOff || totals.configuration.turnsEveryRuleOff {
                invocation.append(("toolConfigurationNotifications", .array([.object([
                    ("level", .string("warning")),
                    ("message", .object([("text", .string(totals.configuration.sentence))])),
                ])])))
            }
            var run: [(String, ReportJSON)] = [
                ("tool", .object([("driver", driver)])),
                ("invocations", .array([.object(invocation)])),
            ]
            // Where `%SRCROOT%` is, so a viewer can map the relative URIs to files.
            if let root = totals.repositoryRoot {
                let uri = ArtifactURI.location(forPath: root.hasSuffix("/") ? root : root + "/").uri
                run.append(("originalUriBaseIds", .object([
                    (ArtifactURI.sourceRootBaseID, .object([("uri", .string(uri))])),
                ])))
            }
            run += [("columnKind", .string("unicodeCodePoints")), ("results", results.value)]
            ReportJSON.object([
                ("$schema", .string(SARIFReporter.schemaURI)),
                ("version", .string("2.1.0")),
                ("runs", .array([.object(run)])),
            ]).render(write)
        }
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    static func rule(_ rule: RuleDescriptor) -> ReportJSON {
        let summary = rule.summary.isEmpty ? rule.id : rule.summary
        var fullDescription = summary
        if let paragraph = MarkdownPlainText.firstParagraph(rule.documentation), paragraph != summary {
            fullDescription += separator(after: summary) + paragraph
        }
        let documentation = rule.documentation.isEmpty ? summary : rule.documentation
        var properties: [(String, ReportJSON)] = [("tags", .array(tags.map(ReportJSON.string)))]
        if let exception = rule.exception { properties.append(("exception", .string(exception))) }
        return .object([
            ("id", .string(rule.id)),
            ("name", .string(rule.pascalCaseName)),
            ("shortDescription", .object([("text", .string(summary))])),
            ("fullDescription", .object([("text", .string(fullDescription))])),
            (
                "help",
                .object([
                    ("text", .string(MarkdownPlainText.plainText(documentation))),
                    ("markdown", .string(documentation)),
                ])
            ),
            ("helpUri", .string(rule.helpURI)),
            ("defaultConfiguration", .object([("level", .string(level(rule.severity)))])),
            ("properties", .object(properties)),
        ])
    }

    /// `". "` unless the summary already ends a sentence.
    private static func separator(after summary: String) -> String {
        guard let last = summary.last else { return "" }
        return ".!?:".contains(last) ? " " : ". "
    }

    static func result(
        for diagnostic: Diagnostic, location: (uri: String, baseID: String?), ruleIndex: Int?, fingerprint: String
    ) -> ReportJSON {
        var members: [(String, ReportJSON)] = [("ruleId", .string(diagnostic.ruleID))]
        if let ruleIndex { members.append(("ruleIndex", .int(ruleIndex))) }
        var properties: [(String, ReportJSON)] = [("pointer", .string(diagnostic.pointer))]
        if let exception = diagnostic.exception { properties.append(("exception", .string(exception))) }
        properties.append(("document", .int(diagnostic.documentIndex)))
        members += [
            ("level", .string(level(diagnostic.severity))),
            ("message", .object([("text", .string(diagnostic.message))])),
            (
                "locations",
                .array([
                    .object([("physicalLocation", physicalLocation(location, region: region(for: diagnostic.range)))])
                ])
            ),
            ("partialFingerprints", .object([(fingerprintKey, .string(fingerprint))])),
            ("properties", .object(properties)),
        ]
        return .object(members)
    }

    static func physicalLocation(_ path: String, region: ReportJSON?) -> ReportJSON {
        physicalLocation(ArtifactURI.location(forPath: path), region: region)
    }

    private static func physicalLocation(_ location: (uri: String, baseID: String?), region: ReportJSON?)
        -> ReportJSON
    {
        var artifact: [(String, ReportJSON)] = [("uri", .string(location.uri))]
        if let baseID = location.baseID { artifact.append(("uriBaseId", .string(baseID))) }
        var members: [(String, ReportJSON)] = [("artifactLocation", .object(artifact))]
        if let region { members.append(("region", region)) }
        return .object(members)
    }

    /// A SARIF text region: 1-based lines and columns, `endColumn` exclusive. An empty range stays empty
    /// (`endColumn == startColumn`, an insertion point); the end is never before the start.
    static func region(for range: SourceRange) -> ReportJSON {
        let startLine = max(1, range.start.line)
        let startColumn = max(1, range.start.column)
        var endLine = max(1, range.end.line)
        var endColumn = max(1, range.end.column)
        if endLine < startLine || (endLine == startLine && endColumn < startColumn) {
            endLine = startLine
            endColumn = startColumn
        }
        return .object([
            ("startLine", .int(startLine)),
            ("startColumn", .int(startColumn)),
            ("endLine", .int(endLine)),
            ("endColumn", .int(endColumn)),
        ])
    }
}
