import Testing
@testable import ActivityLint

/// Every catalog rule's examples: each failing example is reported by that rule, no passing example is.
struct RuleExampleTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var ruleID: String
        var payload: String
        var shouldFail: Bool
        var testDescription: String { "\(ruleID) \(shouldFail ? "reports" : "accepts") \(payload.prefix(60).debugDescription)" }
    }

    static let examples: [Example] = RuleCatalog.builtIn.rules.flatMap { rule in
        rule.failingExamples.map { Example(ruleID: rule.id, payload: $0, shouldFail: true) }
            + rule.passingExamples.map { Example(ruleID: rule.id, payload: $0, shouldFail: false) }
    }

    @Test(arguments: examples)
    func example(_ example: Example) {
        // A path that names an activity: examples such as `""` or `["orders"]` are requests by intent.
        let result = Linter.builtIn().lint(text: example.payload, path: "example-activity")
        let hits = result.diagnostics.filter { $0.ruleID == example.ruleID }
        if example.shouldFail {
            #expect(!hits.isEmpty, "expected \(example.ruleID); got \(result.diagnostics.map(\.ruleID))")
            for hit in hits {
                #expect(hit.range.start.line >= 1 && hit.range.start.column >= 1)
                #expect(!hit.message.isEmpty)
            }
        } else {
            #expect(hits.isEmpty, "unexpected: \(hits.map(\.message))")
        }
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
