import Foundation
import Testing

@_spi(Internals) @testable import ActivityLint

/// A pull request that floods the output: one file of a repeated mistake gives a finding per repeat. Each rule
/// reports at most 100 findings per file with one summary for the rest, and a SARIF run stays within GitHub code
/// scanning's limits.
@Suite(.serialized)
struct HostileOutputSizeTests {
    /// A request whose tag is repeated `count` times: `count - 1` tag-duplicate-pair warnings, one a line from line 4.
    static func repeatedTags(_ count: Int, suppressingFirst suppressed: Int = 0) -> String {
        "name: orders\ntags:\n" + (0..<count).map { index in
            "  - {key: team, value: payments}"
                + (index >= 1 && index <= suppressed ? "  # activity-lint: disable-line tag-duplicate-pair" : "")
        }.joined(separator: "\n") + "\n"
    }

    static func count(_ rule: String, in diagnostics: [Diagnostic]) -> Int {
        diagnostics.filter { $0.ruleID == rule }.count
    }

    @Test func theFirstHundredOfARuleAreKeptAndOneSummaryCountsTheRest() throws {
        let result = Linter.builtIn().lint(text: Self.repeatedTags(250), path: "flood.yaml")
        let duplicates = result.diagnostics.filter { $0.ruleID == "tag-duplicate-pair" }
        #expect(duplicates.count == 100)
        // The duplicates of tag 1 start at the second tag, on line 4; the 100 kept are the first in source order.
        #expect(duplicates.map(\.range.start.line) == Array(4...103))
        let summary = try #require(result.diagnostics.last)
        #expect(summary.ruleID == "too-many-findings")
        #expect(summary.message.hasPrefix("… and 149 more tag-duplicate-pair findings in this file"), "\(summary.message)")
        #expect(summary.message.contains("--max-findings-per-rule"))
        #expect(summary.range.start.line == 104, "at the first finding left out")
        #expect(summary.severity == .warning, "the severity of the rule it counts for")
        #expect(result.diagnostics.count == 101)
        #expect(result.sourceLines?.line(200) == nil, "lines of findings left out are not kept")
    }

