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
            files.append { text, indent in JSONReporter.write(file, to: &text, indent: indent) }
            for diagnostic in file.diagnostics {
                diagnostics.append { text, indent in JSONReporter.write(diagnostic, to: &text, indent: indent) }
            }
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

    // Files and diagnostics are written straight into the report's text, member by member: a run has one of each
    // per input and per finding, and building a `ReportJSON` for each first cost as much as writing it.

    static func write(_ file: FileResult, to text: inout ReportText, indent: Int) {
        var object = JSONContainerText(object: true, indent: indent, in: &text)
        object.member("path", quoting: file.path, in: &text)
        object.member("kind", quoting: file.kind.rawValue, in: &text)
        object.member("payloads", file.payloadCount, in: &text)
        object.member("error", quoting: file.failure, in: &text)
        object.key("skipped", in: &text)
        if let skip = file.skipped {
            var skipped = JSONContainerText(object: true, indent: indent + 1, in: &text)
            skipped.member("category", quoting: skip.category.rawValue, in: &text)
            skipped.member("reason", quoting: skip.detail, in: &text)
            skipped.end(in: &text)
        } else {
            text.append("null")
        }
        object.member("diagnostics", file.diagnostics.count, in: &text)
        object.end(in: &text)
    }

    static func write(_ diagnostic: Diagnostic, to text: inout ReportText, indent: Int) {
        let range = diagnostic.range
        var object = JSONContainerText(object: true, indent: indent, in: &text)
        object.member("rule", quoting: diagnostic.ruleID, in: &text)
        object.member("severity", quoting: diagnostic.severity.rawValue, in: &text)
        object.member("message", quoting: diagnostic.message, in: &text)
        object.member("file", quoting: diagnostic.file, in: &text)
        object.member("line", range.start.line, in: &text)
        object.member("column", range.start.column, in: &text)
        object.member("endLine", range.end.line, in: &text)
        object.member("endColumn", range.end.column, in: &text)
        object.member("offset", range.start.offset, in: &text)
        object.member("endOffset", range.end.offset, in: &text)
        object.member("pointer", quoting: diagnostic.pointer, in: &text)
        object.member("exception", quoting: diagnostic.exception, in: &text)
        object.member("document", diagnostic.documentIndex, in: &text)
        object.member("subject", quoting: diagnostic.subject, in: &text)
        object.key("related", in: &text)
        var related = JSONContainerText(object: false, indent: indent + 1, in: &text)
        for location in diagnostic.related {
            related.nextElement(in: &text)
            var entry = JSONContainerText(object: true, indent: indent + 2, in: &text)
            entry.member("file", quoting: location.file, in: &text)
            entry.member("line", location.range.start.line, in: &text)
            entry.member("column", location.range.start.column, in: &text)
            entry.member("offset", location.range.start.offset, in: &text)
            entry.member("endOffset", location.range.end.offset, in: &text)
            entry.member("message", quoting: location.message, in: &text)
            entry.end(in: &text)
        }
        related.end(in: &text)
        object.key("fix", in: &text)
        if let fix = diagnostic.fix {
            var fixObject = JSONContainerText(object: true, indent: indent + 1, in: &text)
            fixObject.member("applicability", quoting: fix.applicability.rawValue, in: &text)
            fixObject.member("title", quoting: fix.title, in: &text)
            fixObject.key("edits", in: &text)
            var edits = JSONContainerText(object: false, indent: indent + 2, in: &text)
            for edit in fix.edits {
                edits.nextElement(in: &text)
                var entry = JSONContainerText(object: true, indent: indent + 3, in: &text)
                entry.member("offset", edit.offset, in: &text)
                entry.member("endOffset", edit.endOffset, in: &text)
                entry.member("replacement", quoting: edit.replacement, in: &text)
                entry.end(in: &text)
            }
            edits.end(in: &text)
            fixObject.end(in: &text)
        } else {
            text.append("null")
        }
        object.end(in: &text)
    }
}
