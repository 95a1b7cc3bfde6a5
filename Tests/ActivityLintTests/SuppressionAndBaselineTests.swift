import Foundation
import Testing
@_spi(Internals) @testable import ActivityLint

struct SuppressionAndBaselineTests {
    let linter = Linter.builtIn()

    @Test func disableNextLineSkipsCommentsAndBlankLines() {
        let result = linter.lint(text: """
            # activity-lint: disable-next-line name-forbidden-character -- legacy name

            # another comment
            name: orders queue
            """, path: "a.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
    }

    @Test func suppressionCoversOnlyItsRuleAndLine() {
        let result = linter.lint(text: """
            # activity-lint: disable-next-line name-cloudwatch-safe
            name: orders queue
            """, path: "a.yaml")
        #expect(result.diagnostics.map(\.ruleID) == ["unused-suppression", "name-forbidden-character"])
        #expect(result.diagnostics.first?.range.start == SourcePosition(line: 1, column: 1, offset: 0))
    }

    @Test func fileLevelSuppression() {
        let result = linter.lint(text: """
            name: a b
            tags:
              - key: k  # not a directive: # activity-lint is only read at the start of a comment
            # activity-lint: disable-file name-forbidden-character, tag-value-missing
            """, path: "a.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
    }

    @Test func baselineIsKeyedByContentNotLines() {
        let before = linter.lint(text: "{\"name\": \"a b\"}", path: "r.json").diagnostics
        let baseline = Baseline(diagnostics: before)
        let moved = linter.lint(text: "\n\n{\n  \"name\": \"a b\"\n}", path: "./r.json").diagnostics
        #expect(moved.count == 1)
        #expect(baseline.filter(moved).isEmpty)
        let newProblem = linter.lint(text: "{\"name\": \"a b/c\"}", path: "r.json").diagnostics
        #expect(baseline.filter(newProblem).map(\.message).count == 1)
    }

    @Test func baselineRoundTripsThroughItsFile() throws {
        let diagnostics = linter.lint(text: "{\"name\": \"a b\", \"tags\": {}}", path: "r.json").diagnostics
        let text = Baseline.render(diagnostics)
        let parsed = try Baseline.parse(Array(text.utf8), path: "baseline.json")
        #expect(parsed.filter(diagnostics).isEmpty)
        #expect(throws: ConfigurationError.self) { try Baseline.parse(Array("{\"version\": 9}".utf8), path: "b.json") }
    }

    @Test func githubAnnotationsCannotBeForged() {
        let source = SourceText("x")
        let diagnostic = Diagnostic(
            ruleID: "r", severity: .error, message: "bad\n::error file=evil::forged %0A\r\u{1B}[31m",
            file: "dir,x:y.json", range: SourceRange(start: .start, end: SourcePosition(line: 1, column: 2, offset: 1)))
        let report = LintReport(files: [FileResult(path: "dir,x:y.json", source: source, payloadCount: 1, diagnostics: [diagnostic])], rules: [])
        let output = GitHubReporter().render(report)
        let lines = output.split(separator: "\n")
        #expect(lines.count == 2, "one annotation and the summary")
        #expect(lines[0] == "::error file=dir%2Cx%3Ay.json,line=1,col=1,endLine=1,endColumn=2,title=r::bad%0A::error file=evil::forged %250A%0D\u{1B}[31m",
                "GitHub's escapes only: the ESC reaches GitHub as it is")
    }
}
