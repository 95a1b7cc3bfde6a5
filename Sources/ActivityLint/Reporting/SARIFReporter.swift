/// SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers.
///
/// One run; `tool.driver.rules` lists every rule in force (`LintReport.rules`, in order) and each result points at
/// its rule with `ruleIndex`. Locations are relative URIs against `%SRCROOT%` (absolute paths become `file:///`
/// URIs); columns count Unicode scalars (`columnKind: unicodeCodePoints`). Inputs that could not be read become
/// `toolExecutionNotifications` of the invocation, which is then not `executionSuccessful`.
///
/// The run is held to GitHub code scanning's limits (`SARIFResultCap`): results beyond them are left out, errors
/// last, and a warning notification of the invocation says how many and which flag raises the cap.
public struct SARIFReporter: DocumentReporter, Sendable {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The `partialFingerprints` key; bump the suffix if the fingerprint recipe ever changes.
    public static let fingerprintKey = "activityLint/v2"
    static let tags: [String] = ["aws", "step-functions"]
    public static let defaultMaxResults = SARIFResultCap.gitHubMaxResults
    public static let defaultMaxBytes = SARIFResultCap.gitHubMaxBytes

    /// The most results in the run (`--sarif-max-results`); 0 for no cap.
    public var maxResults: Int
    /// The largest document written, in bytes (`--sarif-max-bytes`); 0 for no cap.
    public var maxBytes: Int

    public init(maxResults: Int = SARIFReporter.defaultMaxResults, maxBytes: Int = SARIFReporter.defaultMaxBytes) {
        self.maxResults = maxResults
        self.maxBytes = maxBytes
    }

    public func document(rules: [RuleDescriptor]) -> any ReportDocument {
        Document(rules: rules, results: SARIFResultCap(maxResults: maxResults, maxBytes: maxBytes))
    }

    struct Document: ReportDocument {
        let rules: [RuleDescriptor]
        var ruleIndex: [String: Int] = [:]
        /// How often each fingerprint has occurred so far, so repeats get `:2`, `:3`… Keyed by the hash's value:
        /// its 16 hex digits would be one more allocation per result.
        var occurrences: [UInt64: Int] = [:]
        /// `runs[0].results`, as many as the caps allow.
        var results: SARIFResultCap
        var failedFiles: [(path: String, failure: String)] = []

        init(rules: [RuleDescriptor], results: SARIFResultCap) {
            self.rules = rules
            self.results = results
            for (index, rule) in rules.enumerated() where ruleIndex[rule.id] == nil { ruleIndex[rule.id] = index }
        }

        mutating func add(_ file: FileResult) {
            if let failure = file.failure { failedFiles.append((file.path, failure)) }
            for diagnostic in file.diagnostics {
                let location = ArtifactURI.location(forPath: diagnostic.file)
                let hash = Fingerprint.of(diagnostic)
                let key = UInt64(hash, radix: 16)!  // `Fingerprint.of` is 16 hex digits
                let occurrence = (occurrences[key] ?? 0) + 1
                occurrences[key] = occurrence
                let result = SARIFReporter.result(
                    for: diagnostic, location: location, ruleIndex: ruleIndex[diagnostic.ruleID],
                    fingerprint: hash + ":" + String(occurrence))
                results.add(result, severity: diagnostic.severity)
            }
        }

        func finish(_ totals: ReportTotals, write: (String) -> Void) {
            var results = self.results
            if results.maxBytes < .max {
                // The results get what the rest of the document leaves, its notice at its longest included.
                let rest = document(results: .array([]), leftOut: .worstCase(results), totals: totals).rendered().utf8.count
                results.fit(bytes: results.maxBytes - rest - 16)
            }
            document(results: results.value, leftOut: results.totalLeftOut > 0 ? .init(results) : nil, totals: totals)
                .render(write)
        }

        private func document(results: ReportJSON, leftOut: LeftOut?, totals: ReportTotals) -> ReportJSON {
            let driver: ReportJSON = .object([
                ("name", .string(ToolInfo.name)),
                ("version", .string(ToolInfo.version)),
                ("semanticVersion", .string(ToolInfo.version)),
                ("informationUri", .string(ToolInfo.informationURI)),
                ("rules", .array(rules.map(SARIFReporter.rule))),
            ])
            var invocation: [(String, ReportJSON)] = [("executionSuccessful", .bool(failedFiles.isEmpty))]
            var notifications = failedFiles.map { file -> ReportJSON in
                .object([
                    ("level", .string("error")),
                    ("message", .object([("text", .string(file.failure))])),
                    ("locations", .array([.object([("physicalLocation", SARIFReporter.physicalLocation(file.path, region: nil))])])),
                ])
            }
            if let leftOut { notifications.append(leftOut.notification) }
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
            run += [("columnKind", .string("unicodeCodePoints")), ("results", results)]
            return .object([
                ("$schema", .string(SARIFReporter.schemaURI)),
                ("version", .string("2.1.0")),
                ("runs", .array([.object(run)])),
            ])
        }
    }

