/// Compiler-style output for people:
///
/// ```
/// payload.json:3:12: error: The name contains a space [name-forbidden-character]
///   "name": "my activity",
///              ^
/// 1 error in 1 file (1 payload)
/// ```
///
/// Everything taken from user input (paths, messages, source lines) is terminal-escaped. Colour codes are written
/// only when `color` is true.
public struct TextReporter: StreamingReporter, Sendable {
    /// Whether to write ANSI colour and bold codes.
    public var color: Bool
    /// The widest source excerpt shown, in terminal columns; a longer line is cut to a window around the caret,
    /// with `…` where it was cut.
    public var maxSourceWidth: Int
    /// Whether to list every skipped file with its reason (`--show-skipped`, `-v`).
    public var showSkipped: Bool

    public init(color: Bool = false, maxSourceWidth: Int = 120, showSkipped: Bool = false) {
        self.color = color
        self.maxSourceWidth = max(maxSourceWidth, 20)
        self.showSkipped = showSkipped
    }

    public func render(file: FileResult) -> String {
        // One string grows for the whole file, each line ending in a line break: lines joined with `+` and then
        // with each other copied every piece several times over.
        var text = ""
        // Room for what a finding usually takes (its header, excerpt and caret), so that the many small appends do
        // not grow the string step by step.
        if !file.diagnostics.isEmpty { text.reserveCapacity(320 * file.diagnostics.count) }
        // Diagnostics come sorted by position, so several on one line are neighbours: decode each line once.
        var cachedLine: (number: Int, scalars: [Unicode.Scalar])?
        if let failure = file.failure {
            text += style(TerminalEscaping.escape(file.path) + ":", ANSI.bold) + " " + severityLabel(.error) + " "
                + TerminalEscaping.escape(failure) + "\n"
        }
        if showSkipped, let skip = file.skipped {
            text += style(TerminalEscaping.escape(file.path) + ":", ANSI.bold) + " skipped ("
                + Self.label(skip.category, plural: false) + "): " + TerminalEscaping.escape(skip.detail) + "\n"
        }
        for diagnostic in file.diagnostics {
            appendHeader(diagnostic, to: &text)
            if let source = file.sourceLines,
                let excerpt = excerpt(for: diagnostic.range, in: source, cache: &cachedLine)
            {
                text += excerpt.source
                text += "\n"
                text += style(excerpt.caret, ANSI.bold + ANSI.color(for: diagnostic.severity))
                text += "\n"
            }
            for related in diagnostic.related {
                text += "  "
                text += style("note:", ANSI.bold)
                text += " "
                appendLocation(file: related.file, range: related.range, to: &text)
                text += ": "
                text += TerminalEscaping.escape(related.message)
                text += "\n"
            }
        }
        return text
    }

    /// The counts in bold, then the configuration the run used.
    public func summary(_ totals: ReportTotals, afterOutput: Bool) -> String {
        (afterOutput ? "\n" : "") + style(Self.summary(totals), ANSI.bold) + "\n"
            + TerminalEscaping.escape(totals.configuration.sentence) + "\n"
    }

    // MARK: - Pieces

    /// `file:line:column: severity: message [rule]`, and `[*]` when `--fix` resolves it (as ruff marks fixable
    /// findings).
    private func appendHeader(_ diagnostic: Diagnostic, to text: inout String) {
        if color { text += ANSI.bold }
        appendLocation(file: diagnostic.file, range: diagnostic.range, to: &text)
        text += ":"
        if color { text += ANSI.reset }
        text += " "
        text += severityLabel(diagnostic.severity)
        text += " "
        text += TerminalEscaping.escape(diagnostic.messageWithSubject)
        text += " ["
        text += TerminalEscaping.escape(diagnostic.ruleID)
        text += "]"
        if diagnostic.fix?.applicability == .safe { text += " [*]" }
        text += "\n"
    }

    private func appendLocation(file: String, range: SourceRange, to text: inout String) {
        text += TerminalEscaping.escape(file)
        text += ":"
        text += String(range.start.line)
        text += ":"
        text += String(range.start.column)
    }

    private func severityLabel(_ severity: Severity) -> String {
        style(severity.rawValue + ":", ANSI.bold + ANSI.color(for: severity))
    }

