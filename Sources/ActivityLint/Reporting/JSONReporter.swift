/// The `--format json` contract, version `ToolInfo.jsonFormatVersion`.
///
/// Pretty-printed with two-space indentation, keys in a fixed order, UTF-8, ending with a newline:
///
/// ```
/// {
///   "version": 1,
///   "tool": { "name": "activity-lint", "version": "0.1.0" },
///   "summary": { "files", "payloads", "errors", "warnings", "infos", "unreadable", "linted", "skipped",
///                "fixable", "unsafeFixable" },
///   "configuration": { "file": null | ".activity-lint.yml", "rulesOff": [ids], "rulesLowered": [ids],
///                      "excludedFiles": count },
///   "files": [ { "path", "kind", "payloads", "error": null | "why it could not be read",
///                "skipped": null | { "category", "reason" }, "diagnostics": count } ],
///   "diagnostics": [ { "rule", "severity", "message", "file", "line", "column", "endLine", "endColumn",
///                      "offset", "endOffset", "pointer", "exception": null | "InvalidName", "document",
///                      "subject": null | "OrdersActivity",
///                      "related": [ { "file", "line", "column", "offset", "endOffset", "message" } ],
///                      "fix": null | { "applicability": "safe" | "unsafe", "title",
///                                      "edits": [ { "offset", "endOffset", "replacement" } ] } } ]
/// }
/// ```
///
/// Every input appears in `files` in report order; `diagnostics` lists files in that order and each file's
/// diagnostics in its order. Lines and columns are 1-based (columns count Unicode scalars), offsets are 0-based
/// byte offsets, ranges are half-open. Strings are escaped so the output is valid JSON for any input.
public struct JSONReporter: DocumentReporter, Sendable {
    public init() {}

    public func document(rules: [RuleDescriptor]) -> any ReportDocument { Document() }

    struct Document: ReportDocument {
        var files = StreamedJSONArray(indent: 1)
        var diagnostics = StreamedJSONArray(indent: 1)

        mutating func add(_ file: FileResult) {
            files.append(.object([
                ("path", .string(file.path)),
                ("kind", .string(file.kind.rawValue)),
                ("payloads", .int(file.payloadCount)),
                ("error", .string(orNull: file.failure)),
                ("skipped", file.skipped.map { skip in
                    .object([("category", .string(skip.category.rawValue)), ("reason", .string(skip.detail))])
                } ?? .null),
                ("diagnostics", .int(file.diagnostics.count)),
            ]))
            for diagnostic in file.diagnostics { diagnostics.append(JSONReporter.object(for: diagnostic)) }
        }

        func finish(_ totals: ReportTotals, write: (String) -> Void) {
            let summary: ReportJSON = .object([
                ("files", .int(totals.files)),
                ("payloads", .int(totals.payloads)),
                ("errors", .int(totals.errors)),
                ("warnings", .int(totals.warnings)),
                ("infos", .int(totals.infos)),
                ("unreadable", .int(totals.unreadable)),
                ("linted", .int(totals.lintedFiles)),
                ("skipped", .int(totals.skippedFiles)),
                ("fixable", .int(totals.fixable)),
                ("unsafeFixable", .int(totals.unsafeFixable)),
            ])
            let configuration = totals.configuration
            let configurationObject: ReportJSON = .object([
                ("file", .string(orNull: configuration.file)),
                ("rulesOff", .array(configuration.rulesOff.map(ReportJSON.string))),
                ("rulesLowered", .array(configuration.rulesLowered.map(ReportJSON.string))),
                ("excludedFiles", .int(configuration.excludedFiles)),
            ])
            ReportJSON.object([
                ("version", .int(ToolInfo.jsonFormatVersion)),
                ("tool", .object([("name", .string(ToolInfo.name)), ("version", .string(ToolInfo.version))])),
                ("summary", summary),
                ("configuration", configurationObject),
                ("files", files.value),
                ("diagnostics", diagnostics.value),
            ]).render(write)
        }
    }

    static func object(for diagnostic: Diagnostic) -> ReportJSON {
        let range = diagnostic.range
        return .object([
            ("rule", .string(diagnostic.ruleID)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("message", .string(diagnostic.message)),
            ("file", .string(diagnostic.file)),
            ("line", .int(range.start.line)),
            ("column", .int(range.start.column)),
            ("endLine", .int(range.end.line)),
            ("endColumn", .int(range.end.column)),
            ("offset", .int(range.start.offset)),
            ("endOffset", .int(range.end.offset)),
            ("pointer", .string(diagnostic.pointer)),
            ("exception", .string(orNull: diagnostic.exception)),
            ("document", .int(diagnostic.documentIndex)),
            ("subject", .string(orNull: diagnostic.subject)),
            ("related", .array(diagnostic.related.map { related in
                .object([
                    ("file", .string(related.file)),
                    ("line", .int(related.range.start.line)),
                    ("column", .int(related.range.start.column)),
                    ("offset", .int(related.range.start.offset)),
                    ("endOffset", .int(related.range.end.offset)),
                    ("message", .string(related.message)),
                ])
            })),
            ("fix", diagnostic.fix.map { fix in
                .object([
                    ("applicability", .string(fix.applicability.rawValue)),
                    ("title", .string(fix.title)),
                    ("edits", .array(fix.edits.map { edit in
                        .object([
                            ("offset", .int(edit.offset)), ("endOffset", .int(edit.endOffset)),
                            ("replacement", .string(edit.replacement)),
                        ])
                    })),
                ])
            } ?? .null),
        ])
    }
}
