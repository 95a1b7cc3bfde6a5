import Foundation
import Testing
@_spi(Internals) @testable import ActivityLint

/// `activity-lint .` in a service repository shaped like a real one (Tests/Fixtures/service-repo: a package
/// manifest, CDK app and cdk.out, workflows, Kubernetes manifests, an OpenAPI spec, a state machine definition,
/// a SAM template and two request files), with no configuration: only activity documents are linted, the rest
/// is counted as skipped, and every format says the same with repository-relative paths.
@Suite(.serialized)
struct RepositoryRunTests {
    /// A copy of the fixture repository as a git work tree (a `.git` folder marks its root).
    static func serviceRepository() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        let fixture = Executable.packageRoot.appendingPathComponent("Tests/Fixtures/service-repo")
        for item in try FileManager.default.contentsOfDirectory(atPath: fixture.path) {
            try FileManager.default.copyItem(
                at: fixture.appendingPathComponent(item), to: dir.url.appendingPathComponent(item))
        }
        try FileManager.default.createDirectory(at: dir.url.appendingPathComponent(".git"), withIntermediateDirectories: true)
        return dir
    }

    /// By bytes, so `é` written as one code point and as `e` with a combining accent (equal as Swift strings) are two
    /// files, both linted, in one order whatever the file system returns.
    @Test func foldersAreWalkedInTheByteOrderOfTheirNames() throws {
        let folder = try TemporaryDirectory()
        let names = ["b.json", "\u{E9}.json", "a.json", "e\u{301}.json", "B.json", "f.json", "a.json.yaml"]
        // Created through open(2): Foundation's file names would be normalized, and the two é one file.
        for name in names {
            let descriptor = open(folder.path + "/" + name, O_CREAT | O_WRONLY, 0o644)
            #expect(descriptor >= 0)
            #expect(write(descriptor, "{}", 2) == 2)
            close(descriptor)
        }
        let found = InputDiscovery(root: folder.path, isRepository: false).discover([folder.path])
        #expect(found.map { Array($0.displayPath.utf8.split(separator: UInt8(ascii: "/")).last ?? []) } == [
            "B.json", "a.json", "a.json.yaml", "b.json", "e\u{301}.json", "f.json", "\u{E9}.json",
        ].map { Array($0.utf8) })
    }

    /// Extensions are matched in any letter case, by the bytes after the last dot, whatever the name's characters.
    @Test func foldersYieldTheLintedExtensionsInAnyLetterCase() throws {
        let folder = try TemporaryDirectory()
        let names = [
            "a.JSON", "b.Yml", "c.yaml", "d.YAML", "e.txt", "f.json.bak", "g.", "h", "i.jsonx", "j.jso", "k.tf",
            "l.tf.json", "m.TF", "n.\u{C9}json", "o\u{E9}.Json", "p.yml",
        ]
        for name in names {
            let descriptor = open(folder.path + "/" + name, O_CREAT | O_WRONLY, 0o644)
            #expect(descriptor >= 0)
            close(descriptor)
        }
        let found = InputDiscovery(root: folder.path, isRepository: false).discover([folder.path])
        #expect(found.map { $0.displayPath.split(separator: "/").last.map(String.init) ?? "" } == [
            "a.JSON", "b.Yml", "c.yaml", "d.YAML", "k.tf", "l.tf.json", "o\u{E9}.Json", "p.yml",
        ])
    }

    @Test func cleanRepositoryPassesAndSaysWhatItSkipped() throws {
        let repo = try Self.serviceRepository()
        let run = try Executable.run(["."], workingDirectory: repo.url)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasSuffix("""
            1 info in 1 of 4 files (4 payloads); 15 skipped (not activity documents)
            Configuration: none (every built-in rule at its default severity)

            """), "\(run.stdout)")
        // The only finding is the SAM template's Fn::Sub name, at its repository path.
        #expect(run.stdout.hasPrefix("template.yaml:20:13: info: PaymentsActivity: `Name` is an Fn::Sub template"))
        #expect(!run.stdout.contains("package.json"))
        #expect(!run.stdout.contains(": skipped ("), "skipped files are listed only with --show-skipped")
    }

    @Test func showSkippedListsEachFileWithItsReason() throws {
        let repo = try Self.serviceRepository()
        for flag in ["--show-skipped", "-v"] {
            let run = try Executable.run([flag, "."], workingDirectory: repo.url)
            #expect(run.stdout.contains("package.json: skipped (not an activity document): \"name\" beside 7 members "
                + "CreateActivity does not have (\"version\", \"private\", \"description\", …), and no encryption "
                + "configuration or request-shaped tags\n"))
            #expect(run.stdout.contains("cdk.out/manifest.json: skipped (not an activity document): CDK output other "
                + "than a stack template (cdk.out/*.template.json)\n"))
            #expect(run.stdout.components(separatedBy: ": skipped (").count - 1 == 15)
        }
    }

    @Test func jsonGivesEveryFileAKindAndTheSkipReason() throws {
        let repo = try Self.serviceRepository()
        let run = try Executable.run(["--format", "json", "."], workingDirectory: repo.url)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let files = try #require(report["files"] as? [[String: Any]])
        let kinds = Dictionary(uniqueKeysWithValues: files.map { ($0["path"] as! String, $0["kind"] as! String) })
        #expect(kinds["activities/create-orders-activity.json"] == "api-request")
        #expect(kinds["requests/payments.yaml"] == "api-request")
        #expect(kinds["template.yaml"] == "cloudformation-template")
        #expect(kinds["cdk.out/OrdersStack.template.json"] == "cloudformation-template")
        #expect(kinds["package.json"] == "not-activity")
        #expect(kinds["k8s/worker.yaml"] == "not-activity")
        let packageEntry = try #require(files.first { $0["path"] as? String == "package.json" })
        let skipped = try #require(packageEntry["skipped"] as? [String: Any])
        #expect(skipped["category"] as? String == "not-activity")
        #expect((skipped["reason"] as? String)?.hasPrefix("\"name\" beside 7 members") == true)
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["linted"] as? Int == 4 && summary["skipped"] as? Int == 15 && summary["files"] as? Int == 19)
        let configuration = try #require(report["configuration"] as? [String: Any])
        #expect(configuration["file"] is NSNull && (configuration["rulesOff"] as? [Any])?.isEmpty == true)
    }

    @Test func sarifAndAnnotationsSayNothingOfSkippedFiles() throws {
        let repo = try Self.serviceRepository()
        let github = try Executable.run(["--format", "github", "."], workingDirectory: repo.url)
        #expect(github.status == 0)
        #expect(github.stdout == "::notice file=template.yaml,line=20,col=13,endLine=20,endColumn=35,"
            + "title=unresolved-value::PaymentsActivity: `Name` is an Fn::Sub template: only its literal text is "
            + "checked\n1 info in 1 of 4 files (4 payloads); 15 skipped (not activity documents). Configuration: none "
            + "(every built-in rule at its default severity)\n", "\(github.stdout)")
        let sarif = try Executable.run(["--format", "sarif", "."], workingDirectory: repo.url)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let uris = (run["results"] as? [[String: Any]] ?? []).compactMap {
            (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"]
                as? [String: Any]
        }.compactMap { $0["uri"] as? String }
        #expect(uris == ["template.yaml"])
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == true)
        #expect(invocation["toolExecutionNotifications"] == nil, "skipped files are not failures")
    }

    @Test func preCommitStyleNamesOfOtherFilesPass() throws {
        let repo = try Self.serviceRepository()
        // What pre-commit passes when a commit only bumps `version` in package.json, or touches a workflow.
        let run = try Executable.run(
            ["package.json", ".github/workflows/ci.yml", ".pre-commit-config.yaml", "k8s/worker.yaml"],
            workingDirectory: repo.url)
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.hasPrefix("No problems found in 0 files (0 payloads); 4 skipped (not activity documents)"))
    }

    @Test func pathsAreRepositoryPathsFromASubfolderInEveryFormat() throws {
        let repo = try Self.serviceRepository()
        try repo.write("requests/bad.json", #"{"name": "orders queue"}"#)
        let folder = repo.url.appendingPathComponent("requests")
        let expected = "requests/bad.json"
        let text = try Executable.run(["bad.json"], workingDirectory: folder)
        #expect(text.stdout.hasPrefix("\(expected):1:17: error:"), "\(text.stdout)")
        let github = try Executable.run(["--format", "github", "./bad.json"], workingDirectory: folder)
        #expect(github.stdout.hasPrefix("::error file=\(expected),line=1,col=17,"), "\(github.stdout)")
        let json = try Executable.run(["--format", "json", "../requests/bad.json"], workingDirectory: folder)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let diagnostic = try #require((report["diagnostics"] as? [[String: Any]])?.first)
        #expect(diagnostic["file"] as? String == expected)
        let sarif = try Executable.run(["--format", "sarif", "."], workingDirectory: folder)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let location = try #require(
            ((run["results"] as? [[String: Any]])?.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"]
                as? [String: Any])
        let artifact = try #require(location["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == expected && artifact["uriBaseId"] as? String == "%SRCROOT%")
        let bases = try #require(run["originalUriBaseIds"] as? [String: [String: String]])
        let rootURI = try #require(bases["%SRCROOT%"]?["uri"])
        #expect(rootURI.hasPrefix("file:///") && rootURI.hasSuffix("/"))
        #expect(URL(string: rootURI)?.path == repo.url.resolvingSymlinksInPath().path)
        // The baseline keys the finding by the same path, wherever the run starts.
        let baseline = repo.url.appendingPathComponent("baseline.json").path
        _ = try Executable.run(["--write-baseline", baseline, "requests"], workingDirectory: repo.url)
        let again = try Executable.run(["--baseline", baseline, "bad.json"], workingDirectory: folder)
        #expect(again.status == 0, "the finding is in the baseline: \(again.stdout)")
    }

    @Test func theLintersOwnFilesAreNeverReadAsRequests() throws {
        let repo = try Self.serviceRepository()
        try repo.write("requests/bad.json", #"{"name": "orders queue"}"#)
        try repo.write("lint/settings.yml", "disable: [name-cloudwatch-safe]\n")
        let written = try Executable.run(["--write-baseline", "lint/baseline.json", "."], workingDirectory: repo.url)
        #expect(written.status == 0)
        let run = try Executable.run(
            ["--config", "lint/settings.yml", "--baseline", "lint/baseline.json", "-v", "."], workingDirectory: repo.url)
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("lint/baseline.json: skipped (the linter's own file): the linter's own "
            + "configuration, rule pack or baseline\n"), "\(run.stdout)")
        #expect(run.stdout.contains("lint/settings.yml: skipped (the linter's own file)"))
    }
}