    private func style(_ text: String, _ codes: String) -> String {
        color ? codes + text + ANSI.reset : text
    }

    /// The quoted source line and its caret line for a range, or nil when the line does not exist.
    private func excerpt(
        for range: SourceRange, in source: SourceLines, cache: inout (number: Int, scalars: [Unicode.Scalar])?
    ) -> (source: String, caret: String)? {
        let lineNumber = range.start.line
        let scalars: [Unicode.Scalar]
        if let cache, cache.number == lineNumber {
            scalars = cache.scalars
        } else {
            guard let line = source.line(lineNumber) else { return nil }
            scalars = Array(line.unicodeScalars)
            cache = (lineNumber, scalars)
        }
        let endColumn: Int? = range.end.line == lineNumber ? range.end.column : nil
        return Self.excerpt(
            scalars: scalars, startColumn: range.start.column, endColumn: endColumn, maxWidth: maxSourceWidth)
    }

    /// Renders one source line and a caret line under columns `startColumn..<endColumn` (1-based, in Unicode
    /// scalars; `endColumn` nil means to the end of the line). Both lines come from the same per-scalar cells, so
    /// tabs, escapes, wide and zero-width characters keep the caret aligned. A line wider than `maxWidth` columns is
    /// cut to a window around the caret, with `…` where it was cut.
    static func excerpt(line: String, startColumn: Int, endColumn: Int?, maxWidth: Int) -> (
        source: String, caret: String
    ) {
        excerpt(scalars: Array(line.unicodeScalars), startColumn: startColumn, endColumn: endColumn, maxWidth: maxWidth)
    }

    static func excerpt(scalars: [Unicode.Scalar], startColumn: Int, endColumn: Int?, maxWidth: Int) -> (
        source: String, caret: String
    ) {
        let lineStart = min(max(startColumn - 1, 0), scalars.count)
        // Only a neighbourhood of the caret can be shown; measuring just that keeps a huge minified line with many
        // findings from costing its whole length per finding.
        let reach = maxWidth * 4
        let lower = max(0, lineStart - reach)
        let upper = min(scalars.count, lineStart + reach)
        // Printable ASCII shows as itself, one column each: no cell needs working out.
        let isPrintableASCII = scalars[lower..<upper].allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
        let cells = isPrintableASCII ? [] : scalars[lower..<upper].map(TerminalEscaping.sourceCell)
        let count = upper - lower
        // cellStart[i] is the display column (0-based) where cell i starts; cellStart[count] is the total width.
        var cellStart = [0]
        if isPrintableASCII {
            cellStart = Array(0...count)
        } else {
            cellStart.reserveCapacity(count + 1)
            for cell in cells { cellStart.append(cellStart[cellStart.count - 1] + cell.width) }
        }
        let totalWidth = cellStart[count]

        let start = lineStart - lower
        let end = endColumn.map { min(max($0 - 1 - lower, start), count) } ?? count
        let caretColumn = cellStart[start]

        var first = 0
        var last = count
        if totalWidth > maxWidth || lower > 0 || upper < scalars.count {
            let budget = maxWidth - 2  // room for the two `…` markers
            let needed = max(totalWidth, caretColumn + 1)
            let windowStart = min(max(0, caretColumn - budget / 3), max(0, needed - budget))
            while first < start, cellStart[first] < windowStart { first += 1 }
            last = first
            while last < count, cellStart[last + 1] - cellStart[first] <= budget { last += 1 }
            last = max(last, min(start + 1, count))
        }
        let cutLeft = first > 0 || lower > 0
        let cutRight = last < count || upper < scalars.count

        var sourceLine = cutLeft ? "…" : ""
        if isPrintableASCII {
            // As bytes, made into text once: appending scalars to a string one by one costs ~40x more.
            let shown = scalars[(lower + first)..<(lower + last)].map { UInt8(truncatingIfNeeded: $0.value) }
            sourceLine += String(decoding: shown, as: UTF8.self)
        } else {
            for cell in cells[first..<last] { sourceLine += cell.text }
        }
        if cutRight { sourceLine += "…" }

        let padding = (cutLeft ? 1 : 0) + caretColumn - cellStart[first]
        let underlineEnd = min(cellStart[end], cellStart[last])
        let underline = max(1, underlineEnd - caretColumn)
        let caretLine = String(repeating: " ", count: padding) + "^" + String(repeating: "~", count: underline - 1)
        return (sourceLine, caretLine)
    }

