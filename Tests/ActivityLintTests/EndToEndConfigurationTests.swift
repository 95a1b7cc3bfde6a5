import Foundation
import Testing
@_spi(Internals) @testable import ActivityLint

/// The executable with a configuration file, a rule pack, suppressions and a baseline, in a scratch repository.
@Suite(.serialized)
struct EndToEndConfigurationTests {
    @Test func configurationPackSuppressionAndFailOn() throws {
        let repo = try TemporaryDirectory()
        try repo.write(".activity-lint.yml", """
            rules: [\(Executable.packageRoot.path)/Rules/packs/tagging-policy.yml]
            disable: [name-cloudwatch-safe]
            severity: {cost-center-tag: error}
            exclude: [fixtures]
            fail-on: warning
            """)
        try repo.write("infra/worker.yaml", """
            name: worker.v2
            tags:
              # activity-lint: disable-next-line environment-values -- qa is being added to the policy
              - {key: environment, value: qa}
            """)
        try repo.write("fixtures/broken.json", "{")
        let run = try Executable.run(["--config", repo.path + "/.activity-lint.yml", repo.path], environment: [:])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("infra/worker.yaml:2:1: error: tag \"cost-center\" is missing; finance allocates costs by it [cost-center-tag]"))
        #expect(!run.stdout.contains("[name-cloudwatch-safe]"))
        #expect(!run.stdout.contains("environment-values"))
        #expect(!run.stdout.contains("broken.json"), "excluded by the configuration")
        // The run says what the configuration turned off.
        #expect(run.stdout.hasSuffix("Configuration: \(repo.path)/.activity-lint.yml (1 rule off: "
            + "name-cloudwatch-safe; 1 file excluded)\n"), "\(run.stdout)")
    }

    @Test func configurationIsFoundFromTheWorkingDirectory() throws {
        let repo = try TemporaryDirectory()
        try repo.write(".activity-lint.yml", "fail-on: warning\n")
        try repo.write("a/request.json", #"{"name": "orders.v2"}"#)
        let run = try Executable.run(["a/request.json"], workingDirectory: repo.url.appendingPathComponent("a").deletingLastPathComponent())
        #expect(run.status == 1, "a warning fails the run with fail-on: warning")
        let ignored = try Executable.run(["--no-config", "a/request.json"], workingDirectory: repo.url)
        #expect(ignored.status == 0)
    }

    @Test func excludedExplicitPathIsSkippedWithANoteUnlessForced() throws {
        let repo = try TemporaryDirectory()
        let config = try repo.write(".activity-lint.yml", "exclude: [\"legacy/**\"]\n")
        let file = try repo.write("legacy/old.json", #"{"name": "a b"}"#)
        let skipped = try Executable.run(["--config", config, file])
        #expect(skipped.status == 0)
        #expect(skipped.stderr.contains("is excluded by"))
        let forced = try Executable.run(["--config", config, "--force-include", file])
        #expect(forced.status == 1)
    }

    @Test func invalidConfigurationExitsTwoWithItsPosition() throws {
        let repo = try TemporaryDirectory()
        let config = try repo.write(".activity-lint.yml", "disable: [name-length]\nfail-on: never\n")
        let run = try Executable.run(["--config", config, "Examples/valid"])
        #expect(run.status == 2)
        #expect(run.stderr.contains(".activity-lint.yml:2:10: error: `fail-on` must be error or warning"), "\(run.stderr)")
    }

    @Test func badRulePackExitsTwo() throws {
        let repo = try TemporaryDirectory()
        let pack = try repo.write("pack.yml", "rules:\n  - id: x\n    validator: nope\n    severity: error\n    message: m\n")
        let run = try Executable.run(["--rules", pack, "Examples/valid"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("pack.yml:2:5: error: rule `x`: unknown validator `nope` (known: "), "\(run.stderr)")
    }

    @Test func baselineReportsOnlyNewFindings() throws {
        let repo = try TemporaryDirectory()
        let request = try repo.write("r.json", #"{"name": "a b"}"#)
        let baseline = repo.path + "/baseline.json"
        let written = try Executable.run(["--write-baseline", baseline, request])
        #expect(written.status == 0, "everything found is now in the baseline")
        #expect(written.stderr.contains("wrote 1 findings to the baseline"))
        try "\n\n{\"name\": \"a b\"}".write(toFile: request, atomically: true, encoding: .utf8)
        #expect(try Executable.run(["--baseline", baseline, request]).status == 0, "moved lines do not matter")
        try #"{"name": "a b/c"}"#.write(toFile: request, atomically: true, encoding: .utf8)
        let changed = try Executable.run(["--baseline", baseline, request])
        #expect(changed.status == 1)
        #expect(changed.stdout.contains("'/' (U+002F SOLIDUS)"))
    }

    @Test func githubFormat() throws {
        let run = try Executable.run(["--format", "github", "Examples/invalid/long-name.json"])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("::error file=Examples/invalid/long-name.json,line=1,col=91,endLine=1,endColumn=93,title=name-length::activity name is 82 characters long"))
    }

    @Test func rulesAndExplain() throws {
        let rules = try Executable.run(["rules"])
        #expect(rules.status == 0)
        #expect(rules.stdout.split(separator: "\n").count == RuleCatalog.builtIn.rules.count)
        #expect(rules.stdout.contains("name-forbidden-character"))
        let explain = try Executable.run(["explain", "tag-charset"])
        #expect(explain.status == 0)
        #expect(explain.stdout.hasPrefix("# tag-charset\n"))
        #expect(explain.stdout.contains("## Reported"))
        #expect(try Executable.run(["explain", "no-such-rule"]).status == 2)
    }
}
