import Foundation
import Testing

@_spi(Internals) @testable import ActivityLint

// MARK: - Fixtures

private let nameRule = RuleDescriptor(
    id: "name-forbidden-character", validator: "forbidden-characters", severity: .error, exception: "InvalidName",
    summary: "Activity names must not contain whitespace, wildcards or control characters",
    documentation: """
        # Forbidden characters

        AWS rejects names with **spaces**, `*`, `?` and more; see [CreateActivity](https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateActivity.html).

        ```json
        {"name": "my activity"}
        ```
        """)
private let tagsRule = RuleDescriptor(
    id: "tags-empty", validator: "tags", severity: .warning, exception: nil, summary: "The tag list is empty.",
    documentation: "")
private let yamlRule = RuleDescriptor(
    id: "yaml11-boolean", validator: "yaml11", severity: .info, exception: nil,
    summary: "A YAML 1.1 loader reads this differently", documentation: "PyYAML reads `yes` as true.")
private let allRules = [nameRule, tagsRule, yamlRule]

/// A diagnostic whose positions come from `source` itself, so offsets and columns are consistent.
private func diagnostic(
    _ rule: String, _ severity: Severity, _ message: String, file: String = "payload.json",
    in source: SourceText, line: Int, column: Int, endLine: Int? = nil, endColumn: Int,
    pointer: String = "", exception: String? = nil, document: Int = 0
) -> Diagnostic {
    let start = source.position(atOffset: source.offset(line: line, column: column))
    let end = source.position(atOffset: source.offset(line: endLine ?? line, column: endColumn))
    return Diagnostic(
        ruleID: rule, severity: severity, message: message, file: file, range: SourceRange(start: start, end: end),
        pointer: pointer, exception: exception, documentIndex: document)
}

private func diagnostic(
    _ rule: String, _ message: String, file: String = "payload.json", in source: SourceText, line: Int,
    column: Int, endLine: Int? = nil, endColumn: Int, pointer: String = "", exception: String? = nil,
    document: Int = 0
) -> Diagnostic {
    diagnostic(
        rule, .error, message, file: file, in: source, line: line, column: column, endLine: endLine,
        endColumn: endColumn, pointer: pointer, exception: exception, document: document)
}

private let payloadText = "{\n  \"name\": \"my activity\",\n  \"tags\": []\n}\n"

private func sampleReport() -> LintReport {
    let source = SourceText(payloadText)
    let file = FileResult(
        path: "payload.json", source: source, payloadCount: 1,
        diagnostics: [
            diagnostic(
                "name-forbidden-character", "Activity name contains a space", in: source, line: 2, column: 14,
                endColumn: 15, pointer: "/name", exception: "InvalidName"),
            diagnostic(
                "tags-empty", .warning, "Empty tag list", in: source, line: 3, column: 11, endColumn: 13,
                pointer: "/tags"),
        ])
    let missing = FileResult(path: "missing.yaml", source: nil, failure: "No such file or directory")
    return LintReport(files: [file, missing], rules: allRules)
}

private func parseJSON(_ text: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [])
    return try #require(object as? [String: Any])
}

private let nasty =
    "q\"b\\s/n\nt\tr\rnul\u{0}esc\u{1B}[31mdel\u{7F}c1\u{85}csi\u{9B}ls\u{2028}ps\u{2029}rlo\u{202E}😀é"

// MARK: - Escaping

@Suite("Reporter escaping")
struct ReporterEscapingTests {
    @Test func terminalEscapingReplacesControls() {
        #expect(TerminalEscaping.escape("a\tb\nc\rd\u{1B}[2Je") == "a\\tb\\nc\\rd\\e[2Je")
        #expect(TerminalEscaping.escape("\u{0}\u{7}\u{7F}\u{9B}") == "\\u{0000}\\u{0007}\\u{007F}\\u{009B}")
        #expect(TerminalEscaping.escape("\u{2028}\u{2029}\u{200E}\u{200F}") == "\\u{2028}\\u{2029}\\u{200E}\\u{200F}")
        #expect(
            TerminalEscaping.escape("\u{202A}\u{202E}\u{2066}\u{2069}") == "\\u{202A}\\u{202E}\\u{2066}\\u{2069}")
        #expect(TerminalEscaping.escape("back\\slash é 😀") == "back\\slash é 😀")
    }

    @Test func terminalEscapingLeavesNoRawControl() {
        let escaped = TerminalEscaping.escape(nasty)
        #expect(!escaped.unicodeScalars.contains { TerminalEscaping.needsEscape($0) })
    }

    @Test func jsonEscaping() {
        #expect(JSONStringEscaper.quoted("a\"b\\c/d") == "\"a\\\"b\\\\c/d\"")
        #expect(JSONStringEscaper.escape("\u{8}\u{C}\n\r\t") == "\\b\\f\\n\\r\\t")
        #expect(JSONStringEscaper.escape("\u{0}\u{1F}\u{1B}") == "\\u0000\\u001f\\u001b")
        #expect(JSONStringEscaper.escape("\u{7F}\u{9F}\u{2028}\u{2029}") == "\\u007f\\u009f\\u2028\\u2029")
        #expect(JSONStringEscaper.escape("é😀") == "é😀")
        // Each alone amid text that needs no escape, which is kept as it is around it.
        for (special, escaped) in [("\u{85}", "\\u0085"), ("\u{2028}", "\\u2028"), ("\u{2029}", "\\u2029"), ("\u{1}", "\\u0001"), ("\u{7F}", "\\u007f")] {
            #expect(JSONStringEscaper.escape("ab" + special + "é") == "ab" + escaped + "é")
        }
        #expect(JSONStringEscaper.escape("\u{A8}\u{2027}\u{202A}") == "\u{A8}\u{2027}\u{202A}")
    }

    @Test func jsonEscapingRoundTrips() throws {
        let literal = JSONStringEscaper.quoted(nasty)
        let decoded = try JSONSerialization.jsonObject(with: Data(literal.utf8), options: [.fragmentsAllowed])
        #expect(decoded as? String == nasty)
    }
}

