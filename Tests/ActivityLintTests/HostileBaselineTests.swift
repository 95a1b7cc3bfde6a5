import Foundation
import Testing

@_spi(Internals) @testable import ActivityLint

/// A baseline comes from the pull request too: an entry cannot say it is about one thing and hide another, and
/// entries that hide nothing are reported where they are. Each case runs the built binary in a scratch repository.
@Suite(.serialized)
struct HostileBaselineTests {
    /// Two requests with one finding each (a space in the name), and a baseline of both written by the linter.
    private func repository() throws -> TemporaryDirectory {
        let repo = try TemporaryDirectory()
        try repo.write("a.json", #"{"name": "a b"}"#)
        try repo.write("b.json", #"{"name": "c d"}"#)
        let written = try Executable.run(["--no-config", "--write-baseline", "baseline.json", "a.json", "b.json"],
                                         workingDirectory: repo.url)
        #expect(written.status == 0, "\(written.stderr)")
        return repo
    }

    private func lint(_ repo: TemporaryDirectory, _ arguments: [String]) throws -> Executable.Run {
        try Executable.run(["--no-config", "--baseline", "baseline.json"] + arguments, workingDirectory: repo.url)
    }

    private func baseline(_ repo: TemporaryDirectory) throws -> String {
        try String(contentsOfFile: repo.path + "/baseline.json", encoding: .utf8)
    }

    @Test func baselineWrittenByTheLinterSuppressesItsFindings() throws {
        let repo = try repository()
        let run = try lint(repo, ["a.json", "b.json"])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("No problems found in 2 files"))
    }

    /// The entry for a.json keeps its fingerprint but says it is about another file, rule and message.
    @Test func disguisedEntryHidesNothing() throws {
        let repo = try repository()
        let text = try baseline(repo)
        let entry = try #require(text.range(of: "\"file\": \"a.json\",\n      \"rule\": \"name-forbidden-character\",\n"
            + "      \"subject\": null,\n      \"pointer\": \"/name\",\n"
            + "      \"message\": \"activity name contains the white space U+0020 SPACE"))
        let disguised = text.replacingCharacters(in: entry, with: "\"file\": \"docs/other.json\",\n      \"rule\": \"tag-charset\",\n"
            + "      \"subject\": null,\n      \"pointer\": \"/name\",\n      \"message\": \"unrelated")
        #expect(disguised != text && disguised.contains("tag-charset") && disguised.contains("docs/other.json"))
        try disguised.write(toFile: repo.path + "/baseline.json", atomically: true, encoding: .utf8)
        let run = try lint(repo, ["a.json", "b.json"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("a.json:1:12: error: activity name contains the white space"), "\(run.stdout)")
        #expect(!run.stdout.contains("b.json:"), "b.json's entry still holds")
        // docs/other.json was not linted, so its entry is not judged.
        #expect(!run.stdout.contains("unused-baseline-entry"), "\(run.stdout)")
    }