    /// `3 errors, 1 warning in 2 of 5 files (7 payloads)`, or `No problems found in 5 files (7 payloads)`, plus
    /// `; 31 skipped (not activity documents)` and `, 1 file could not be read` when so. File counts are of linted
    /// inputs.
    static func summary(_ totals: ReportTotals) -> String {
        let errors = totals.errors
        let warnings = totals.warnings
        let infos = totals.infos
        let unreadable = totals.unreadable
        let withProblems = totals.filesWithProblems
        let linted = max(totals.lintedFiles, withProblems)
        let payloads = totals.payloads

        var counts: [String] = []
        if errors > 0 { counts.append(plural(errors, "error")) }
        if warnings > 0 { counts.append(plural(warnings, "warning")) }
        if infos > 0 { counts.append(plural(infos, "info")) }

        var text: String
        if counts.isEmpty {
            text = "No problems found in " + plural(linted, "file")
        } else if linted == 1 {
            text = counts.joined(separator: ", ") + " in 1 file"
        } else {
            text = counts.joined(separator: ", ") + " in " + String(withProblems) + " of " + plural(linted, "file")
        }
        text += " (" + plural(payloads, "payload") + ")"
        if let skipped = skippedSummary(totals.skipped) { text += "; " + skipped }
        if unreadable > 0 { text += ", " + plural(unreadable, "file") + " could not be read" }
        if totals.fixesApplied > 0 {
            text += "\nFixed " + plural(totals.fixesApplied, "problem") + " in " + plural(totals.filesFixed, "file")
        }
        if let fixable = fixableSummary(totals) { text += "\n" + fixable }
        return text
    }

    /// `[*] 3 fixable with --fix (1 more with --unsafe-fixes)`, or nil when nothing is fixable.
    static func fixableSummary(_ totals: ReportTotals) -> String? {
        switch (totals.fixable, totals.unsafeFixable) {
        case (0, 0): nil
        case (let safe, 0): "[*] \(safe) fixable with --fix"
        case (0, let unsafe): "\(unsafe) unsafe fix\(unsafe == 1 ? "" : "es") available with --fix --unsafe-fixes"
        case (let safe, let unsafe): "[*] \(safe) fixable with --fix (\(unsafe) more with --unsafe-fixes)"
        }
    }

    /// `31 skipped (not activity documents)`, or with each reason counted when there are several.
    static func skippedSummary(_ skipped: [SkipReason.Category: Int]) -> String? {
        let counts = SkipReason.Category.allCases.compactMap { category in
            skipped[category].flatMap { $0 > 0 ? (category, $0) : nil }
        }
        guard !counts.isEmpty else { return nil }
        let total = counts.reduce(0) { $0 + $1.1 }
        if counts.count == 1 { return "\(total) skipped (\(label(counts[0].0, plural: counts[0].1 != 1)))" }
        let parts = counts.map { "\($0.1) \(label($0.0, plural: $0.1 != 1))" }
        return "\(total) skipped (" + parts.joined(separator: ", ") + ")"
    }

    static func label(_ category: SkipReason.Category, plural: Bool) -> String {
        switch category {
        case .notActivity: plural ? "not activity documents" : "not an activity document"
        case .outsideRepository: plural ? "links out of the repository" : "a link out of the repository"
        case .linterFile: plural ? "the linter's own files" : "the linter's own file"
        case .excluded: "excluded by the configuration"
        }
    }

    private static func plural(_ count: Int, _ noun: String) -> String {
        String(count) + " " + noun + (count == 1 ? "" : "s")
    }
}

/// The few SGR codes the text reporter uses.
enum ANSI {
    static let reset = "\u{1B}[0m"
    static let bold = "\u{1B}[1m"
    static let red = "\u{1B}[31m"
    static let yellow = "\u{1B}[33m"
    static let cyan = "\u{1B}[36m"

    static func color(for severity: Severity) -> String {
        switch severity {
        case .error: red
        case .warning: yellow
        case .info: cyan
        }
    }
}