// MARK: - Text

@Suite("Reporter text")
struct TextReporterTests {
    @Test func goldenOutput() {
        let output = TextReporter(color: false).render(sampleReport())
        let expected = """
            payload.json:2:14: error: Activity name contains a space [name-forbidden-character]
              "name": "my activity",
                         ^
            payload.json:3:11: warning: Empty tag list [tags-empty]
              "tags": []
                      ^~
            missing.yaml: error: No such file or directory

            1 error, 1 warning in 1 file (1 payload), 1 file could not be read
            Configuration: none (every built-in rule at its default severity)

            """
        #expect(output == expected)
    }

    @Test func caretUnderAstralCharacterAndAfterIt() {
        // The emoji is one column in our positions but two cells in a terminal.
        let onEmoji = TextReporter.excerpt(line: "x😀y", startColumn: 2, endColumn: 3, maxWidth: 120)
        #expect(onEmoji.source == "x😀y")
        #expect(onEmoji.caret == " ^~")
        let afterEmoji = TextReporter.excerpt(line: "x😀y", startColumn: 3, endColumn: 4, maxWidth: 120)
        #expect(afterEmoji.caret == "   ^")
        let wide = TextReporter.excerpt(line: "名前: x", startColumn: 5, endColumn: 6, maxWidth: 120)
        #expect(wide.caret == "      ^")
    }

