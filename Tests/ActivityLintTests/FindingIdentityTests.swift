import Foundation
import Testing
@_spi(Internals) @testable import ActivityLint

/// A finding keeps its identity when its file is only moved around or reformatted, and loses it when something real
/// changes: SARIF fingerprints (what code scanning tracks alerts by) and baseline matches (what `--baseline` hides).
@Suite
struct FindingIdentityTests {
    /// One file before and after an edit.
    struct Edit: CustomTestStringConvertible, Sendable {
        var name: String
        var path: String
        var before: String
        var after: String
        /// Where the edited file lives, when the edit moves it.
        var afterPath: String?
        /// The rules whose findings the edit adds, for a real change; empty for a move.
        var newFindings: [String] = []
        /// Whether the edit also removes a finding, whose baseline entry is then reported as unused.
        var removesAFinding = false
        var testDescription: String { name }
    }

    /// Each edit leaves every finding in place as far as identity goes, while moving some of them to another line or
    /// column (checked, so that no case is vacuous).
    static let moves: [Edit] = [
        Edit(name: "lines added above a request", path: "orders-activity.json",
             before: #"{"name": "a b", "tags": [{"key": "cost,center", "value": "x"}]}"#,
             after: "\n\n\n" + #"{"name": "a b", "tags": [{"key": "cost,center", "value": "x"}]}"#),
        Edit(name: "compact JSON made pretty", path: "orders-activity.json",
             before: #"{"name": "a b", "tags": [{"key": "cost,center", "value": "x"}, {"key": "k", "value": "aws:x"}]}"#,
             after: """
                 {
                     "name": "a b",
                     "tags": [
                         {"key": "cost,center", "value": "x"},
                         {
                             "key": "k",
                             "value": "aws:x"
                         }
                     ]
                 }

                 """),
        Edit(name: "pretty JSON re-indented and made compact", path: "orders-activity.json",
             before: "{\n  \"name\": \"a b\",\n  \"encryptionConfiguration\": {\n    \"type\": \"aws_owned_key\"\n  }\n}\n",
             after: #"{"name":"a b","encryptionConfiguration":{"type":"aws_owned_key"}}"#),
        Edit(name: "tags reordered", path: "orders-activity.json",
             before: #"{"name": "n", "tags": [{"key": "cost,center", "value": "x"}, {"key": "k", "value": "aws:x"}, {"key": "aws:team", "value": "y"}]}"#,
             after: #"{"name": "n", "tags": [{"key": "aws:team", "value": "y"}, {"key": "k", "value": "aws:x"}, {"key": "cost,center", "value": "x"}]}"#),
        Edit(name: "repeated tag keys swapped", path: "orders-activity.json",
             before: #"{"name": "n", "tags": [{"key": "team", "value": "a"}, {"key": "env", "value": "x"}, {"key": "team", "value": "bbb"}]}"#,
             after: #"{"name": "n", "tags": [{"key": "team", "value": "bbb"}, {"key": "env", "value": "x"}, {"key": "team", "value": "a"}]}"#),
        Edit(name: "YAML re-indented", path: "orders-activity.yaml",
             before: "name: a b\ntags:\n  - key: \"cost,center\"\n    value: x\n",
             after: "name:   a b\ntags:\n    -   key: \"cost,center\"\n        value: x\n"),
        Edit(name: "YAML block style made flow style", path: "orders-activity.yaml",
             before: "name: a b\ntags:\n  - key: \"cost,center\"\n    value: x\n  - key: k\n    value: \"aws:x\"\n",
             after: "{name: a b, tags: [{key: \"cost,center\", value: x}, {key: k, value: \"aws:x\"}]}\n"),
        Edit(name: "resource moved within a template", path: "template.yaml",
             before: """
                 Resources:
                   Queue:
                     Type: AWS::StepFunctions::Activity
                     Properties:
                       Name: orders queue
                       Tags:
                         - {Key: "cost,center", Value: x}
                   Bucket:
                     Type: AWS::S3::Bucket

                 """,
             after: """
                 Resources:
                   Bucket:
                     Type: AWS::S3::Bucket
                   Other:
                     Type: AWS::StepFunctions::Activity
                     Properties:
                       Name: other
                   Queue:
                     Type: AWS::StepFunctions::Activity
                     Properties:
                       Tags:
                         - Key: "cost,center"
                           Value: x
                       Name: orders queue

                 """),
        Edit(name: "plan's resource_changes gain an entry before the activity", path: "plan.json",
             before: plan([activityChange(address: "aws_sfn_activity.orders", name: "orders queue")]),
             after: plan([
                 #"{"address": "aws_sqs_queue.jobs", "mode": "managed", "type": "aws_sqs_queue", "name": "jobs", "change": {"actions": ["create"], "after": {"name": "jobs"}, "after_unknown": {}}}"#,
                 activityChange(address: "aws_sfn_activity.orders", name: "orders queue"),
             ])),
        Edit(name: "the later of two duplicate requests moves away from the earlier", path: "activities.yaml",
             before: "name: orders\ntags: [{key: team, value: a}]\n---\nname: orders\ntags: [{key: team, value: b}]\n",
             after: "# the first\nname: orders\ntags: [{key: team, value: a}]\n---\nname: other\n---\n\nname: orders\ntags:\n  - {key: team, value: b}\n"),
    ]

    /// Each edit is a real change: the findings it adds are new to SARIF and the baseline, the others keep theirs.
    static let changes: [Edit] = [
        Edit(name: "another rule", path: "orders-activity.json",
             before: #"{"name": "a b"}"#, after: #"{"name": "a b", "tags": [{"key": "aws:team", "value": "x"}]}"#,
             newFindings: ["tag-reserved-prefix"]),
        Edit(name: "another tag key", path: "orders-activity.json",
             before: #"{"name": "n", "tags": [{"key": "cost,center", "value": "x"}]}"#,
             after: #"{"name": "n", "tags": [{"key": "cost,centre", "value": "x"}]}"#,
             newFindings: ["tag-charset"], removesAFinding: true),
        Edit(name: "another file", path: "orders-activity.json",
             before: #"{"name": "a b"}"#, after: #"{"name": "a b"}"#, afterPath: "payments-activity.json",
             newFindings: ["name-forbidden-character"]),
        Edit(name: "another resource", path: "template.yaml",
             before: "Resources:\n  Queue:\n    Type: AWS::StepFunctions::Activity\n    Properties:\n      Name: orders queue\n",
             after: "Resources:\n  Queue:\n    Type: AWS::StepFunctions::Activity\n    Properties:\n      Name: orders queue\n"
                 + "  Intake:\n    Type: AWS::StepFunctions::Activity\n    Properties:\n      Name: intake queue\n",
             newFindings: ["name-forbidden-character"]),
    ]

    static func plan(_ changes: [String]) -> String {
        #"{"format_version": "1.2", "terraform_version": "1.9.5", "resource_changes": ["#
            + changes.joined(separator: ",\n") + "]}\n"
    }

    static func activityChange(address: String, name: String) -> String {
        #"{"address": "\#(address)", "mode": "managed", "type": "aws_sfn_activity", "name": "orders", "#
            + #""change": {"actions": ["create"], "after": {"name": "\#(name)", "tags": {"cost,center": "x"}}, "after_unknown": {}}}"#
    }

    static func lint(_ text: String, path: String) -> FileResult {
        Linter.builtIn().lint(text: text, path: path)
    }

    /// Each SARIF result as code scanning keys it: the rule and the `activityLint/v2` fingerprint, sorted.
    static func fingerprints(_ file: FileResult) throws -> [String] {
        let sarif = SARIFReporter().render(LintReport(files: [file], rules: RuleCatalog.builtIn.rules))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try #require((document["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        return try results.map { result in
            let rule = try #require(result["ruleId"] as? String)
            let fingerprints = try #require(result["partialFingerprints"] as? [String: String])
            return rule + " " + (try #require(fingerprints[SARIFReporter.fingerprintKey]))
        }.sorted()
    }

    @Test(arguments: moves)
    func moveKeepsEveryFingerprintAndBaselineMatch(_ edit: Edit) throws {
        let before = Self.lint(edit.before, path: edit.path)
        let after = Self.lint(edit.after, path: edit.afterPath ?? edit.path)
        try #require(!before.diagnostics.isEmpty, "a case with findings to follow")
        #expect(before.diagnostics.map(\.range.start) != after.diagnostics.map(\.range.start), "the edit moves findings")
        #expect(try Self.fingerprints(after) == Self.fingerprints(before))
        let shown = Baseline(diagnostics: before.diagnostics).filter(after.diagnostics)
        #expect(shown.isEmpty, "shown again: \(shown.map { "\($0.ruleID) \($0.pointer) \($0.value)" })")
    }

    @Test(arguments: changes)
    func realChangeGivesNewFingerprintsAndShowsThroughTheBaseline(_ edit: Edit) throws {
        let before = Self.lint(edit.before, path: edit.path)
        let after = Self.lint(edit.after, path: edit.afterPath ?? edit.path)
        try #require(!before.diagnostics.isEmpty)
        let known = try Self.fingerprints(before)
        let new = try Self.fingerprints(after).filter { !known.contains($0) }
        #expect(new.map { String($0.prefix { $0 != " " }) } == edit.newFindings)
        let shown = Baseline(diagnostics: before.diagnostics).filter(after.diagnostics)
        #expect(shown.map(\.ruleID) == edit.newFindings)
    }

    /// The same through the command line: `--write-baseline` before the edit, `--baseline` after it.
    @Test(arguments: moves + changes)
    func baselineRoundTripThroughTheCommandLine(_ edit: Edit) throws {
        let repo = try TemporaryDirectory()
        try repo.write(edit.path, edit.before)
        let written = try Executable.run(["--no-config", "--write-baseline", "baseline.json", edit.path],
                                         workingDirectory: repo.url)
        #expect(written.status == 0, "\(written.stderr)")
        let afterPath = edit.afterPath ?? edit.path
        try repo.write(afterPath, edit.after)
        let run = try Executable.run(["--no-config", "--format", "json", "--baseline", "baseline.json", afterPath],
                                     workingDirectory: repo.url)
        let shown = try ReportedDiagnostic.all(in: run.stdout)
        let expected = edit.newFindings + (edit.removesAFinding ? [Baseline.unusedRuleID] : [])
        #expect(shown.map(\.rule).sorted() == expected.sorted(), "\(shown)")
        #expect(run.status == (edit.newFindings.isEmpty ? 0 : 1), "\(run.stderr)")
    }
}
