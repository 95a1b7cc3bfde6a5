import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@_spi(Internals) @testable import ActivityLint

/// What a pull request controls in the tree: symbolic links out of the repository, a configuration that turns
/// the linter off, paths too long to resolve, a FIFO. Each case runs the built binary as CI would and checks the
/// exit status and what the user sees.
@Suite(.serialized)
struct HostileRepositoryTests {
    static func repository() throws -> TemporaryDirectory {
        let repo = try TemporaryDirectory()
        try FileManager.default.createDirectory(at: repo.url.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try repo.write("requests/orders.json", #"{"name": "orders queue"}"#)
        return repo
    }

    static func link(_ repo: TemporaryDirectory, _ name: String, to target: String) throws {
        try FileManager.default.createDirectory(
            at: repo.url.appendingPathComponent(name).deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: repo.url.appendingPathComponent(name).path, withDestinationPath: target)
    }

    // MARK: - Symbolic links out of the repository

    @Test
    func linksOutOfTheRepositoryAreNotFollowedAndNothingOfTheirTargetIsShown() throws {
        let repo = try Self.repository()
        let secret = try TemporaryDirectory()
        try secret.write("secrets.yaml", "name: AKIA-SECRET-VALUE\ntoken: hunter2-SECRET\n")
        try Self.link(repo, "env.yaml", to: "/proc/self/environ")
        try Self.link(repo, "config/passwd.yaml", to: "/etc/passwd")
        try Self.link(repo, "config/creds.yaml", to: secret.path + "/secrets.yaml")
        try Self.link(repo, "root", to: "/")
        try Self.link(repo, "vendor/outside", to: secret.path)
        // A link that stays inside the repository is followed as before.
        try Self.link(repo, "mirror/orders.json", to: "../requests/orders.json")
        for format in ["text", "json", "sarif", "github"] {
            let run = try Executable.run(["--format", format, "-v", "."], environment: ["CI_TOKEN": "ci-SECRET-token"],
                                         workingDirectory: repo.url)
            #expect(run.status == 1, "the real finding still fails the run (\(format))")
            let output = run.stdout + run.stderr
            for leaked in ["SECRET", "root:x:0:0", "/bin/bash", "hunter2", "bin/sh"] {
                #expect(!output.contains(leaked), "\(format) output shows \(leaked)")
            }
            #expect(output.contains("mirror/orders.json"), "a link inside the repository is linted (\(format))")
            if format == "text" {
                for name in ["env.yaml", "config/passwd.yaml", "config/creds.yaml", "root", "vendor/outside"] {
                    #expect(output.contains("\(name): skipped (a link out of the repository): a symbolic link (or a "
                        + "path through one) to a place outside the repository; not followed\n"), "\(name): \(output)")
                }
                #expect(output.contains("; 5 skipped (links out of the repository)"), "\(output)")
            }
        }
    }

    @Test
    func namedLinksOutOfTheRepositoryAreNotFollowedEither() throws {
        let repo = try Self.repository()
        try Self.link(repo, "env.yaml", to: "/proc/self/environ")
        try Self.link(repo, "root", to: "/")
        // What `git ls-files | xargs activity-lint` or pre-commit would pass.
        let run = try Executable.run(["env.yaml", "root/etc/passwd", "root", "requests/orders.json"],
                                     environment: ["CI_TOKEN": "ci-SECRET-token"], workingDirectory: repo.url)
        #expect(run.status == 1)
        #expect(!run.stdout.contains("SECRET") && !run.stdout.contains("root:x:0:0"))
        #expect(run.stdout.contains("; 3 skipped (links out of the repository)"), "\(run.stdout)")
        #expect(run.stdout.contains("requests/orders.json:1:17: error:"))
    }