    @Test func caretThroughTheWholeReporter() {
        let source = SourceText("{\"name\": \"a😀\tb\"}")
        // `b` is at column 14: the emoji and the tab are one column each.
        let bColumn = source.position(atOffset: Array(source.bytes).firstIndex(of: UInt8(ascii: "b"))!).column
        #expect(bColumn == 14)
        let report = LintReport(
            files: [
                FileResult(
                    path: "p.json", source: source, payloadCount: 1,
                    diagnostics: [
                        diagnostic(
                            "name-forbidden-character", "x", file: "p.json", in: source, line: 1, column: 12,
                            endColumn: 15)
                    ])
            ], rules: allRules)
        let lines = TextReporter().render(report).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == "{\"name\": \"a😀 b\"}")
        // Column 12 is the emoji (2 cells), then the tab (1 cell), then `b`.
        #expect(lines[2] == "           ^~~~")
    }

    @Test func caretAfterTab() {
        let excerpt = TextReporter.excerpt(line: "\t\tkey: v", startColumn: 3, endColumn: 6, maxWidth: 120)
        #expect(excerpt.source == "  key: v")
        #expect(excerpt.caret == "  ^~~")
    }

    @Test func controlCharactersInSourceLineKeepCaretAligned() {
        let excerpt = TextReporter.excerpt(line: "\"a\u{1B}[2Jb\u{7}c\"", startColumn: 3, endColumn: 4, maxWidth: 120)
        #expect(excerpt.source == "\"a\\e[2Jb\\u{0007}c\"")
        #expect(excerpt.caret == "  ^~")
        let bell = TextReporter.excerpt(line: "\"a\u{1B}[2Jb\u{7}c\"", startColumn: 8, endColumn: 9, maxWidth: 120)
        #expect(bell.caret == "        ^~~~~~~~")
    }

    @Test func emptyRangeAndRangePastEndOfLine() {
        let empty = TextReporter.excerpt(line: "abc", startColumn: 2, endColumn: 2, maxWidth: 120)
        #expect(empty.caret == " ^")
        let atEnd = TextReporter.excerpt(line: "abc", startColumn: 4, endColumn: 4, maxWidth: 120)
        #expect(atEnd.caret == "   ^")
        let multiLine = TextReporter.excerpt(line: "abcdef", startColumn: 3, endColumn: nil, maxWidth: 120)
        #expect(multiLine.caret == "  ^~~~")
    }

    @Test func multiLineRangeUnderlinesToEndOfFirstLine() {
        let source = SourceText("{\n  \"tags\": [\n  ]\n}")
        let report = LintReport(
            files: [
                FileResult(
                    path: "t.json", source: source,
                    diagnostics: [
                        diagnostic(
                            "tags-empty", .warning, "Empty", file: "t.json", in: source, line: 2, column: 11,
                            endLine: 3, endColumn: 4)
                    ])
            ], rules: allRules)
        let lines = TextReporter().render(report).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == "  \"tags\": [")
        #expect(lines[2] == "          ^")
    }

    @Test func longLinesAreCutToAWindowAroundTheCaret() {
        for column in [1, 5, 60, 300, 495, 500, 501] {
            var scalars = Array(repeating: "a", count: 500)
            if column <= 500 { scalars[column - 1] = "X" }
            let line = scalars.joined()
            let excerpt = TextReporter.excerpt(line: line, startColumn: column, endColumn: column + 1, maxWidth: 120)
            let shown = Array(excerpt.source.unicodeScalars)
            #expect(shown.count <= 120, "column \(column)")
            let caretIndex = excerpt.caret.firstIndex(of: "^").map {
                excerpt.caret.distance(from: excerpt.caret.startIndex, to: $0)
            }!
            if column <= 500 {
                #expect(shown[caretIndex] == "X", "column \(column)")
            } else {
                #expect(caretIndex == shown.count, "column \(column)")
            }
            #expect(excerpt.source.hasPrefix("…") == (column > 40), "column \(column)")
            #expect(excerpt.source.hasSuffix("…") == (column < 400), "column \(column)")
        }
        // Zero-width scalars (combining marks) take no columns: the window still holds the caret.
        let marks =
            String(repeating: "e\u{301}\u{301}\u{301}", count: 400) + "X" + String(repeating: "\u{301}", count: 2000)
        let markColumn = 1600 + 1
        let marked = TextReporter.excerpt(
            line: marks, startColumn: markColumn, endColumn: markColumn + 1, maxWidth: 120)
        // (Compare scalars: the combining marks join `X` and `…` into other grapheme clusters.)
        #expect(marked.source.unicodeScalars.contains("X"))
        #expect(marked.source.unicodeScalars.first == "…" && marked.source.unicodeScalars.last == "…")
        let short = TextReporter.excerpt(
            line: String(repeating: "a", count: 120), startColumn: 1, endColumn: 2, maxWidth: 120)
        #expect(!short.source.contains("…"))
    }

    @Test func userTextIsEscaped() {
        let source = SourceText("{\"name\": \"a\u{1B}[2J\u{9B}b\"}\n")
        let report = LintReport(
            files: [
                FileResult(
                    path: "dir/\u{1B}]0;title\u{7}.json", source: source, payloadCount: 1,
                    diagnostics: [
                        diagnostic(
                            "name-forbidden-character", "Bad \u{1B}[31mname\u{1B}[0m\nline\u{202E}",
                            file: "x\u{1B}.json",
                            in: source, line: 1, column: 12, endColumn: 13)
                    ]),
                FileResult(path: "bad\u{1B}[1m.json", source: nil, failure: "Cannot read \u{1B}[5m\u{2028}"),
            ], rules: allRules)
        for color in [false, true] {
            let output = TextReporter(color: color).render(report)
            // No ESC except the reporter's own SGR codes, no C1, no separators or bidi controls.
            let withoutOwnCodes = [ANSI.reset, ANSI.bold, ANSI.red, ANSI.yellow, ANSI.cyan].reduce(output) {
                $0.replacingOccurrences(of: $1, with: "")
            }
            #expect(!withoutOwnCodes.unicodeScalars.contains { $0 != "\n" && TerminalEscaping.needsEscape($0) })
            #expect(output.contains("Bad \\e[31mname\\e[0m\\nline\\u{202E}"))
            #expect(output.contains("x\\e.json:1:12:"))
            #expect(output.contains("{\"name\": \"a\\e[2J\\u{009B}b\"}"))
            #expect(output.contains("bad\\e[1m.json:"))
            #expect(output.contains("Cannot read \\e[5m\\u{2028}"))
        }
    }

    @Test func colourOnlyWhenAsked() {
        let source = SourceText("a: yes\n")
        let report = LintReport(
            files: [
                FileResult(
                    path: "a.yaml", source: source, payloadCount: 1,
                    diagnostics: [
                        diagnostic(
                            "name-forbidden-character", "e", file: "a.yaml", in: source, line: 1, column: 1,
                            endColumn: 2),
                        diagnostic(
                            "tags-empty", .warning, "w", file: "a.yaml", in: source, line: 1, column: 1,
                            endColumn: 2),
                        diagnostic(
                            "yaml11-boolean", .info, "i", file: "a.yaml", in: source, line: 1, column: 4,
                            endColumn: 7),
                    ])
            ], rules: allRules)
        let plain = TextReporter(color: false).render(report)
        #expect(!plain.contains("\u{1B}"))
        let coloured = TextReporter(color: true).render(report)
        #expect(coloured.contains("\u{1B}[1m\u{1B}[31merror:\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1m\u{1B}[33mwarning:\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1m\u{1B}[36minfo:\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1ma.yaml:1:1:\u{1B}[0m"))
        // Stripping the codes gives the plain output back.
        let stripped = [ANSI.reset, ANSI.bold, ANSI.red, ANSI.yellow, ANSI.cyan].reduce(coloured) {
            $0.replacingOccurrences(of: $1, with: "")
        }
        #expect(stripped == plain)
    }

    @Test func summaries() {
        func summary(_ files: [FileResult]) -> String { TextReporter.summary(ReportTotals(files)) }
        let source = SourceText("{}")
        let error = diagnostic("r", "m", in: source, line: 1, column: 1, endColumn: 2)
        let warning = diagnostic("r", .warning, "m", in: source, line: 1, column: 1, endColumn: 2)
        let info = diagnostic("r", .info, "m", in: source, line: 1, column: 1, endColumn: 2)
        let clean = FileResult(path: "c.json", source: source, payloadCount: 2)
        #expect(summary([]) == "No problems found in 0 files (0 payloads)")
        #expect(summary([clean]) == "No problems found in 1 file (2 payloads)")
        #expect(
            summary(Array(repeating: clean, count: 5)) == "No problems found in 5 files (10 payloads)")
        let dirty = FileResult(
            path: "d.json", source: source, payloadCount: 3, diagnostics: [error, error, error, warning])
        let other = FileResult(path: "e.json", source: source, payloadCount: 1, diagnostics: [info])
        #expect(
            summary([dirty, clean, other, clean, clean])
                == "3 errors, 1 warning, 1 info in 2 of 5 files (10 payloads)")
        let failed = FileResult(path: "f.json", source: nil, failure: "gone")
        #expect(
            summary([clean, failed, failed]) == "No problems found in 1 file (2 payloads), 2 files could not be read")
        #expect(summary([dirty, failed]) == "3 errors, 1 warning in 1 file (3 payloads), 1 file could not be read")
    }
}

