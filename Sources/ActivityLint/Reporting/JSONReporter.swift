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
        object.key("path", in: &text)
        text.append(quoted: file.path)
        object.key("kind", in: &text)
        text.append(quoted: file.kind.rawValue)
        object.key("payloads", in: &text)
        text.append(file.payloadCount)
        object.key("error", in: &text)
        text.append(quotedOrNull: file.failure)
        object.key("skipped", in: &text)
        if let skip = file.skipped {
            var skipped = JSONContainerText(object: true, indent: indent + 1, in: &text)
            skipped.key("category", in: &text)
            text.append(quoted: skip.category.rawValue)
            skipped.key("reason", in: &text)
            text.append(quoted: skip.detail)
            skipped.end(in: &text)
        } else {
            text.append("null")
        }
        object.key("diagnostics", in: &text)
        text.append(file.diagnostics.count)
        object.end(in: &text)
    }

    static func write(_ diagnostic: Diagnostic, to text: inout ReportText, indent: Int) {
        let range = diagnostic.range
        var object = JSONContainerText(object: true, indent: indent, in: &text)
        object.key("rule", in: &text)
        text.append(quoted: diagnostic.ruleID)
        object.key("severity", in: &text)
        text.append(quoted: diagnostic.severity.rawValue)
        object.key("message", in: &text)
        text.append(quoted: diagnostic.message)
        object.key("file", in: &text)
        text.append(quoted: diagnostic.file)
        object.key("line", in: &text)
        text.append(range.start.line)
        object.key("column", in: &text)
        text.append(range.start.column)
        object.key("endLine", in: &text)
        text.append(range.end.line)
        object.key("endColumn", in: &text)
        text.append(range.end.column)
        object.key("offset", in: &text)
        text.append(range.start.offset)
        object.key("endOffset", in: &text)
        text.append(range.end.offset)
        object.key("pointer", in: &text)
        text.append(quoted: diagnostic.pointer)
        object.key("exception", in: &text)
        text.append(quotedOrNull: diagnostic.exception)
        object.key("document", in: &text)
        text.append(diagnostic.documentIndex)
        object.key("subject", in: &text)
        text.append(quotedOrNull: diagnostic.subject)
        object.key("related", in: &text)
        var related = JSONContainerText(object: false, indent: indent + 1, in: &text)
        for location in diagnostic.related {
            related.nextElement(in: &text)
            var entry = JSONContainerText(object: true, indent: indent + 2, in: &text)
            entry.key("file", in: &text)
            text.append(quoted: location.file)
            entry.key("line", in: &text)
            text.append(location.range.start.line)
            entry.key("column", in: &text)
            text.append(location.range.start.column)
            entry.key("offset", in: &text)
            text.append(location.range.start.offset)
            entry.key("endOffset", in: &text)
            text.append(location.range.end.offset)
            entry.key("message", in: &text)
            text.append(quoted: location.message)
            entry.end(in: &text)
        }
        related.end(in: &text)
        object.key("fix", in: &text)
        if let fix = diagnostic.fix {
            var fixObject = JSONContainerText(object: true, indent: indent + 1, in: &text)
            fixObject.key("applicability", in: &text)
            text.append(quoted: fix.applicability.rawValue)
            fixObject.key("title", in: &text)
            text.append(quoted: fix.title)
            fixObject.key("edits", in: &text)
            var edits = JSONContainerText(object: false, indent: indent + 2, in: &text)
            for edit in fix.edits {
                edits.nextElement(in: &text)
                var entry = JSONContainerText(object: true, indent: indent + 3, in: &text)
                entry.key("offset", in: &text)
                text.append(edit.offset)
                entry.key("endOffset", in: &text)
                text.append(edit.endOffset)
                entry.key("replacement", in: &text)
                text.append(quoted: edit.replacement)
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
