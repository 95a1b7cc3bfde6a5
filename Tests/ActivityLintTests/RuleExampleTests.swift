import Testing
@_spi(Internals) @testable import ActivityLint

/// Every catalog rule's examples: each failing example is reported by that rule exactly where its `↓` markers
/// stand, as many times as it has markers, and its fixes give its `fixed` text; no passing example is reported.
struct RuleExampleTests {
    struct Failing: CustomTestStringConvertible, Sendable {
        var ruleID: String
        var example: RuleExample
        var testDescription: String { "\(ruleID) reports \(example.markedText.prefix(60).debugDescription)" }
    }

    struct Passing: CustomTestStringConvertible, Sendable {
        var ruleID: String
        var payload: String
        var testDescription: String { "\(ruleID) accepts \(payload.prefix(60).debugDescription)" }
    }

    static let failing = RuleCatalog.builtIn.rules.flatMap { rule in
        rule.failingExamples.map { Failing(ruleID: rule.id, example: $0) }
    }

    static let passing = RuleCatalog.builtIn.rules.flatMap { rule in
        rule.passingExamples.map { Passing(ruleID: rule.id, payload: $0) }
    }

    /// A path that names an activity: examples such as `""` or `["orders"]` are requests by intent.
    static func lint(_ text: String) -> FileResult {
        Linter.builtIn().lint(text: text, path: "example-activity")
    }

    @Test(arguments: failing)
    func reportedWhereMarked(_ failing: Failing) throws {
        let example = failing.example
        try #require(!example.markerOffsets.isEmpty,
                     "mark where each \(failing.ruleID) diagnostic starts with \(RuleExample.marker)")
        let source = SourceText(example.text)
        let marked = example.markerOffsets.map { source.position(atOffset: $0).description }
        let hits = Self.lint(example.text).diagnostics.filter { $0.ruleID == failing.ruleID }
        #expect(hits.map(\.range.start.description).sorted() == marked.sorted(),
                "\(failing.ruleID) at the markers; got \(hits.map { "\($0.range.start): \($0.message)" })")
        for hit in hits {
            #expect(!hit.message.isEmpty)
        }
        try checkFix(of: hits, in: failing)
    }

    /// A failing example gives `fixed` exactly when the rule offers a fix there; the fixed text parses and this rule
    /// has nothing left to fix in it.
    private func checkFix(of hits: [Diagnostic], in failing: Failing) throws {
        let titles = hits.compactMap(\.fix?.title)
        guard let fixed = failing.example.fixed else {
            #expect(titles.isEmpty, "\(failing.ruleID) offers \(titles); give the example `text:` and `fixed:`")
            return
        }
        try #require(!titles.isEmpty, "`fixed:` given, but \(failing.ruleID) offers no fix here")
        // Every fix in one round, as `--fix --unsafe-fixes` applies them: none may collide with another.
        let fixes = hits.compactMap(\.fix)
        let applied = FixApplier.apply(fixes, to: Array(failing.example.text.utf8))
        #expect(applied.applied == fixes.count, "fixes that overlap")
        #expect(String(decoding: applied.bytes, as: UTF8.self) == fixed)
        let relinted = Self.lint(fixed).diagnostics
        #expect(!relinted.contains { $0.ruleID == "syntax-error" }, "the fixed text does not parse")
        #expect(!relinted.contains { $0.ruleID == failing.ruleID && $0.fix != nil }, "a second fix would change it again")
    }

    @Test(arguments: passing)
    func accepted(_ passing: Passing) {
        #expect(!passing.payload.unicodeScalars.contains(RuleExample.marker), "a passing example has no marker")
        let hits = Self.lint(passing.payload).diagnostics.filter { $0.ruleID == passing.ruleID }
        #expect(hits.isEmpty, "unexpected: \(hits.map { "\($0.range.start): \($0.message)" })")
    }

    @Test func everyRuleHasAFailingExample() {
        let withoutExamples = RuleCatalog.builtIn.rules.filter { $0.failingExamples.isEmpty }.map(\.id)
        // These need inputs too large for a catalog example (more than 10,000 aliases, a file over 16 MiB) or a
        // command-line flag (`--input-kind`). Examples/invalid/alias-bomb.yaml, the limit tests and the
        // classification tests cover them. A baseline entry needs a baseline file next to the input:
        // HostileBaselineTests covers it.
        #expect(withoutExamples == ["no-request-found", "alias-limit", "unused-baseline-entry", "file-too-large"])
    }
}