    /// The same fingerprint with only the rule changed: the finding is back and the entry is reported at its place.
    @Test func entryWithAnotherRuleIsReportedAsUnused() throws {
        let repo = try repository()
        let text = try baseline(repo).replacingOccurrences(
            of: "\"file\": \"a.json\",\n      \"rule\": \"name-forbidden-character\"",
            with: "\"file\": \"a.json\",\n      \"rule\": \"tag-charset\"")
        try text.write(toFile: repo.path + "/baseline.json", atomically: true, encoding: .utf8)
        let run = try lint(repo, ["a.json", "b.json"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("a.json:1:12: error: activity name contains the white space"))
        #expect(run.stdout.contains("baseline.json:5:5: warning: baseline entry for `tag-charset` in \"a.json\" matches "
            + "no finding; remove it, or rewrite the baseline with --write-baseline [unused-baseline-entry]"), "\(run.stdout)")
    }

    /// A fixed finding leaves a stale entry: reported when its file is linted, not when only other files are
    /// (a pre-commit run over the changed files).
    @Test func unusedEntryIsReportedOnlyWhenItsFileIsLinted() throws {
        let repo = try repository()
        try repo.write("a.json", #"{"name": "a-b"}"#)
        let others = try lint(repo, ["b.json"])
        #expect(others.status == 0)
        #expect(others.stdout.contains("No problems found in 1 file"), "\(others.stdout)")
        let json = try lint(repo, ["--format", "json", "a.json", "b.json"])
        #expect(json.status == 0, "a warning does not fail the run")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?["rule"] as? String == "unused-baseline-entry")
        #expect(diagnostics.first?["file"] as? String == "baseline.json")
        #expect(diagnostics.first?["line"] as? Int == 5)
        #expect(diagnostics.first?["column"] as? Int == 5)
        let strict = try Executable.run(["--no-config", "--baseline", "baseline.json", "a.json", "b.json"],
                                        workingDirectory: repo.url)
        #expect(strict.stdout.contains("warning: baseline entry for `name-forbidden-character` in \"a.json\""))
        // The configuration can turn the rule off like any other.
        try repo.write(".activity-lint.yml", "disable: [unused-baseline-entry]\n")
        let off = try Executable.run(["--baseline", "baseline.json", "a.json", "b.json"], workingDirectory: repo.url)
        #expect(off.status == 0)
        #expect(off.stdout.contains("No problems found in 2 files"), "\(off.stdout)")
    }

    /// `./a.json` and `a.json` are one file, in both directions.
    @Test func pathsCompareAfterNormalising() throws {
        let repo = try repository()
        #expect(try lint(repo, ["./a.json", "./b.json"]).stdout.contains("No problems found in 2 files"))
        let dotted = try Executable.run(["--no-config", "--write-baseline", "dotted.json", "./a.json"], workingDirectory: repo.url)
        #expect(dotted.status == 0)
        #expect(try String(contentsOfFile: repo.path + "/dotted.json", encoding: .utf8).contains("\"file\": \"a.json\""))
        let run = try Executable.run(["--no-config", "--baseline", "dotted.json", "a.json"], workingDirectory: repo.url)
        #expect(run.status == 0)
        #expect(run.stdout.contains("No problems found in 1 file"))
    }

    /// Identical findings are counted: one entry hides one of them, and a second entry is not used twice.
    @Test func eachEntryHidesOneFinding() throws {
        let repo = try TemporaryDirectory()
        try repo.write("a.yaml", "name: a b\n---\nname: a b\n")
        #expect(try Executable.run(["--no-config", "--write-baseline", "baseline.json", "a.yaml"], workingDirectory: repo.url).status == 0)
        let text = try baseline(repo)
        let start = try #require(text.range(of: "    {\n      \"file\""))
        let end = try #require(text.range(of: "    }", range: start.upperBound..<text.endIndex))
        // Drop the second entry: one finding comes back, no entry is unused.
        let second = try #require(text.range(of: ",\n    {", range: end.upperBound..<text.endIndex))
        let closing = try #require(text.range(of: "\n  ]", range: second.upperBound..<text.endIndex))
        try (String(text[..<second.lowerBound]) + String(text[closing.lowerBound...]))
            .write(toFile: repo.path + "/baseline.json", atomically: true, encoding: .utf8)
        let run = try lint(repo, ["a.yaml"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("1 error in 1 file"), "\(run.stdout)")
        #expect(!run.stdout.contains("unused-baseline-entry"))
    }

    /// A baseline as version 2 has always written it keeps working, fingerprint and all.
    @Test func baselineOfTheCurrentFormatKeepsWorking() throws {
        let repo = try TemporaryDirectory()
        try repo.write("r.json", #"{"name": "a b"}"#)
        try repo.write("baseline.json", """
            {
              "version": 2,
              "tool": "activity-lint",
              "findings": [
                {
                  "file": "r.json",
                  "rule": "name-forbidden-character",
                  "subject": null,
                  "pointer": "/name",
                  "message": "activity name contains the white space U+0020 SPACE at character 2; AWS rejects the name with InvalidName",
                  "fingerprint": "d7839be8b43ebbde"
                }
              ]
            }
            """)
        let run = try lint(repo, ["r.json"])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("No problems found in 1 file"))
    }

    /// Version 1 keyed entries by message text: its entries cannot match, and the run says what to do.
    @Test func baselineOfVersionOneIsRefusedWithWhatToDo() throws {
        let repo = try TemporaryDirectory()
        try repo.write("r.json", #"{"name": "a b"}"#)
        try repo.write("baseline.json", #"{"version": 1, "tool": "activity-lint", "findings": []}"#)
        let run = try lint(repo, ["r.json"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("baseline.json:1:1: error: this baseline is of version 1"), "\(run.stderr)")
        #expect(run.stderr.contains("rewrite it with --write-baseline"))
    }
}
