import Testing
@_spi(Internals) @testable import ActivityLint

/// A Terraform plan's `resource_changes` are checked one change at a time while the plan is parsed. Whatever the
/// plan holds, the report is the one the whole tree gives.
struct PlanChangeStreamTests {
    /// One change of `resource_changes`, shaped as `terraform show -json` writes it.
    static func change(
        _ index: Int, type: String = "aws_sfn_activity", mode: String = "managed", actions: String = #""create""#,
        after: String
    ) -> String {
        """
            {
              "address": "\(type).a[\(index)]", "mode": "\(mode)", "type": "\(type)", "name": "a", "index": \(index),
              "provider_name": "registry.terraform.io/hashicorp/aws",
              "change": {
                "actions": [\(actions)], "before": null,
                "after": \(after),
                "after_unknown": {"arn": true, "id": true, "creation_date": true},
                "before_sensitive": false, "after_sensitive": {"tags": {}, "tags_all": {}}
              }
            }
        """
    }

    static func plan(_ changes: [String], around: String = "") -> String {
        """
        {
          "format_version": "1.2", "terraform_version": "1.9.5",\(around)
          "resource_changes": [
        \(changes.joined(separator: ",\n"))
          ]
        }
        """
    }

    static let goodActivity =
        #"{"name": "orders", "tags": {"team": "a"}, "tags_all": {"team": "a"}, "encryption_configuration": []}"#
    static let badActivity = """
        {"name": "orders queue", "tags": {"aws:owner": "x"}, "tags_all": {"aws:owner": "x", "env": "prod"},
         "encryption_configuration": [
           {"type": "CUSTOMER_MANAGED_KMS_KEY", "kms_key_id": "", "kms_data_key_reuse_period_seconds": 30}]}
        """
    static let repeatedKey = #"{"name": "billing", "name": "billing", "tags_all": {"team": "a", "team": "b"}}"#
    static let unknownTags = #"{"name": "reports", "tags": {"x": "1"}, "tags_all": null}"#

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var path = "plan.json"
        var text: String
        var kind = InputKind.auto
        /// Whether the report has findings (so that agreeing is not agreeing on nothing).
        var findsSomething = true
        /// Whether `--fix --unsafe-fixes` changes the text.
        var isFixed = false
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "activities good and bad, other resources, data sources, deletes, replacements", text: plan([
            change(0, after: goodActivity), change(1, after: badActivity),
            change(2, type: "aws_s3_bucket", after: #"{"bucket": "orders queue", "bucket": "x"}"#),
            change(3, mode: "data", after: badActivity), change(4, actions: #""delete""#, after: "null"),
            change(5, actions: #""delete", "create""#, after: badActivity), change(6, after: unknownTags),
            change(7, after: "null"),
        ]), isFixed: true),
        Case(name: "repeated keys inside an activity's change and at the top level", text: plan(
            [change(0, after: repeatedKey), change(1, after: repeatedKey)], around: #" "format_version": "1.2","#)),
        Case(name: "the same name in two changes",
             text: plan([change(0, after: badActivity), change(1, after: badActivity)]), isFixed: true),
        Case(name: "resource_changes given twice: the last counts", text: """
            {"resource_changes": [\(change(0, after: badActivity))],
             "resource_changes": [\(change(0, after: goodActivity)), \(change(1, after: repeatedKey))]}
            """),
        Case(name: "resource_changes given twice, the last empty", text: """
            {"resource_changes": [\(change(0, after: badActivity))], "resource_changes": []}
            """),
        Case(name: "a syntax error after some changes", text: plan([change(0, after: badActivity), "{\"x\": }"])),
        Case(name: "nesting too deep inside a change", text: plan([
            change(0, after: badActivity), change(1, type: "aws_s3_bucket", after: String(repeating: "[", count: 200)),
        ])),
        Case(name: "a template that also has resource_changes", path: "template.json", text: """
            {"Resources": {"Queue": {"Type": "AWS::StepFunctions::Activity", "Properties": {"Name": "orders queue"}}},
             "resource_changes": [\(change(0, after: badActivity))]}
            """, isFixed: true),
        Case(name: "forced to a plan", path: "changes.json", text: plan([change(0, after: badActivity)]),
             kind: .terraformPlan, isFixed: true),
        Case(name: "forced to an API request", path: "changes.json", text: plan([change(0, after: badActivity)]),
             kind: .api),
        Case(name: "changes that are not objects, and nested lists", text: """
            {"resource_changes": [null, 3, "x", [\(change(0, after: badActivity))], \(change(4, after: badActivity))]}
            """, isFixed: true),
        Case(name: "resource_changes below the top level", path: "other-activity.json", text: """
            {"name": "orders queue", "prior": {"resource_changes": [\(change(0, after: badActivity))]}}
            """, isFixed: true),
        Case(name: "a top-level list", path: "list-activity.json", text: """
            [{"resource_changes": [\(change(0, after: badActivity))]}]
            """),
        Case(name: "planned values only", text: """
            {"format_version": "1.2", "terraform_version": "1.9.5", "planned_values": {"root_module": {"resources": [
              {"address": "aws_sfn_activity.a", "type": "aws_sfn_activity", "values": \(badActivity)}]}}}
            """, isFixed: true),
        Case(name: "no change creates an activity", text: plan([change(0, actions: #""delete""#, after: "null")]),
             findsSomething: false),
    ]

    static func linter(for testCase: Case, streaming: Bool) -> Linter {
        var linter = Linter(engine: Linter.builtIn().engine, inputKind: testCase.kind)
        linter.streamsPlanChanges = streaming
        return linter
    }

    static func report(_ testCase: Case, streaming: Bool) -> String {
        let result = linter(for: testCase, streaming: streaming).lint(text: testCase.text, path: testCase.path)
        return JSONReporter().render(LintReport(files: [result], rules: []))
            + TextReporter(color: false).render(file: result)
    }

    @Test(arguments: cases)
    func fixesAreTheWholeTreesFixes(testCase: Case) {
        func fixed(streaming: Bool) -> (String, String) {
            let linter = Self.linter(for: testCase, streaming: streaming)
            let mode = FixMode(includesUnsafe: true, writes: false)
            let (bytes, result) = linter.fix(bytes: Array(testCase.text.utf8), path: testCase.path, mode: mode)
            return (String(decoding: bytes, as: UTF8.self), TextReporter(color: false).render(file: result))
        }
        let streamed = fixed(streaming: true)
        #expect(streamed == fixed(streaming: false))
        #expect((streamed.0 != testCase.text) == testCase.isFixed)
    }

    @Test(arguments: cases)
    func reportIsTheWholeTreesReport(testCase: Case) {
        let streamed = Self.report(testCase, streaming: true)
        #expect(streamed == Self.report(testCase, streaming: false))
        #expect(streamed.contains(#""rule": ""#) == testCase.findsSomething, "\(streamed)")
    }

    @Test func theParserHandsOverEachElementAndKeepsItsPlace() throws {
        final class Recorder: JSONElementHandoff {
            let handedOverKey = "resource_changes"
            var begun = 0
            var handed: [(index: Int, address: String?)] = []
            func beginHandoff() { begun += 1 }
            func take(_ element: Node, index: Int) {
                handed.append((index, element.memberValue("address")?.string?.text))
            }
        }
        let recorder = Recorder()
        let text = Self.plan([Self.change(0, after: Self.goodActivity), Self.change(1, after: Self.repeatedKey)])
        let parsed = JSONParser.parse(SourceText(text), handoff: recorder)
        let (begun, handed) = (recorder.begun, recorder.handed)
        #expect(begun == 1)
        #expect(handed.map(\.index) == [0, 1])
        #expect(handed.map(\.address) == ["aws_sfn_activity.a[0]", "aws_sfn_activity.a[1]"])
        let kept = try #require(parsed.documents.first?.memberValue("resource_changes")?.elements)
        #expect(kept.count == 2)
        #expect(kept.allSatisfy { if case .null = $0.value { true } else { false } })
        // Each placeholder spans its change, and findings inside a change keep the change's index.
        #expect(kept[1].range.start.line == 14)
        #expect(parsed.findings.map(\.pointer) == [
            "/resource_changes/1/change/after/name", "/resource_changes/1/change/after/tags_all/team",
        ])
    }

    @Test func aPlansChangesAreCheckedAsTheyAreParsed() throws {
        let testCase = Self.cases[0]
        let source = SourceText(testCase.text)
        let stream = PlanChangeStream(linter: Linter.builtIn(), path: testCase.path, source: source)
        var parsed = JSONParser.parse(source, handoff: stream)
        defer { parsed.releaseDocuments() }
        #expect(stream.tookChanges)
        // Changes 0, 1, 5 and 6 create activities; the bucket, the data source, the deletion and the change
        // without planned values do not.
        #expect(stream.sites.map(\.pointer) == [0, 1, 5, 6].map { "/resource_changes/\($0)/change/after" })
        // The same findings, in the same order, as checking the whole tree's sites gives.
        var whole = JSONParser.parse(source)
        defer { whole.releaseDocuments() }
        let sites = TerraformPlanExtractor.sites(in: try #require(whole.documents.first), documentIndex: 0)
        let expected = sites.flatMap { Linter.builtIn().check($0, path: testCase.path, source: source).findings }
        #expect(!expected.isEmpty)
        #expect(stream.requests.findings.map { "\($0.ruleID) \($0.pointer) \($0.message)" }
            == expected.map { "\($0.ruleID) \($0.pointer) \($0.message)" })
        #expect(stream.requests.activities.count == 4)
    }
}
