import Foundation
import Testing

@_spi(Internals) @testable import ActivityLint

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files named on the command line (pre-commit, `git ls-files | xargs`) or listed with `--files-from`: the paths
/// are split off before ArgumentParser, which collects positional arrays in quadratic time.
@Suite(.serialized)
struct NamedFilesTests {
    /// `count` request files `d/fN.json` in a new folder; the one at `bad` has a name with a space. Written and
    /// removed with plain POSIX calls: Foundation's take milliseconds a file here.
    final class Folder {
        let dir: TemporaryDirectory
        let names: [String]

        init(_ count: Int, bad: Int) throws {
            dir = try TemporaryDirectory()
            try #require(mkdir(dir.path + "/d", 0o755) == 0)
            names = (0..<count).map { "d/f\($0).json" }
            for (index, name) in names.enumerated() {
                let text = index == bad ? #"{"name": "a b"}"# : #"{"name": "n\#(index)"}"#
                let descriptor = open(dir.path + "/" + name, O_CREAT | O_WRONLY | O_TRUNC, 0o644)
                try #require(descriptor >= 0)
                _ = text.withCString { write(descriptor, $0, strlen($0)) }
                close(descriptor)
            }
        }

        deinit {
            for name in names { unlink(dir.path + "/" + name) }
        }
    }

    static func report(_ run: Executable.Run) throws -> (files: [[String: Any]], diagnostics: [[String: Any]]) {
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any],
                                  "\(run.stderr)")
        return (try #require(report["files"] as? [[String: Any]]), try #require(report["diagnostics"] as? [[String: Any]]))
    }

    @Test func twentyThousandNamedFilesAreEachLinted() throws {
        let folder = try Folder(20_000, bad: 12_345)
        let names = folder.names
        let run = try Executable.run(["--no-config", "--format", "json"] + names, workingDirectory: folder.dir.url)
        #expect(run.status == 1)
        let (files, diagnostics) = try Self.report(run)
        #expect(files.count == 20_000)
        #expect(files.map { $0["path"] as? String ?? "" } == names, "in the order given")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?["file"] as? String == "d/f12345.json")
        #expect(diagnostics.first?["rule"] as? String == "name-forbidden-character")
        #expect(diagnostics.first?["column"] as? Int == 12)
    }

    @Test func optionsBetweenPathsStillApply() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.json", #"{"name": "a b", "tags": [{}, {}, {}]}"#)
        try dir.write("b.json", #"{"name": "ok"}"#)
        try dir.write("-starts-with-dash.json", #"{"name": "c d"}"#)
        // `1` is the value of --max-findings-per-rule, not a path; `-starts-with-dash.json` is a path after `--`.
        let run = try Executable.run(
            ["a.json", "--format", "json", "b.json", "--max-findings-per-rule", "1", "--no-config", "--",
             "-starts-with-dash.json"], workingDirectory: dir.url)
        #expect(run.status == 1, "\(run.stderr)")
        let (files, diagnostics) = try Self.report(run)
        #expect(files.map { $0["path"] as? String } == ["a.json", "b.json", "-starts-with-dash.json"])
        #expect(diagnostics.filter { $0["rule"] as? String == "tag-key-missing" }.count == 1, "capped at 1")
        #expect(diagnostics.contains { $0["file"] as? String == "-starts-with-dash.json" })

        // A path right after a flag, `-` after a flag, a path that a value-taking option's value resembles.
        let afterFlags = try Executable.run(
            ["lint", "--no-config", "b.json", "--format=json", "--force-include", "-", "--stdin-filename", "a.json",
             "a.json"], stdin: #"{"name": "x y"}"#, workingDirectory: dir.url)
        #expect(afterFlags.status == 1, "\(afterFlags.stderr)")
        #expect(try Self.report(afterFlags).files.map { $0["path"] as? String } == ["b.json", "a.json", "a.json"],
                "standard input is reported under --stdin-filename")
        let onlyFlagged = try Executable.run(["--format", "json", "--no-config", "b.json"], workingDirectory: dir.url)
        #expect(onlyFlagged.status == 0)
        #expect(try Self.report(onlyFlagged).files.map { $0["path"] as? String } == ["b.json"])
    }

    @Test func filesFromAFileAndFromStandardInput() throws {
        let folder = try Folder(300, bad: 7)
        let (dir, names) = (folder.dir, folder.names)
        try dir.write("list.txt", names.prefix(200).joined(separator: "\r\n") + "\r\n\n")
        let fromFile = try Executable.run(
            ["--no-config", "--format", "json", "--files-from", "list.txt", "d/f250.json"], workingDirectory: dir.url)
        #expect(fromFile.status == 1)
        let listed = try Self.report(fromFile)
        #expect(listed.files.map { $0["path"] as? String ?? "" } == ["d/f250.json"] + names.prefix(200))
        #expect(listed.diagnostics.map { $0["file"] as? String } == ["d/f7.json"])

        let fromStdin = try Executable.run(
            ["--no-config", "--format", "json", "--files-from", "-"], stdin: names.joined(separator: "\n"),
            workingDirectory: dir.url)
        #expect(fromStdin.status == 1)
        #expect(try Self.report(fromStdin).files.count == 300)

        let separatedByNUL = try Executable.run(
            ["--no-config", "--format", "json", "-0", "--files-from", "-"], stdin: names.joined(separator: "\0") + "\0",
            workingDirectory: dir.url)
        #expect(separatedByNUL.status == 1)
        #expect(try Self.report(separatedByNUL).files.count == 300)
    }

    @Test func filesFromProblemsExitTwo() throws {
        let missing = try Executable.run(["--no-config", "--files-from", "no-such-list.txt"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("activity-lint: error: no-such-list.txt: cannot be read"), "\(missing.stderr)")
        let both = try Executable.run(["--no-config", "--files-from", "-", "-"], stdin: "a.json\n")
        #expect(both.status == 2)
        #expect(both.stderr.contains("standard input cannot hold both"), "\(both.stderr)")
    }

    @Test func usageErrorsExitTwoWithArgumentParsersMessage() throws {
        let cases: [([String], String)] = [
            (["--format", "bogus", "a.json", "b.json"], "Error: The value 'bogus' is invalid for '--format <format>'"),
            (["a.json", "--bogus", "b.json"], "Error: Unknown option '--bogus'"),
            (["a.json", "--max-depth"], "Error: Missing value for '--max-depth <max-depth>'"),
            (["a.json", "--max-findings-per-rule=-3"], "output caps must be 0 (no cap) or positive numbers"),
            (["--no-config"], "Error: Missing expected argument '<paths> ...'"),
        ]
        for (arguments, message) in cases {
            let run = try Executable.run(arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains("Usage: activity-lint"), "\(arguments): \(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
        let help = try Executable.run(["a.json", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--files-from <files-from>"))
        #expect(try Executable.run(["rules"]).stdout.contains("too-many-findings"), "other commands are not split")
    }
}
