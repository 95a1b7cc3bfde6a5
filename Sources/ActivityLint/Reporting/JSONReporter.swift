/// The `--format json` contract, version `ToolInfo.jsonFormatVersion`.
///
/// Pretty-printed with two-space indentation, keys in a fixed order, UTF-8, ending with a newline:
///
/// ```
/// {
///   "version": 1,
///   "tool": { "name": "activity-lint", "version": "0.1.0" },
///   "summary": { "files", "payloads", "errors", "warnings", "infos", "unreadable" },
///   "files": [ { "path", "payloads", "error": null | "why it could not be read", "diagnostics": count } ],
///   "diagnostics": [ { "rule", "severity", "message", "file", "line", "column", "endLine", "endColumn",
///                      "offset", "endOffset", "pointer", "exception": null | "InvalidName", "document" } ]
/// }
/// ```
///
/// Every input appears in `files` in report order; `diagnostics` lists files in that order and each file's
/// diagnostics in its order. Lines and columns are 1-based (columns count Unicode scalars), offsets are 0-based
/// byte offsets, ranges are half-open. Strings are escaped so the output is valid JSON for any input.
public struct JSONReporter: Reporter, Sendable {
    public init() {}

    public func render(_ report: LintReport) -> String {
        document(for: report).rendered()
    }

    func document(for report: LintReport) -> ReportJSON {
        let diagnostics = report.diagnostics
        let summary: ReportJSON = .object([
            ("files", .int(report.files.count)),
            ("payloads", .int(report.files.reduce(0) { $0 + $1.payloadCount })),
            ("errors", .int(diagnostics.count { $0.severity == .error })),
            ("warnings", .int(diagnostics.count { $0.severity == .warning })),
            ("infos", .int(diagnostics.count { $0.severity == .info })),
            ("unreadable", .int(report.files.count { $0.failure != nil })),
        ])
        let files = report.files.map { file -> ReportJSON in
            .object([
                ("path", .string(file.path)),
                ("payloads", .int(file.payloadCount)),
                ("error", .string(orNull: file.failure)),
                ("diagnostics", .int(file.diagnostics.count)),
            ])
        }
        return .object([
            ("version", .int(ToolInfo.jsonFormatVersion)),
            ("tool", .object([("name", .string(ToolInfo.name)), ("version", .string(ToolInfo.version))])),
            ("summary", summary),
            ("files", .array(files)),
            ("diagnostics", .array(diagnostics.map(Self.object(for:)))),
        ])
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
        ])
    }
}
