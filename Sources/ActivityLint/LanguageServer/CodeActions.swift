/// `textDocument/codeAction` answers: a quick fix for each diagnostic with a fix, every safe fix of the file at
/// once (`source.fixAll.activity-lint`), and, in YAML, a suppression comment above the line.
struct CodeActions {
    static let fixAllKind = "source.fixAll.activity-lint"
    /// Findings about the file as a whole, or about the comments themselves, which a line's comment cannot hide.
    static let unsuppressible: Set<String> = [
        "syntax-error", "invalid-encoding", "empty-file", "file-too-large", "nesting-too-deep", "alias-limit",
        "too-many-findings", Suppressions.unusedRuleID,
    ]

    let document: OpenDocument
    let diagnostics: [Diagnostic]
    let protocolDiagnostics: ProtocolDiagnostics
    let isYAML: Bool

    /// The actions for the diagnostics on the lines `lines` (1-based) touches, of the kinds `only` admits. Lines,
    /// not characters: an editor asks with the cursor's position, which is seldom inside the underlined text.
    func actions(lines: ClosedRange<Int>, only: [String]?) -> [JSONValue] {
        let touching = diagnostics.filter { $0.range.start.line <= lines.upperBound && $0.range.end.line >= lines.lowerBound }
        var actions: [JSONValue] = []
        if Self.admits("quickfix", only: only) {
            for diagnostic in touching {
                if let fix = diagnostic.fix { actions.append(quickFix(fix, for: diagnostic)) }
            }
            if isYAML {
                var seen: Set<String> = []
                for diagnostic in touching where !Self.unsuppressible.contains(diagnostic.ruleID) {
                    let key = "\(diagnostic.range.start.line) \(diagnostic.ruleID)"
                    if seen.insert(key).inserted { actions.append(suppression(diagnostic)) }
                }
            }
        }
        // A fix-all is asked for by kind (on save); offered beside quick fixes only when it does more than one.
        let safe = diagnostics.filter { $0.fix?.applicability == .safe }
        let asked = only.map { Self.admits(Self.fixAllKind, only: $0) } ?? (safe.count > 1 && !touching.isEmpty)
        if asked, !safe.isEmpty {
            actions.append(.object([
                ("title", .string("Fix all safe activity-lint problems in this file")),
                ("kind", .string(Self.fixAllKind)),
                ("edit", workspaceEdit(Self.nonOverlapping(safe.flatMap { $0.fix!.edits }))),
            ]))
        }
        return actions
    }

    private func quickFix(_ fix: Fix, for diagnostic: Diagnostic) -> JSONValue {
        let title = fix.applicability == .safe
            ? fix.title
            : fix.title + " (unsafe: changes what AWS creates, so CloudFormation replaces the activity)"
        return .object([
            ("title", .string(title)),
            ("kind", .string("quickfix")),
            ("diagnostics", .array([protocolDiagnostics.json(diagnostic)])),
            ("isPreferred", .bool(fix.applicability == .safe)),
            ("edit", workspaceEdit(fix.edits)),
        ])
    }

    /// `# activity-lint: disable-next-line RULE` on a line of its own above the diagnostic's line, indented as
    /// that line is, with the document's line break.
    private func suppression(_ diagnostic: Diagnostic) -> JSONValue {
        let source = document.source
        let lineStart = source.lineStarts[max(0, min(diagnostic.range.start.line, source.lineStarts.count) - 1)]
        var indentEnd = lineStart
        while indentEnd < source.bytes.count, source.bytes[indentEnd] == 0x20 || source.bytes[indentEnd] == 0x09 {
            indentEnd += 1
        }
        let indent = String(decoding: source.bytes[lineStart..<indentEnd], as: UTF8.self)
        let comment = "\(indent)# activity-lint: disable-next-line \(diagnostic.ruleID)\(lineBreak(after: lineStart))"
        let edit = TextEdit(offset: lineStart, endOffset: lineStart, replacement: comment)
        return .object([
            ("title", .string("Suppress \(diagnostic.ruleID) on this line")),
            ("kind", .string("quickfix")),
            ("diagnostics", .array([protocolDiagnostics.json(diagnostic)])),
            ("isPreferred", .bool(false)),
            ("edit", workspaceEdit([edit])),
        ])
    }

    /// The line break the line at `offset` ends with (LF when it has none).
    private func lineBreak(after offset: Int) -> String {
        let bytes = document.bytes
        guard let end = bytes[offset...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return "\n" }
        return bytes[end] == 0x0D ? (end + 1 < bytes.count && bytes[end + 1] == 0x0A ? "\r\n" : "\r") : "\n"
    }

    private func workspaceEdit(_ edits: [TextEdit]) -> JSONValue {
        let converter = protocolDiagnostics.converter
        let positions = converter.positions(of: edits.flatMap { [$0.offset, $0.endOffset] })
        let changes: [JSONValue] = edits.map { edit in
            .object([
                ("range", .object([("start", positions[edit.offset]!.json), ("end", positions[edit.endOffset]!.json)])),
                ("newText", .string(edit.replacement)),
            ])
        }
        return .object([("changes", .object([(document.uri, .array(changes))]))])
    }

    /// Edits in file order, leaving out any that overlaps one before it (two fixes of one place).
    static func nonOverlapping(_ edits: [TextEdit]) -> [TextEdit] {
        var kept: [TextEdit] = []
        for edit in edits.sorted(by: { ($0.offset, $0.endOffset) < ($1.offset, $1.endOffset) }) {
            if let last = kept.last, edit.offset < last.endOffset || (edit.offset == last.offset && edit.offset == edit.endOffset) {
                continue
            }
            kept.append(edit)
        }
        return kept
    }

    /// Whether an action of `kind` is among those asked for: `only` names kinds or their parents (`source`).
    static func admits(_ kind: String, only: [String]?) -> Bool {
        guard let only else { return true }
        return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
    }
}