    /// What the caps left out of a run, for its notification.
    struct LeftOut {
        /// By severity: errors, warnings, notes.
        var counts: [Int]
        var total: Int
        var countCapped: Bool
        var sizeCapped: Bool
        var maxResults: Int
        var maxBytes: Int

        init(_ cap: SARIFResultCap) {
            counts = cap.leftOut
            total = cap.total
            countCapped = cap.countCapped
            sizeCapped = cap.sizeCapped
            maxResults = cap.maxResults
            maxBytes = cap.maxBytes
        }

        /// The longest notification these caps can give, to measure the document before the results are fitted.
        static func worstCase(_ cap: SARIFResultCap) -> LeftOut {
            var leftOut = LeftOut(cap)
            let large = Int.max / 4
            (leftOut.counts, leftOut.total, leftOut.countCapped, leftOut.sizeCapped) = ([large, large, large], large, true, true)
            return leftOut
        }

        var notification: ReportJSON {
            let names = [("error", "errors"), ("warning", "warnings"), ("note", "notes")]
            let parts = zip(counts, names).filter { $0.0 > 0 }.map {
                FindingCap.grouped($0.0) + " " + ($0.0 == 1 ? $0.1.0 : $0.1.1)
            }
            var limits: [String] = []
            var flags: [String] = []
            if countCapped {
                limits.append("at most \(FindingCap.grouped(maxResults)) results per run")
                flags.append("--sarif-max-results N raises the result cap")
            }
            if sizeCapped {
                limits.append("a report under \(FindingCap.grouped(maxBytes)) bytes")
                flags.append("--sarif-max-bytes N raises the size cap")
            }
            let text = "\(FindingCap.grouped(counts.reduce(0, +))) of \(FindingCap.grouped(total)) results were left out "
                + "of this run (\(parts.joined(separator: ", "))) to keep to GitHub code scanning's limits "
                + "(\(limits.joined(separator: " and "))); errors are kept before warnings, and warnings before notes. "
                + flags.joined(separator: " and ") + (flags.count == 1 ? " (0 removes it)." : " (0 removes either).")
            return .object([
                ("level", .string("warning")),
                ("message", .object([("text", .string(text))])),
                ("properties", .object([("resultsLeftOut", .int(counts.reduce(0, +)))])),
            ])
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
        ] + (rule.helpURI.map { [("helpUri", ReportJSON.string($0))] } ?? []) + [
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
        if let subject = diagnostic.subject { properties.append(("subject", .string(subject))) }
        if let exception = diagnostic.exception { properties.append(("exception", .string(exception))) }
        properties.append(("document", .int(diagnostic.documentIndex)))
        members += [
            ("level", .string(level(diagnostic.severity))),
            ("message", .object([("text", .string(diagnostic.messageWithSubject))])),
            (
                "locations",
                .array([
                    .object([("physicalLocation", physicalLocation(location, region: region(for: diagnostic.range)))])
                ])
            ),
        ]
        if !diagnostic.related.isEmpty {
            members.append(("relatedLocations", .array(diagnostic.related.enumerated().map { index, related in
                .object([
                    ("id", .int(index + 1)),
                    ("physicalLocation", physicalLocation(related.file, region: region(for: related.range))),
                    ("message", .object([("text", .string(related.message))])),
                ])
            })))
        }
        members.append(("partialFingerprints", .object([(fingerprintKey, .string(fingerprint))])))
        if let fix = diagnostic.fix { members.append(("fixes", .array([self.fix(fix, location: location)]))) }
        members.append(("properties", .object(properties)))
        return .object(members)
    }

    /// A SARIF fix: byte regions of the diagnostic's file replaced, with the applicability in its properties.
    private static func fix(_ fix: Fix, location: (uri: String, baseID: String?)) -> ReportJSON {
        var artifact: [(String, ReportJSON)] = [("uri", .string(location.uri))]
        if let baseID = location.baseID { artifact.append(("uriBaseId", .string(baseID))) }
        let replacements = fix.edits.map { edit -> ReportJSON in
            .object([
                ("deletedRegion", .object([
                    ("byteOffset", .int(edit.offset)), ("byteLength", .int(edit.endOffset - edit.offset)),
                ])),
                ("insertedContent", .object([("text", .string(edit.replacement))])),
            ])
        }
        return .object([
            ("description", .object([("text", .string(fix.title))])),
            ("artifactChanges", .array([.object([
                ("artifactLocation", .object(artifact)), ("replacements", .array(replacements)),
            ])])),
            ("properties", .object([("applicability", .string(fix.applicability.rawValue))])),
        ])
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