    @Test func noLinkLeadsIntoTheRepositorysGitFolder() throws {
        let repo = try Self.repository()
        try repo.write(".git/config", "[http \"https://github.com/\"]\n\textraheader = AUTHORIZATION: basic SECRET\n")
        try Self.link(repo, "config.yaml", to: ".git/config")
        let run = try Executable.run(["-v", ".", "config.yaml"], workingDirectory: repo.url)
        #expect(!run.stdout.contains("SECRET"))
        #expect(run.stdout.contains("config.yaml: skipped (a link out of the repository): a symbolic link (or a path "
            + "through one) to a place outside the repository or into its .git folder; not followed"), "\(run.stdout)")
    }

    @Test
    func outsideAnyRepositoryLinksMayNotLeaveTheFolderNamed() throws {
        // No .git anywhere above: the working directory could be / or a home folder in a container.
        let outside = try TemporaryDirectory()
        try outside.write("secret.yaml", "name: SECRET-VALUE\n")
        let tree = try TemporaryDirectory()
        try tree.write("requests/orders.json", #"{"name": "orders queue"}"#)
        try Self.link(tree, "requests/leak.yaml", to: outside.path + "/secret.yaml")
        try Self.link(tree, "env.yaml", to: "/proc/self/environ")
        for (arguments, directory) in [([tree.path], URL(fileURLWithPath: "/")), (["."], tree.url), (["env.yaml"], tree.url)] {
            let run = try Executable.run(["-v"] + arguments, environment: ["CI_TOKEN": "ci-SECRET-token"],
                                         workingDirectory: directory)
            #expect(!run.stdout.contains("SECRET") && !run.stderr.contains("SECRET"), "\(arguments): \(run.stdout)")
            #expect(run.stdout.contains("skipped (a link out of the repository)"), "\(arguments): \(run.stdout)")
        }
    }

    @Test func aPathOutsideTheRepositoryThatTheUserNamesIsRead() throws {
        let repo = try Self.repository()
        let elsewhere = try TemporaryDirectory()
        let path = try elsewhere.write("request.json", #"{"name": "a b"}"#)
        let run = try Executable.run([path], workingDirectory: repo.url)
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("\(path):1:12: error:"), "reported by its absolute path: \(run.stdout)")
    }

    // MARK: - A configuration that switches the linter off says so

    @Test func aConfigurationThatDisablesEveryRuleSaysSo() throws {
        let repo = try Self.repository()
        let ids = RuleCatalog.builtIn.rules.map(\.id).joined(separator: ", ")
        try repo.write(".activity-lint.yml", "disable: [\(ids)]\n")
        let text = try Executable.run(["."], workingDirectory: repo.url)
        #expect(text.status == 0)
        #expect(text.stdout.contains("Configuration: .activity-lint.yml (every rule is off, so nothing was checked)"))
        #expect(text.stderr.contains("activity-lint: note: .activity-lint.yml turns every rule off: nothing was checked"))
        let github = try Executable.run(["--format", "github", "."], workingDirectory: repo.url)
        #expect(github.stdout.hasPrefix("::notice title=activity-lint configuration::Configuration: .activity-lint.yml "
            + "(every rule is off, so nothing was checked)\n"), "\(github.stdout)")
        let json = try Executable.run(["--format", "json", "."], workingDirectory: repo.url)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let configuration = try #require(report["configuration"] as? [String: Any])
        #expect(configuration["file"] as? String == ".activity-lint.yml")
        #expect((configuration["rulesOff"] as? [String])?.count == RuleCatalog.builtIn.rules.count)
        let sarif = try Executable.run(["--format", "sarif", "."], workingDirectory: repo.url)
        #expect(sarif.stdout.contains("\"toolConfigurationNotifications\""))
    }

    @Test func aConfigurationThatLowersRulesBelowFailOnSaysSo() throws {
        let repo = try Self.repository()
        try repo.write(".activity-lint.yml", "severity: {name-forbidden-character: info, name-length: warning}\n")
        let run = try Executable.run(["."], workingDirectory: repo.url)
        #expect(run.status == 0, "the name's space no longer fails the run")
        #expect(run.stdout.contains("Configuration: .activity-lint.yml (2 rules no longer failing the run: "
            + "name-length, name-forbidden-character)"), "\(run.stdout)")
        let github = try Executable.run(["--format", "github", "."], workingDirectory: repo.url)
        #expect(github.stdout.contains("\n::notice title=activity-lint configuration::Configuration: .activity-lint.yml "
            + "(2 rules no longer failing the run"), "\(github.stdout)")
    }

    @Test func unusedBaselineEntriesAreCappedLikeAnyFinding() throws {
        let repo = try Self.repository()
        let entries = (0..<500).map { index in
            #"{"file": "requests/orders.json", "rule": "name-length", "pointer": "/x\#(index)", "message": "m", "fingerprint": "f\#(index)"}"#
        }.joined(separator: ",\n")
        try repo.write("baseline.json", "{\"version\": 2, \"findings\": [\n\(entries)\n]}\n")
        let run = try Executable.run(["--format", "json", "--baseline", "baseline.json", "requests"], workingDirectory: repo.url)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let rules = (report["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(rules.filter { $0 == "unused-baseline-entry" }.count == 100, "\(run.stdout.prefix(2000))")
        #expect(rules.contains("too-many-findings"))
    }

    @Test func aConfigurationThatExcludesEveryInputSaysSo() throws {
        let repo = try Self.repository()
        try repo.write(".activity-lint.yml", "exclude: [\"**\"]\n")
        try repo.write("requests/more.yaml", "name: more\n")
        let run = try Executable.run(["."], workingDirectory: repo.url)
        #expect(run.status == 0)
        #expect(run.stdout.contains("Configuration: .activity-lint.yml (2 files excluded)"), "\(run.stdout)")
        #expect(run.stderr.contains("note: all 2 JSON and YAML files found are excluded by .activity-lint.yml"))
        #expect(!run.stderr.contains("no JSON or YAML files found"))
        let github = try Executable.run(["--format", "github", "."], workingDirectory: repo.url)
        #expect(github.stdout.hasPrefix("::notice title=activity-lint configuration::Configuration: .activity-lint.yml "
            + "(2 files excluded)\n"))
    }

    // MARK: - Discovery cannot be slipped past

    @Test
    func aFolderDeeperThanPathMaxIsReportedNotSkipped() throws {
        let repo = try Self.repository()
        // Built one level at a time from an open folder, as a checkout would: no single path call sees it whole.
        let segment = String(repeating: "d", count: 200)
        var descriptor = open(repo.path, O_RDONLY | O_DIRECTORY)
        #expect(descriptor >= 0)
        for _ in 0..<25 {
            #expect(mkdirat(descriptor, segment, 0o755) == 0)
            let next = openat(descriptor, segment, O_RDONLY | O_DIRECTORY)
            close(descriptor)
            descriptor = next
        }
        let file = openat(descriptor, "deep.json", O_WRONLY | O_CREAT, 0o644)
        _ = #"{"name": "deep queue"}"#.withCString { write(file, $0, strlen($0)) }
        close(file)
        close(descriptor)
        // FileManager cannot remove what is deeper than PATH_MAX; rm walks it by descriptors.
        defer { _ = try? Executable.tool(["rm", "-rf", repo.url.appendingPathComponent(segment).path]) }
        let run = try Executable.run(["--format", "json", "."], workingDirectory: repo.url)
        #expect(run.status == 2, "an unreadable folder fails the run: \(run.stdout)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let files = try #require(report["files"] as? [[String: Any]])
        let failed = files.compactMap { $0["error"] as? String }
        #expect(failed.contains { $0.contains("File name too long") }, "\(failed)")
        #expect(run.stderr.contains("File name too long"))
    }

    @Test
    func aNamedFIFOIsRefusedWithoutWaitingForAWriter() throws {
        let repo = try Self.repository()
        let fifo = repo.url.appendingPathComponent("pipe.json").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let run = try Executable.run(["pipe.json", "requests/orders.json"], workingDirectory: repo.url)
        #expect(run.status == 2)
        #expect(run.stdout.contains("pipe.json: error: is not a regular file (a FIFO, socket or device); only - reads "
            + "a stream: use `activity-lint - < pipe.json`"), "\(run.stdout)")
        #expect(run.stdout.contains("requests/orders.json:1:17: error:"))
    }
}