// MARK: - JSON

@Suite("Reporter JSON")
struct JSONReporterTests {
    @Test func hasEveryField() throws {
        let output = JSONReporter().render(sampleReport())
        let json = try parseJSON(output)
        #expect(json["version"] as? Int == ToolInfo.jsonFormatVersion)
        let tool = try #require(json["tool"] as? [String: Any])
        #expect(tool["name"] as? String == "activity-lint")
        #expect(tool["version"] as? String == ToolInfo.version)
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["files"] as? Int == 2)
        #expect(summary["payloads"] as? Int == 1)
        #expect(summary["errors"] as? Int == 1)
        #expect(summary["warnings"] as? Int == 1)
        #expect(summary["infos"] as? Int == 0)
        #expect(summary["unreadable"] as? Int == 1)

        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.count == 2)
        #expect(files[0]["path"] as? String == "payload.json")
        #expect(files[0]["payloads"] as? Int == 1)
        #expect(files[0]["error"] is NSNull)
        #expect(files[0]["diagnostics"] as? Int == 2)
        #expect(files[1]["path"] as? String == "missing.yaml")
        #expect(files[1]["error"] as? String == "No such file or directory")
        #expect(files[1]["diagnostics"] as? Int == 0)

        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 2)
        let first = diagnostics[0]
        #expect(first["rule"] as? String == "name-forbidden-character")
        #expect(first["severity"] as? String == "error")
        #expect(first["message"] as? String == "Activity name contains a space")
        #expect(first["file"] as? String == "payload.json")
        #expect(first["line"] as? Int == 2)
        #expect(first["column"] as? Int == 14)
        #expect(first["endLine"] as? Int == 2)
        #expect(first["endColumn"] as? Int == 15)
        #expect(first["offset"] as? Int == 15)
        #expect(first["endOffset"] as? Int == 16)
        #expect(first["pointer"] as? String == "/name")
        #expect(first["exception"] as? String == "InvalidName")
        #expect(first["document"] as? Int == 0)
        #expect(diagnostics[1]["exception"] is NSNull)
        #expect(diagnostics[1]["severity"] as? String == "warning")
        #expect(first["subject"] is NSNull)
        #expect((first["related"] as? [Any])?.isEmpty == true)
        #expect(first["fix"] is NSNull)
        #expect(Set(first.keys).count == 16)
    }

    @Test func fixedKeyOrderAndLayout() {
        let output = JSONReporter().render(sampleReport())
        #expect(output.hasPrefix("{\n  \"version\": 2,\n  \"tool\": {\n    \"name\": \"activity-lint\",\n"))
        #expect(output.hasSuffix("}\n") && !output.hasSuffix("\n\n"))
        let keys = ["\"version\"", "\"tool\"", "\"summary\"", "\"files\":", "\"diagnostics\": ["]
        let positions = keys.map { output.range(of: $0)!.lowerBound }
        #expect(positions == positions.sorted())
        let diagnosticKeys = [
            "rule", "severity", "message", "file", "line", "column", "endLine", "endColumn", "offset", "endOffset",
            "pointer", "exception", "document", "subject", "related", "fix",
        ].map { "      \"\($0)\": " }
        let tail = output[output.range(of: "\"diagnostics\": [")!.upperBound...]
        let diagnosticPositions = diagnosticKeys.map { tail.range(of: $0)!.lowerBound }
        #expect(diagnosticPositions == diagnosticPositions.sorted())
        #expect(JSONReporter().render(sampleReport()) == output)
    }

    @Test func emptyReport() throws {
        let output = JSONReporter().render(LintReport(files: [], rules: []))
        let json = try parseJSON(output)
        #expect((json["files"] as? [Any])?.isEmpty == true)
        #expect((json["diagnostics"] as? [Any])?.isEmpty == true)
        #expect(output.contains("\"diagnostics\": []"))
    }

    @Test func validForAnyContent() throws {
        let source = SourceText("{\"name\": \"x\"}")
        let report = LintReport(
            files: [
                FileResult(
                    path: nasty, source: source, payloadCount: 1,
                    diagnostics: [
                        diagnostic(
                            nasty, nasty, file: nasty, in: source, line: 1, column: 1, endColumn: 2,
                            pointer: "/" + nasty, exception: nasty)
                    ]),
                FileResult(path: "f\u{2029}", source: nil, failure: nasty),
            ], rules: allRules)
        let output = JSONReporter().render(report)
        // Only the pretty-printer's own newlines are raw controls; nothing else unsafe reaches the output.
        #expect(!output.unicodeScalars.contains { $0 != "\n" && TerminalEscaping.needsEscape($0) && $0 != "\u{202E}" })
        let json = try parseJSON(output)
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files[0]["path"] as? String == nasty)
        #expect(files[1]["path"] as? String == "f\u{2029}")
        #expect(files[1]["error"] as? String == nasty)
        let diagnostic = try #require((json["diagnostics"] as? [[String: Any]])?.first)
        #expect(diagnostic["message"] as? String == nasty)
        #expect(diagnostic["rule"] as? String == nasty)
        #expect(diagnostic["file"] as? String == nasty)
        #expect(diagnostic["pointer"] as? String == "/" + nasty)
        #expect(diagnostic["exception"] as? String == nasty)
    }
}

