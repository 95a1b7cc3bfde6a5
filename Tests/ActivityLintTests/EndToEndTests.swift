import Foundation
import Testing
@_spi(Internals) @testable import ActivityLint

/// The built executable, run on real files: stdout, stderr and exit status as a user sees them.
@Suite(.serialized)
struct EndToEndTests {
    @Test func validExamplesPassWithExitZero() throws {
        let run = try Executable.run(["Examples/valid"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("No problems found in 3 files (4 payloads)"))
    }

    @Test func invalidExamplesFailWithExitOneAndPreciseLocations() throws {
        let run = try Executable.run(["Examples"])
        #expect(run.status == 1)
        #expect(run.stdout.contains(
            "Examples/invalid/name-problems.json:2:18: error: activity name contains the white space U+0020 SPACE"))
        #expect(run.stdout.contains("[name-forbidden-character]"))
        #expect(run.stderr.isEmpty, "\(run.stderr)")
    }

    @Test func examplesTriggerEveryRule() throws {
        let run = try Executable.run(["--format", "json", "Examples"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        let fired = Set(diagnostics.compactMap { $0["rule"] as? String })
        // A file over 16 MiB does not belong in the repository; LimitTests cover file-too-large, and the
        // classification tests no-request-found, which needs --input-kind. An unused baseline entry needs
        // --baseline; HostileBaselineTests cover it.
        let missing = Set(RuleCatalog.builtIn.rules.map(\.id)).subtracting(fired)
            .subtracting(["file-too-large", "no-request-found", "unused-baseline-entry"])
        #expect(missing.isEmpty, "rules no example triggers: \(missing.sorted())")
    }

    @Test func missingPathIsReportedAndOtherFilesAreStillLinted() throws {
        let run = try Executable.run(["no-such-file.json", "Examples/invalid/long-name.json"])
        #expect(run.status == 2)
        #expect(run.stdout.contains("no-such-file.json: error: does not exist"))
        #expect(run.stdout.contains("Examples/invalid/long-name.json:1:91: error:"))
        let json = try Executable.run(["--format", "json", "no-such-file.json", "Examples/invalid/long-name.json"])
        #expect(json.status == 2)
        #expect(json.stderr.contains("activity-lint: error: no-such-file.json: does not exist"))
    }

    @Test func standardInputUsesTheGivenFilename() throws {
        let run = try Executable.run(
            ["--stdin-filename", "request.yaml", "-"], stdin: "name: a b\n")
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("request.yaml:1:8: error:"), "\(run.stdout)")
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try Executable.run(["--format", "xml", "Examples"]).status == 2)
        #expect(try Executable.run([]).status == 2)
    }

    @Test func colourOnlyWhenAskedAndNeverWithNoColor() throws {
        let plain = try Executable.run(["Examples/invalid/long-name.json"])
        #expect(!plain.stdout.contains("\u{1B}["), "not a terminal: no colour")
        let forced = try Executable.run(["--color", "always", "Examples/invalid/long-name.json"])
        #expect(forced.stdout.contains("\u{1B}["))
        let never = try Executable.run(["--color", "auto", "Examples/invalid/long-name.json"], environment: ["NO_COLOR": "1"])
        #expect(!never.stdout.contains("\u{1B}["))
    }

    @Test func controlCharactersFromInputNeverReachTheTerminalRaw() throws {
        let run = try Executable.run(["--stdin-filename", "evil.json", "-"], stdin: "{\"name\": \"a\u{1B}[31mred\"}")
        #expect(run.status == 1)
        #expect(!run.stdout.contains("\u{1B}"), "\(run.stdout.debugDescription)")
    }

    @Test func versionAndHelp() throws {
        let version = try Executable.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.contains(ToolInfo.version))
        let completion = try Executable.run(["--generate-completion-script", "bash"])
        #expect(completion.status == 0)
        #expect(completion.stdout.contains("_activity-lint"))
        let help = try Executable.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("CreateActivity"))
    }
}