    @Test func everyFormatReportsTheCappedFindingsAndTheSummary() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("flood.yaml", Self.repeatedTags(5_001))
        let summary = "… and 4,900 more tag-duplicate-pair findings in this file"
        for format in OutputFormat.allCases {
            let run = try Executable.run(["--no-config", "--format", format.rawValue, file])
            #expect(run.status == 0, "\(format): \(run.stderr)")
            #expect(run.stdout.contains(summary), "\(format)")
            let count = run.stdout.components(separatedBy: "tag-duplicate-pair]").count - 1
            switch format {
            case .text: #expect(count == 100, "one header a kept finding")
            case .github: #expect(run.stdout.split(separator: "\n").count == 102, "101 annotations and the summary")
            case .json, .sarif: #expect(run.stdout.utf8.count < 400_000, "\(format): \(run.stdout.utf8.count) bytes")
            }
        }
    }

    @Test func aCapOfZeroReportsEverything() {
        let linter = Linter(engine: Linter.builtIn().engine, findingCap: FindingCap(limit: 0))
        let result = linter.lint(text: Self.repeatedTags(250), path: "flood.yaml")
        #expect(Self.count("tag-duplicate-pair", in: result.diagnostics) == 249)
        #expect(Self.count("too-many-findings", in: result.diagnostics) == 0)
    }

    @Test func suppressedFindingsNeverCountTowardsTheCap() {
        // 149 duplicates, 60 of them suppressed: the other 89 are all reported, with no summary.
        let result = Linter.builtIn().lint(text: Self.repeatedTags(150, suppressingFirst: 60), path: "flood.yaml")
        #expect(Self.count("tag-duplicate-pair", in: result.diagnostics) == 89, "\(result.diagnostics.map(\.ruleID))")
        #expect(Self.count("too-many-findings", in: result.diagnostics) == 0)
        #expect(result.diagnostics.first { $0.ruleID == "tag-duplicate-pair" }?.range.start.line == 64)
    }

    @Test func baselinedFindingsNeverCountTowardsTheCap() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("flood.yaml", Self.repeatedTags(101))
        let baseline = dir.url.appendingPathComponent("baseline.json").path
        var record = LintRun(paths: [file])
        record.ignoreConfiguration = true
        record.writeBaselinePath = baseline
        #expect(try record.run().exitStatus == 0)
        // 50 more repeats: the 100 recorded ones are hidden first, so the 50 new ones are all reported.
        try dir.write("flood.yaml", Self.repeatedTags(151))
        var check = LintRun(paths: [file])
        check.ignoreConfiguration = true
        check.baselinePath = baseline
        let diagnostics = try check.run().report.diagnostics
        #expect(Self.count("tag-duplicate-pair", in: diagnostics) == 50, "\(diagnostics.map(\.ruleID))")
        #expect(Self.count("too-many-findings", in: diagnostics) == 0)
        #expect(diagnostics.first?.range.start.line == 104)
    }

    @Test func aFileWithACappedErrorStillFailsTheRun() throws {
        let dir = try TemporaryDirectory()
        // Every `{}` tag lacks a key (an error) and a value (a warning).
        let file = try dir.write("keys.yaml", "name: orders\ntags: [" + Array(repeating: "{}", count: 300).joined(separator: ", ") + "]\n")
        let run = try Executable.run(["--no-config", "--format", "json", file])
        #expect(run.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        let summaries = diagnostics.filter { $0["rule"] as? String == "too-many-findings" }
        #expect(diagnostics.count == 202, "100 of each rule and a summary each")
        #expect(Set(summaries.compactMap { $0["severity"] as? String }) == ["error", "warning"])
        #expect(summaries.contains { ($0["message"] as? String ?? "").hasPrefix("… and 200 more tag-key-missing findings") })
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 101)

        let uncapped = try Executable.run(["--no-config", "--max-findings-per-rule", "0", "--format", "json", file])
        #expect(uncapped.status == 1)
        #expect(uncapped.stdout.components(separatedBy: "\"rule\": \"tag-key-missing\"").count - 1 == 300)
    }

    @Test func theConfigurationCanRaiseTheSummaryOrDropItButNotTheCap() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("flood.yaml", Self.repeatedTags(150))
        func run(_ configuration: String) throws -> LintRun.Outcome {
            var run = LintRun(paths: [file])
            run.configurationPath = try dir.write(".activity-lint.yml", configuration)
            return try run.run()
        }
        let raised = try run("severity:\n  too-many-findings: error\n")
        #expect(raised.exitStatus == 1, "a capped file fails the run when the summary is raised to an error")
        #expect(raised.report.diagnostics.last?.severity == .error)
        let dropped = try run("disable:\n  - too-many-findings\n")
        #expect(dropped.exitStatus == 0)
        #expect(dropped.report.diagnostics.count == 100)
        #expect(dropped.report.diagnostics.allSatisfy { $0.ruleID == "tag-duplicate-pair" })
    }

    @Test func aSarifRunKeepsToGitHubsSizeLimitWithANotification() throws {
        let dir = try TemporaryDirectory()
        // 20,000 warnings with no per-file cap: under the result cap, but about 18 MB of SARIF.
        let file = try dir.write("flood.yaml", Self.repeatedTags(20_001))
        let run = try Executable.run(["--no-config", "--format", "sarif", "--max-findings-per-rule", "0", file])
        #expect(run.status == 0)
        #expect(run.stdout.utf8.count <= SARIFReporter.defaultMaxBytes, "\(run.stdout.utf8.count) bytes")
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let results = try Self.results(sarif)
        let note = try #require(try Self.notifications(sarif).first)
        let text = try #require((note["message"] as? [String: Any])?["text"] as? String)
        #expect(note["level"] as? String == "warning")
        #expect(text.hasPrefix("\(FindingCap.grouped(20_000 - results.count)) of 20,000 results were left out"), "\(text)")
        #expect(text.contains("--sarif-max-bytes N raises the size cap") && !text.contains("--sarif-max-results"))
        #expect((note["properties"] as? [String: Any])?["resultsLeftOut"] as? Int == 20_000 - results.count)
        #expect(results.count > 2_000 && results.count < 20_000, "the cap takes what fits, not a fixed few")
        // The kept results wait in a temporary file; they come back whole and in report order.
        let lines = results.compactMap { result -> Int? in
            let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            return (location?["region"] as? [String: Any])?["startLine"] as? Int
        }
        #expect(lines.count == results.count && lines == lines.sorted() && Set(lines).count == lines.count)
    }

    @Test func aSarifRunCutsNotesThenWarningsAndNeverAnErrorBeforeThem() throws {
        let dir = try TemporaryDirectory()
        // The warnings come first in the report, the errors after them: the cut still keeps every error.
        let warnings = try dir.write("a-warnings.yaml", Self.repeatedTags(81))
        let errors = try dir.write("b-errors.json", #"{"name": "a b", "tags": [{}, {}, {}]}"#)
        let run = try Executable.run(["--no-config", "--format", "sarif", "--sarif-max-results", "50", warnings, errors])
        #expect(run.status == 1)
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let results = try Self.results(sarif)
        let levels = results.compactMap { $0["level"] as? String }
        #expect(results.count == 50)
        #expect(levels.filter { $0 == "error" }.count == 4, "the name and three missing keys: \(levels)")
        // Report order stays: the first file's first 46 warnings, then the second file's errors (its warnings,
        // the last in the report, were cut first).
        #expect(levels.prefix(46).allSatisfy { $0 == "warning" } && levels.suffix(4).allSatisfy { $0 == "error" },
                "\(levels)")
        let notifications = try Self.notifications(sarif)
        let text = try #require((notifications.first?["message"] as? [String: Any])?["text"] as? String)
        #expect(text.hasPrefix("37 of 87 results were left out of this run (37 warnings)"), "\(text)")
        #expect(text.contains("--sarif-max-results N raises the result cap"))
        #expect(!text.contains("--sarif-max-bytes"), "only the cap that cut is named")
        try Self.validateAgainstTheSchema(run.stdout)
    }

    @Test func aRunWithinTheLimitsHasNoNotification() throws {
        let run = try Executable.run(["--no-config", "--format", "sarif", "Examples/invalid/repeated-tags.yaml"])
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(try Self.results(sarif).count == 101)
        #expect(try Self.notifications(sarif).isEmpty)
    }

    // MARK: - Helpers

    static func results(_ sarif: [String: Any]) throws -> [[String: Any]] {
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        return try #require(run["results"] as? [[String: Any]])
    }

    static func notifications(_ sarif: [String: Any]) throws -> [[String: Any]] {
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        return invocation["toolExecutionNotifications"] as? [[String: Any]] ?? []
    }

    static func validateAgainstTheSchema(_ sarif: String) throws {
        let schema = Executable.packageRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json").path
        try #require(FileManager.default.fileExists(atPath: schema), "the SARIF schema is missing at \(schema)")
        let dir = try TemporaryDirectory()
        let file = try dir.write("capped.sarif", sarif)
        let validation = try Executable.tool(["python3", ".ci/validate-sarif.py", schema, file])
        #expect(validation.status == 0 && validation.output.contains(": valid SARIF"), "\(validation.output)")
    }
}