// MARK: - SARIF

private func sarifRun(_ report: LintReport) throws -> [String: Any] {
    let json = try parseJSON(SARIFReporter().render(report))
    return try #require((json["runs"] as? [[String: Any]])?.first)
}

private func sarifResults(_ report: LintReport) throws -> [[String: Any]] {
    try #require(try sarifRun(report)["results"] as? [[String: Any]])
}

private func fingerprint(_ result: [String: Any]) -> String? {
    (result["partialFingerprints"] as? [String: Any])?[SARIFReporter.fingerprintKey] as? String
}

private func artifactLocation(_ result: [String: Any]) -> [String: Any]? {
    let locations = result["locations"] as? [[String: Any]]
    return (locations?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any]
}

@Suite("Reporter SARIF")
struct SARIFReporterTests {
    @Test func driverAndRules() throws {
        let json = try parseJSON(SARIFReporter().render(sampleReport()))
        #expect(json["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(json["version"] as? String == "2.1.0")
        let run = try sarifRun(sampleReport())
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "activity-lint")
        #expect(driver["version"] as? String == ToolInfo.version)
        #expect(driver["semanticVersion"] as? String == ToolInfo.version)
        #expect(driver["informationUri"] as? String == ToolInfo.informationURI)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == allRules.map(\.id))
        let name = rules[0]
        #expect(name["name"] as? String == "NameForbiddenCharacter")
        #expect((name["shortDescription"] as? [String: Any])?["text"] as? String == nameRule.summary)
        #expect(
            (name["fullDescription"] as? [String: Any])?["text"] as? String
                == nameRule.summary
                + ". AWS rejects names with spaces, *, ? and more; see CreateActivity (https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateActivity.html)."
        )
        let help = try #require(name["help"] as? [String: Any])
        #expect(help["markdown"] as? String == nameRule.documentation)
        let helpText = try #require(help["text"] as? String)
        #expect(!helpText.contains("```") && !helpText.contains("**") && !helpText.contains("`"))
        #expect(helpText.hasPrefix("Forbidden characters\n\nAWS rejects names with spaces"))
        #expect(name["helpUri"] as? String == nameRule.helpURI)
        #expect((name["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
        let properties = try #require(name["properties"] as? [String: Any])
        #expect(properties["tags"] as? [String] == ["aws", "step-functions"])
        #expect(properties["exception"] as? String == "InvalidName")
        // No exception, no documentation, a summary that ends a sentence, info maps to note.
        #expect((rules[1]["properties"] as? [String: Any])?["exception"] == nil)
        #expect((rules[1]["fullDescription"] as? [String: Any])?["text"] as? String == "The tag list is empty.")
        #expect((rules[1]["help"] as? [String: Any])?["text"] as? String == "The tag list is empty.")
        #expect((rules[2]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "note")
        #expect(
            (rules[2]["fullDescription"] as? [String: Any])?["text"] as? String
                == "A YAML 1.1 loader reads this differently. PyYAML reads yes as true.")
    }

    @Test func resultsPointAtTheirRules() throws {
        let source = SourceText("a: yes\n")
        let report = LintReport(
            files: [
                FileResult(
                    path: "a.yaml", source: source, payloadCount: 1,
                    diagnostics: [
                        diagnostic(
                            "yaml11-boolean", .info, "i", file: "a.yaml", in: source, line: 1, column: 4,
                            endColumn: 7, pointer: "/a", document: 2),
                        diagnostic(
                            "tags-empty", .error, "w", file: "a.yaml", in: source, line: 1, column: 1,
                            endColumn: 2, exception: "ValidationException"),
                        diagnostic(
                            "custom-rule", .warning, "c", file: "a.yaml", in: source, line: 1, column: 1,
                            endColumn: 1),
                    ])
            ], rules: allRules)
        let results = try sarifResults(report)
        #expect(results.count == 3)
        #expect(results[0]["ruleId"] as? String == "yaml11-boolean")
        #expect(results[0]["ruleIndex"] as? Int == 2)
        #expect(results[0]["level"] as? String == "note")
        #expect((results[0]["message"] as? [String: Any])?["text"] as? String == "i")
        let properties = try #require(results[0]["properties"] as? [String: Any])
        #expect(properties["pointer"] as? String == "/a")
        #expect(properties["document"] as? Int == 2)
        #expect(properties["exception"] == nil)
        #expect(results[1]["ruleIndex"] as? Int == 1)
        #expect(results[1]["level"] as? String == "error")  // the diagnostic's severity, not the rule default
        #expect((results[1]["properties"] as? [String: Any])?["exception"] as? String == "ValidationException")
        #expect(results[2]["ruleId"] as? String == "custom-rule")
        #expect(results[2]["ruleIndex"] == nil)
        #expect(results[2]["level"] as? String == "warning")

        let location = try #require((results[0]["locations"] as? [[String: Any]])?.first)
        let physical = try #require(location["physicalLocation"] as? [String: Any])
        #expect(physical["artifactLocation"] as? [String: String] == ["uri": "a.yaml", "uriBaseId": "%SRCROOT%"])
        #expect(
            physical["region"] as? [String: Int]
                == ["startLine": 1, "startColumn": 4, "endLine": 1, "endColumn": 7])
        // An empty range stays an insertion point.
        let emptyRegion =
            ((results[2]["locations"] as? [[String: Any]])?.first?["physicalLocation"]
            as? [String: Any])?["region"] as? [String: Int]
        #expect(emptyRegion == ["startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1])
    }

    @Test func fingerprintsIgnoreLineMovesButNotPointers() throws {
        func report(_ text: String, line: Int, pointer: String, path: String = "p.json") -> LintReport {
            let source = SourceText(text)
            return LintReport(
                files: [
                    FileResult(
                        path: path, source: source, payloadCount: 1,
                        diagnostics: [
                            diagnostic(
                                "name-forbidden-character", "Bad name", file: path, in: source, line: line,
                                column: 3, endColumn: 5, pointer: pointer)
                        ])
                ], rules: allRules)
        }
        let original = try #require(
            fingerprint(try sarifResults(report("{\n  \"name\"\n}", line: 2, pointer: "/name"))[0]))
        let moved = try #require(
            fingerprint(try sarifResults(report("{\n\n\n  \"name\"\n}", line: 4, pointer: "/name"))[0]))
        let otherPointer = try #require(
            fingerprint(try sarifResults(report("{\n  \"name\"\n}", line: 2, pointer: "/tags/0/key"))[0]))
        let dotSlash = try #require(
            fingerprint(try sarifResults(report("{\n  \"name\"\n}", line: 2, pointer: "/name", path: "./p.json"))[0]))
        #expect(original == moved)
        #expect(original != otherPointer)
        #expect(original == dotSlash)
        #expect(original.wholeMatch(of: /[0-9a-f]{16}:1/) != nil)
    }

    @Test func duplicateFindingsGetDistinctFingerprints() throws {
        let source = SourceText("---\nname: a b\n---\nname: a b\n")
        let report = LintReport(
            files: [
                FileResult(
                    path: "s.yaml", source: source, payloadCount: 2,
                    diagnostics: [
                        diagnostic(
                            "name-forbidden-character", "m", file: "s.yaml", in: source, line: 2, column: 7,
                            endColumn: 10, pointer: "/name"),
                        diagnostic(
                            "name-forbidden-character", "m", file: "s.yaml", in: source, line: 4, column: 7,
                            endColumn: 10, pointer: "/name", document: 1),
                    ])
            ], rules: allRules)
        let prints = try sarifResults(report).compactMap(fingerprint)
        #expect(prints.count == 2)
        #expect(prints[0].hasSuffix(":1") && prints[1].hasSuffix(":2"))
        #expect(prints[0].dropLast(2) == prints[1].dropLast(2))
    }

    @Test func fnv1aMatchesReferenceVectors() {
        #expect(StableHash.fnv1a64([]) == 0xcbf2_9ce4_8422_2325)
        #expect(StableHash.fnv1a64(Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
        #expect(StableHash.fnv1a64(Array("foobar".utf8)) == 0x8594_4171_f739_67e8)
    }

    @Test func cleanRunHasEmptyResults() throws {
        let clean = LintReport(
            files: [FileResult(path: "ok.json", source: SourceText("{}"), payloadCount: 1)], rules: allRules)
        let output = SARIFReporter().render(clean)
        #expect(output.contains("\"results\": []"))
        let run = try sarifRun(clean)
        #expect((run["results"] as? [Any])?.isEmpty == true)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == true)
        #expect(invocation["toolExecutionNotifications"] == nil)
    }

    @Test func unreadableFilesBecomeNotifications() throws {
        let run = try sarifRun(sampleReport())
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notifications.count == 1)
        #expect(notifications[0]["level"] as? String == "error")
        #expect((notifications[0]["message"] as? [String: Any])?["text"] as? String == "No such file or directory")
        let location = try #require((notifications[0]["locations"] as? [[String: Any]])?.first)
        #expect(
            (location["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: String]
                == ["uri": "missing.yaml", "uriBaseId": "%SRCROOT%"])
    }

    @Test func urisAreEscaped() throws {
        #expect(
            ArtifactURI.location(forPath: "./dir with space/ü#x?.json").uri == "dir%20with%20space/%C3%BC%23x%3F.json")
        #expect(ArtifactURI.location(forPath: "./dir with space/x.json").baseID == "%SRCROOT%")
        #expect(ArtifactURI.location(forPath: "././/a/b.yaml").uri == "a/b.yaml")
        #expect(ArtifactURI.location(forPath: "c:x.json").uri == "c%3Ax.json")
        #expect(ArtifactURI.location(forPath: "../up/100%.json").uri == "../up/100%25.json")
        #expect(ArtifactURI.location(forPath: "a\\b.json").uri == "a%5Cb.json")
        let absolute = ArtifactURI.location(forPath: "/srv/my files/a.json")
        #expect(absolute.uri == "file:///srv/my%20files/a.json")
        #expect(absolute.baseID == nil)

        let source = SourceText("{}")
        let report = LintReport(
            files: [
                FileResult(
                    path: "/tmp/a b.json", source: source,
                    diagnostics: [
                        diagnostic(
                            "tags-empty", "m", file: "/tmp/a b.json", in: source, line: 1, column: 1,
                            endColumn: 3)
                    ]),
                FileResult(
                    path: "./x y.json", source: source,
                    diagnostics: [
                        diagnostic("tags-empty", "m", file: "./x y.json", in: source, line: 1, column: 1, endColumn: 3)
                    ]),
            ], rules: allRules)
        let results = try sarifResults(report)
        #expect(artifactLocation(results[0]) as? [String: String] == ["uri": "file:///tmp/a%20b.json"])
        #expect(artifactLocation(results[1]) as? [String: String] == ["uri": "x%20y.json", "uriBaseId": "%SRCROOT%"])
    }

    @Test func validForAnyContent() throws {
        let source = SourceText("{}")
        let report = LintReport(
            files: [
                FileResult(
                    path: nasty, source: source,
                    diagnostics: [
                        diagnostic(
                            nasty, nasty, file: nasty, in: source, line: 1, column: 1, endColumn: 2,
                            pointer: nasty, exception: nasty)
                    ])
            ], rules: allRules)
        let results = try sarifResults(report)
        #expect((results[0]["message"] as? [String: Any])?["text"] as? String == nasty)
        let uri = try #require(artifactLocation(results[0])?["uri"] as? String)
        #expect(uri.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-._~/%".contains($0)) })
    }

    // MARK: Schema

    static let schemaPath = Executable.packageRoot.appendingPathComponent("../shared/schemas/sarif-schema-2.1.0.json")
        .standardizedFileURL.path

    static let canValidate: Bool =
        FileManager.default.fileExists(atPath: schemaPath)
        && (try? Executable.tool(["python3", "-c", "import jsonschema"]))?.status == 0

    static let validator = #"""
        import json, re, sys
        import jsonschema
        schema = json.load(open(sys.argv[1]))
        for path in sys.argv[2:]:
            with open(path, encoding="utf-8") as handle:
                document = json.load(handle)
            jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(document)
            # jsonschema here has no URI format checker: check the RFC 3986 character set ourselves.
            reference = re.compile(r"^([A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")
            def walk(node):
                if isinstance(node, dict):
                    for key, value in node.items():
                        if key in ("uri", "helpUri", "informationUri"):
                            assert reference.match(value), (key, value)
                        walk(value)
                elif isinstance(node, list):
                    for value in node:
                        walk(value)
            walk(document)
            for result in document["runs"][0]["results"]:
                region = result["locations"][0]["physicalLocation"]["region"]
                assert region["startLine"] >= 1 and region["startColumn"] >= 1, region
        print("ok")
        """#

    @Test(.enabled(if: SARIFReporterTests.canValidate, "python3 with jsonschema and the shared schema are needed"))
    func validatesAgainstTheSARIFSchema() throws {
        let source = SourceText("{\n  \"name\": \"a b\"\n}\n")
        let nastyReport = LintReport(
            files: [
                FileResult(
                    path: "./dir with space/" + nasty, source: source, payloadCount: 1,
                    diagnostics: [
                        diagnostic(
                            nasty, nasty, file: "./dir with space/" + nasty, in: source, line: 2, column: 12,
                            endColumn: 15, pointer: nasty, exception: nasty),
                        diagnostic(
                            "name-forbidden-character", "multi", file: "/abs/p.json", in: source, line: 2,
                            column: 12, endLine: 3, endColumn: 2),
                        diagnostic(
                            "tags-empty", .info, "empty", file: "p.json", in: source, line: 1, column: 2,
                            endColumn: 2),
                    ]),
                FileResult(path: "/abs/missing " + nasty, source: nil, failure: nasty),
            ],
            rules: allRules + [
                RuleDescriptor(id: "x", validator: "x", severity: .info, exception: nil, summary: "", documentation: "")
            ])
        let reports = [sampleReport(), nastyReport, LintReport(files: [], rules: [])]
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "activity-lint-sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for (index, report) in reports.enumerated() {
            let url = directory.appendingPathComponent("\(index).sarif")
            try Data(SARIFReporter().render(report).utf8).write(to: url)
            paths.append(url.path)
        }
        let outcome = try Executable.tool(["python3", "-c", Self.validator, Self.schemaPath] + paths)
        #expect(outcome.status == 0, "\(outcome.output)")
        #expect(outcome.output.contains("ok"))
    }
}

@Suite("Reporter scale")
struct ReporterScaleTests {
    @Test func manyFindingsOnOneHugeLine() {
        // A 2 MB minified file with 2,000 findings on its only line must not cost the line length per finding.
        let body = String(repeating: "{\"key\":\"k v\"},", count: 200_000)
        let source = SourceText("[" + body + "{}]")
        let diagnostics = (0..<2_000).map { index in
            let offset = 1 + index * 100 * 14 + 8
            let start = SourcePosition(line: 1, column: offset + 1, offset: offset)
            let end = SourcePosition(line: 1, column: offset + 4, offset: offset + 3)
            return Diagnostic(
                ruleID: "name-forbidden-character", severity: .error, message: "space", file: "big.json",
                range: SourceRange(start: start, end: end), pointer: "/\(index * 100)/key")
        }
        let report = LintReport(
            files: [FileResult(path: "big.json", source: source, payloadCount: 1, diagnostics: diagnostics)],
            rules: allRules)
        let clock = ContinuousClock()
        var output = ""
        let elapsed = clock.measure { output = TextReporter().render(report) }
        let lines = output.split(separator: "\n")
        #expect(lines.count == 2_000 * 3 + 2)
        #expect(output.hasSuffix(" (1 payload)\nConfiguration: none (every built-in rule at its default severity)\n"))
        #expect(lines[1].contains("\"k v\""))
        #expect(elapsed < .seconds(20))
    }
}

/// JSON and SARIF reports are filled element by element; the text must be what rendering the whole tree gives.
struct StreamedJSONArrayTests {
    @Test(arguments: [0, 1, 3_000])
    func streamedArrayRendersLikeTheWholeTree(count: Int) {
        let elements = (0..<count).map { index -> ReportJSON in
            .object([("index", .int(index)), ("text", .string(String(repeating: "é\"", count: 500)))])
        }
        var streamed = StreamedJSONArray(indent: 1)
        for element in elements { streamed.append(element) }
        let whole = ReportJSON.object([("version", .int(1)), ("items", .array(elements)), ("end", .null)])
        let filled = ReportJSON.object([("version", .int(1)), ("items", streamed.value), ("end", .null)])
        #expect(filled.rendered() == whole.rendered())
        var pieces: [String] = []
        filled.render { pieces.append($0) }
        #expect(pieces.joined() == whole.rendered())
        if count == 3_000 { #expect(pieces.count > 3, "a report of several megabytes is written in pieces") }
    }
}
