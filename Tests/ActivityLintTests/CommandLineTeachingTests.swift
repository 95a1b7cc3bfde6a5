import Foundation
import Testing
@_spi(Internals) @testable import ActivityLint

/// The command line as a new user meets it: help that shows what to type, typos answered with the id meant,
/// every mistake of a configuration or rule pack in one run, and runs that say what they hid.
@Suite(.serialized)
struct CommandLineTeachingTests {
    @Test func topLevelHelpShowsTheLintOptionsAndEverySourceKind() throws {
        for request in ["--help", "-h", "help"] {
            let run = try Executable.run([request])
            #expect(run.status == 0, "\(request): \(run.stderr)")
            for option in ["--format <format>", "--config <config>", "--rules <rules>", "--baseline <baseline>",
                           "--stdin-filename <stdin-filename>", "--input-kind <input-kind>", "--files-from <files-from>"] {
                #expect(run.stdout.contains(option), "\(request) lacks \(option)")
            }
            for kind in ["CreateActivity API requests", "--cli-input-json", "--cli-input-yaml", "--generate-cli-skeleton",
                         "CloudFormation", "SAM", "CDK", "Terraform plans"] {
                #expect(run.stdout.contains(kind), "\(request) does not name \(kind)")
            }
        }
    }

    @Test func explainAndRulesAnswerATypoWithTheClosestId() throws {
        let explain = try Executable.run(["explain", "name-forbiden-character"])
        #expect(explain.status == 2)
        #expect(explain.stdout.isEmpty)
        #expect(explain.stderr == "activity-lint: error: unknown rule `name-forbiden-character`; "
            + "did you mean `name-forbidden-character`?\n")
        let nothingClose = try Executable.run(["explain", "sprockets"])
        #expect(nothingClose.stderr == "activity-lint: error: unknown rule `sprockets`; `activity-lint rules` lists them\n")
    }

    @Test func rulesAndExplainShowTheConfiguredRulesAndPacks() throws {
        let repo = try TemporaryDirectory()
        try repo.write(".activity-lint.yml", """
            disable: [name-cloudwatch-safe]
            severity: {name-length: warning}
            rules: [team.yml]
            """)
        try repo.write("team.yml", """
            rules:
              - id: team-tag
                validator: required-tag
                severity: error
                summary: Every activity has a team tag.
                options: {key: team}
            """)
        let rules = try Executable.run(["rules"], workingDirectory: repo.url)
        #expect(rules.status == 0, "\(rules.stderr)")
        let lines = rules.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        func severity(_ id: String) -> String? { lines.first { $0.first.map(String.init) == id }.map { String($0[1]) } }
        #expect(severity("name-cloudwatch-safe") == "off")
        #expect(severity("name-length") == "warning")
        #expect(severity("name-forbidden-character") == "error")
        #expect(severity("team-tag") == "error", "the pack's rule is listed")

        let pack = try Executable.run(["explain", "team-tag"], workingDirectory: repo.url)
        #expect(pack.status == 0, "\(pack.stderr)")
        #expect(pack.stdout.hasPrefix("# team-tag\n\nEvery activity has a team tag.\n\n- Severity: error\n"))
        let lowered = try Executable.run(["explain", "name-length"], workingDirectory: repo.url)
        #expect(lowered.stdout.contains("- Severity: warning (set by \(physical(repo))/.activity-lint.yml); error by default\n"),
                "\(lowered.stdout)")
        let off = try Executable.run(["explain", "name-cloudwatch-safe"], workingDirectory: repo.url)
        #expect(off.stdout.contains("- Severity: off (set by \(physical(repo))/.activity-lint.yml); warning by default\n"),
                "\(off.stdout)")

        // --no-config and --rules: the built-in defaults, and the pack named on the command line.
        let flags = try Executable.run(["rules", "--no-config", "--rules", "team.yml"], workingDirectory: repo.url)
        #expect(flags.stdout.contains("team-tag"))
        #expect(!flags.stdout.contains(" off "))
        let withoutPack = try Executable.run(["explain", "team-tag", "--no-config"], workingDirectory: repo.url)
        #expect(withoutPack.status == 2)
        #expect(withoutPack.stderr.contains("unknown rule `team-tag`"))
    }

    @Test func everyMistakeOfAConfigurationAndItsPacksIsReportedInOneRun() throws {
        let repo = try TemporaryDirectory()
        try repo.write(".activity-lint.yml", """
            extends: [shared/base.yml]
            disable: [name-forbiden-character]
            severity:
              tag-duplicate-pair: loud
            fail-on: info
            rules: [policies/missing.yml, team.yml]
            colour: auto
            """)
        try repo.write("team.yml", """
            rules:
              - id: name-length
                validator: required-tag
                severity: error
                summary: Taken.
              - id: sizes
                validator: no-such-validator
                severity: error
                summary: Unknown validator.
              - id: loudness
                validator: required-tag
                severity: loud
                summary: Bad severity.
            """)
        try repo.write("request.json", #"{"name": "orders"}"#)
        let run = try Executable.run(["request.json"], workingDirectory: repo.url)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        let config = "activity-lint: \(physical(repo))/.activity-lint.yml"
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 8, "\(run.stderr)")
        #expect(Array(lines.prefix(5)) == [
            "\(config):1:11: error: `extends` names \"shared/base.yml\": cannot be read: No such file or directory",
            "\(config):4:23: error: severity must be error, warning, info or off, not `loud`",
            "\(config):5:10: error: `fail-on` must be error or warning",
            "\(config):7:1: error: unknown setting `colour`",
            "\(config):6:9: error: `rules` names \"policies/missing.yml\": cannot be read: No such file or directory",
        ])
        let pack = "activity-lint: \(physical(repo))/team.yml"
        let namedAt = "(in the file `rules` names at \(physical(repo))/.activity-lint.yml:6:31)"
        #expect(Array(lines.dropFirst(5)) == [
            "\(pack):2:5: error: rule id `name-length` is already taken \(namedAt)",
            "\(pack):6:5: error: rule `sizes`: unknown validator `no-such-validator` (known: "
                + "\(ValidatorRegistry.builtIn.validators.keys.sorted().joined(separator: ", "))) \(namedAt)",
            "\(pack):12:15: error: severity must be error, warning or info, not `loud` \(namedAt)",
        ])
    }

    @Test func unknownRuleIdsGetTheClosestIdInTheConfigurationAndInSuppressions() throws {
        let repo = try TemporaryDirectory()
        try repo.write(".activity-lint.yml", "disable: [name-forbiden-character, tag-duplicate-pairs, sprockets]\n")
        try repo.write("request.json", #"{"name": "orders"}"#)
        let configured = try Executable.run(["request.json"], workingDirectory: repo.url)
        #expect(configured.status == 2)
        let config = "activity-lint: \(physical(repo))/.activity-lint.yml"
        #expect(configured.stderr == """
            \(config):1:11: error: unknown rule `name-forbiden-character`; did you mean `name-forbidden-character`?
            \(config):1:36: error: unknown rule `tag-duplicate-pairs`; did you mean `tag-duplicate-pair`?
            \(config):1:57: error: unknown rule `sprockets`; `activity-lint rules` lists the rules

            """)

        try repo.write("suppressed.yaml", """
            # activity-lint: disable-next-line name-forbiden-character
            name: orders queue
            """)
        let suppressed = try Executable.run(["--no-config", "suppressed.yaml"], workingDirectory: repo.url)
        #expect(suppressed.stdout.contains("suppressed.yaml:1:1: warning: suppression names the unknown rule "
            + "`name-forbiden-character`; did you mean `name-forbidden-character`? [unused-suppression]"), "\(suppressed.stdout)")
    }

    @Test func stdinFilenameWithoutADashReadsStandardInput() throws {
        let request = "name: orders queue\n"
        let implied = try Executable.run(["--stdin-filename", "requests/orders.yaml"], stdin: request)
        #expect(implied.status == 1, "\(implied.stderr)")
        #expect(implied.stdout.hasPrefix("requests/orders.yaml:1:13: error: activity name contains the white space"))
        let explicit = try Executable.run(["--stdin-filename", "requests/orders.yaml", "-"], stdin: request)
        #expect(explicit.stdout == implied.stdout, "an explicit - reads standard input once, as the implied one does")
    }

    @Test func aBaselineRunSaysHowManyFindingsTheBaselineHid() throws {
        let repo = try TemporaryDirectory()
        try repo.write("request.json", #"{"name": "orders queue", "tags": [{"key": "aws:team", "value": "orders"}]}"#)
        let write = try Executable.run(["--write-baseline", "baseline.json", "request.json"], workingDirectory: repo.url)
        #expect(write.status == 0, "\(write.stderr)")
        try repo.write("other.json", #"{"name": "billing queue"}"#)
        let run = try Executable.run(["--baseline", "baseline.json", "request.json", "other.json"], workingDirectory: repo.url)
        #expect(run.status == 1, "other.json's finding is new")
        #expect(run.stderr == "activity-lint: note: the baseline baseline.json hid 2 findings\n", "\(run.stderr)")
        #expect(run.stdout.contains("other.json:1:18: error:"))
        #expect(!run.stdout.contains("request.json:"))
    }
}

/// The folder as the linter names it: its working directory is physical (on macOS, /var/folders is /private/var/folders).
private func physical(_ directory: TemporaryDirectory) -> String {
    PathText.resolved(directory.path) ?? directory.path
}

/// Every mistake is told, up to a bound: a large file of them cannot flood the terminal.
struct ConfigurationProblemBoundTests {
    @Test func problemsPastTheLimitAreCountedOnOneLine() throws {
        let repo = try TemporaryDirectory()
        let keys = (1...250).map { "unknown-\($0): 1" }.joined(separator: "\n")
        let config = try repo.write("config.yml", keys + "\n")
        let configured = try Executable.run(["--config", config, repo.path])
        let lines = configured.stderr.split(separator: "\n")
        #expect(configured.status == 2)
        #expect(lines.count == 101, "\(lines.count)")
        #expect(lines.first == "activity-lint: \(config):1:1: error: unknown setting `unknown-1`")
        #expect(lines[99] == "activity-lint: \(config):100:1: error: unknown setting `unknown-100`")
        #expect(lines.last == "activity-lint: \(config): error: 150 more problems not shown; fix these and run again")
    }
}
