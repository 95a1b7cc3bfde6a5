import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

@_spi(Internals) @testable import ActivityLint

/// A pull request controls `.activity-lint.yml`, the files it extends, rule packs and baselines. None of them can
/// make the run read without end, compile a pattern into gigabytes, reload an `extends` graph once per path, or
/// print what a file that is not a configuration holds. Each case runs the built binary and checks exit status
/// and stderr.
@Suite(.serialized)
struct HostileConfigurationTests {
    static let request = #"{"name": "orders"}"#

    /// Runs the binary in `repo` on one clean request with the given flags.
    private func lint(_ repo: TemporaryDirectory, _ arguments: [String]) throws -> Executable.Run {
        let request = try repo.write("request.json", Self.request)
        return try Executable.run(arguments + [request], workingDirectory: repo.url)
    }

    /// The run is refused (exit 2) with `expected` on stderr.
    @discardableResult
    private func expectRefused(
        _ repo: TemporaryDirectory, _ arguments: [String], _ expected: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Executable.Run {
        let run = try lint(repo, arguments)
        #expect(run.status == 2, sourceLocation: sourceLocation)
        #expect(run.stderr.contains(expected), "\(run.stderr)", sourceLocation: sourceLocation)
        return run
    }

    @Test func extendsOfADeviceIsAnErrorAtTheKey() throws {
        let repo = try TemporaryDirectory()
        try repo.write("c.yml", "disable: [name-length]\nextends: /dev/zero\n")
        try expectRefused(repo, ["--config", "c.yml"],
                          "c.yml:2:10: error: `extends` names \"/dev/zero\": it is a character device, not a regular file")
    }

    @Test func rulePackOfADeviceIsAnErrorAtTheKey() throws {
        let repo = try TemporaryDirectory()
        try repo.write("c.yml", "rules:\n  - /dev/urandom\n")
        try expectRefused(repo, ["--config", "c.yml"],
                          "c.yml:2:5: error: `rules` names \"/dev/urandom\": it is a character device, not a regular file")
        try expectRefused(repo, ["--no-config", "--rules", "/dev/urandom"],
                          "/dev/urandom: error: it is a character device, not a regular file (given with --rules)")
    }

    @Test func baselineLinkedToADeviceIsAnError() throws {
        let repo = try TemporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/baseline.json", withDestinationPath: "/dev/zero")
        try expectRefused(repo, ["--no-config", "--baseline", "baseline.json"],
                          "baseline.json: error: it is a character device, not a regular file (given with --baseline)")
    }

    /// A FIFO nobody writes to: the run must not wait for a writer.
    @Test func fifoIsNotOpened() throws {
        let repo = try TemporaryDirectory()
        #expect(mkfifo(repo.path + "/base.yml", 0o600) == 0)
        #expect(mkfifo(repo.path + "/baseline.json", 0o600) == 0)
        try repo.write("c.yml", "extends: [base.yml]\n")
        try expectRefused(repo, ["--config", "c.yml"], "c.yml:1:11: error: `extends` names \"base.yml\": it is a FIFO")
        try expectRefused(repo, ["--no-config", "--baseline", "baseline.json"],
                          "baseline.json: error: it is a FIFO, not a regular file")
    }

    @Test func directoryAndMissingFileAreErrorsAtTheKey() throws {
        let repo = try TemporaryDirectory()
        try repo.write("c.yml", "extends: [/tmp]\n")
        try repo.write("d.yml", "rules: [no-such-pack.yml]\n")
        try expectRefused(repo, ["--config", "c.yml"],
                          "c.yml:1:11: error: `extends` names \"/tmp\": it is a directory, not a regular file")
        try expectRefused(repo, ["--config", "d.yml"],
                          "d.yml:1:9: error: `rules` names \"no-such-pack.yml\": cannot be read: No such file or directory")
    }

    /// Sparse files: over the limits without writing them.
    @Test func filesOverTheSizeLimitAreNotRead() throws {
        let repo = try TemporaryDirectory()
        let config = try repo.write("big.yml", "")
        #expect(truncate(config, (1 << 20) + 1) == 0)
        let baseline = try repo.write("baseline.json", "")
        #expect(truncate(baseline, (64 << 20) + 1) == 0)
        try repo.write("c.yml", "extends: big.yml\n")
        try expectRefused(repo, ["--config", "c.yml"], "c.yml:1:10: error: `extends` names \"big.yml\": "
            + "it is 1048577 bytes, over the 1 MiB limit for configuration files")
        try expectRefused(repo, ["--no-config", "--baseline", "baseline.json"],
                          "it is 67108865 bytes, over the 64 MiB limit for baselines (given with --baseline)")
        let fits = try repo.write("fits.yml", "disable: [name-length]\n" + String(repeating: "#", count: (1 << 20) - 30))
        #expect(try lint(repo, ["--config", fits]).status == 0)
    }

    /// `extends` of a link to /etc/passwd, and of a secrets file: no line of either is printed.
    @Test func filesThatAreNotConfigurationsAreNotQuoted() throws {
        let repo = try TemporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/passwd.yml", withDestinationPath: "/etc/passwd")
        try repo.write("secrets.env", "DB_PASSWORD: \"hunter2-p@ss w0rd\"\nAPI_TOKEN=tok-1234 [unterminated\n")
        try repo.write("secrets.yml", "severity:\n  name-length: \"hunter2-p@ss w0rd\"\n")
        try repo.write("a.yml", "extends: passwd.yml\n")
        try repo.write("b.yml", "extends: secrets.env\n")
        try repo.write("c.yml", "extends: secrets.yml\n")
        let passwd = try expectRefused(repo, ["--config", "a.yml"],
            "passwd.yml:1:1: error: the configuration must be a mapping of settings (in the file `extends` names at a.yml:1:10)")
        let lines = try String(contentsOfFile: "/etc/passwd", encoding: .utf8).split(separator: "\n")
        for line in lines where line.count >= 8 { #expect(!passwd.stderr.contains(line)) }
        for config in ["b.yml", "c.yml"] {
            let run = try expectRefused(repo, ["--config", config], "(in the file `extends` names at \(config):1:10)")
            for secret in ["hunter2", "p@ss", "tok-1234", "unterminated"] { #expect(!run.stderr.contains(secret), "\(run.stderr)") }
        }
    }

    /// Packs and baselines whose errors once quoted a key, a value or libyaml's context.
    @Test(arguments: [
        ("pack.yml", "rules:\n  - id: x\n    validator: required-tag\n    severity: \"hunter2 p@ss\"\n    message: m\n", "pack.yml:4:15: error: severity must be error, warning or info"),
        ("pack.yml", "rules:\n  - id: x\n    \"hunter2 p@ss\": 1\n", "pack.yml:3:5: error: unknown key (a name that is not shown"),
        ("pack.yml", "rules:\n  - id: x\n    validator: field-pattern\n    severity: error\n    field: name\n    message: m\n    options:\n      pattern: '(hunter2 p@ss'\n", "pack.yml:8:16: error: rule `x`: invalid pattern: Unmatched ( or \\("),
        ("pack.yml", "rules: [ {id: \"hunter2 p@ss\n", "pack.yml:2:1: error: not valid YAML (syntax-error)"),
        ("pack.yml", "rules:\n  - id: x\n    id: \"hunter2 p@ss\"\n", "pack.yml:3:5: error: a key appears twice in one mapping (duplicate-key)"),
        ("baseline.json", "{\"version\": 1, \"hunter2 p@ss\" 1}", "baseline.json:1:31: error: not valid JSON (syntax-error)"),
        ("baseline.json", "{\"version\": 2, \"findings\": [{\"file\": \"hunter2 p@ss\"}]}", "baseline.json:1:29: error: baseline entry has no `rule` string"),
    ])
    func packAndBaselineErrorsQuoteNoContent(_ name: String, _ text: String, _ expected: String) throws {
        let repo = try TemporaryDirectory()
        try repo.write(name, text)
        let flag = name == "pack.yml" ? "--rules" : "--baseline"
        let run = try expectRefused(repo, ["--no-config", flag, name], expected)
        #expect(!run.stderr.contains("hunter2") && !run.stderr.contains("p@ss"), "\(run.stderr)")
    }

    static let bomb = """
        rules:
          - id: bomb
            validator: field-pattern
            severity: error
            field: name
            message: m
            options:
              pattern: '((a{0,255}){0,255}){0,255}'
        """

    /// glibc's regcomp took gigabytes and crashed (exit 139) on this pattern; it is refused before regcomp.
    @Test func costlyPatternIsRefusedAtItsPosition() throws {
        let repo = try TemporaryDirectory()
        try repo.write("pack.yml", Self.bomb)
        try expectRefused(repo, ["--no-config", "--rules", "pack.yml"], "pack.yml:8:16: error: rule `bomb`: invalid pattern: "
            + "too costly to compile: over 10,000 elements once its repetitions are expanded")
    }

    @Test(arguments: [
        "^payments-[a-z0-9-]+$", "^CC-[0-9]{4}$", "^[[:alnum:]_.-]{1,80}$", "^(dev|staging|prod)(-[a-z]{2,8}){0,3}$",
        "[]a]{1,100}", "a{9999}", "x{2,}", "\\{1000000\\}", "a{,50}",
    ])
    func ordinaryPatternsCompile(_ pattern: String) throws {
        #expect(RegexCost.check(pattern) == .fine)
        _ = try SafeRegex(pattern)
    }

    @Test(arguments: [
        ("((a{0,255}){0,255}){0,255}", RegexCost.Verdict.tooLarge), ("(a{0,100}){0,101}", .tooLarge), ("a{10000}", .tooLarge),
        ("(a|b|c){5000}", .tooLarge), ("a{0,200}{0,200}", .tooLarge), ("([ab]+){5001}", .tooLarge),
        (String(repeating: "(", count: 101) + "a" + String(repeating: ")", count: 101), .tooDeep),
    ])
    func costlyPatternsAreRefused(_ pattern: String, _ verdict: RegexCost.Verdict) {
        #expect(RegexCost.check(pattern) == verdict)
        #expect(throws: SafeRegex.CompileError.self) { try SafeRegex(pattern) }
    }

    @Test func shippedPacksLoad() throws {
        let packs = Executable.packageRoot.appendingPathComponent("Rules/packs")
        var taken = Set(RuleCatalog.builtIn.rules.map(\.id))
        for name in try FileManager.default.contentsOfDirectory(atPath: packs.path).sorted() {
            let rules = try RulePackLoader.load(path: packs.appendingPathComponent(name).path, taken: taken)
            #expect(!rules.isEmpty, "\(name)")
            taken.formUnion(rules.map(\.id))
        }
    }

    /// 7 levels, each file extending the next one 8 times (two spellings): 8^7 paths, 8 files. It took 44 s.
    @Test func extendsGraphLoadsEachFileOnce() throws {
        let repo = try TemporaryDirectory()
        for level in 0..<7 {
            let next = "l\(level + 1).yml"
            let bases = (0..<8).map { $0.isMultiple(of: 2) ? next : "./" + next }.joined(separator: ", ")
            try repo.write("l\(level).yml", "extends: [\(bases)]\n")
        }
        try repo.write("l7.yml", "disable: [name-length]\nseverity: {name-forbidden-character: warning}\n")
        let configuration = try ConfigurationLoader.load(path: repo.path + "/l0.yml")
        #expect(configuration.disabled == ["name-length"])
        #expect(configuration.severities == ["name-forbidden-character": .warning])
        #expect(configuration.ruleReferences.count == 2, "the deepest file is applied once")
        let run = try lintSpacedName(repo, config: "l0.yml")
        #expect(run.stdout.contains("warning: activity name contains the white space"))
    }

    /// A chain of 1,000 files, each extending the next: the walk keeps its own stack and visits each file once.
    @Test func longExtendsChainLoads() throws {
        let repo = try TemporaryDirectory()
        let count = 1_000
        for index in 0..<count {
            #expect(FileManager.default.createFile(atPath: repo.path + "/c\(index).yml", contents: Data("extends: c\(index + 1).yml\n".utf8)))
        }
        try repo.write("c\(count).yml", "disable: [name-forbidden-character]\n")
        #expect(try lintSpacedName(repo, config: "c0.yml").stdout.contains("No problems found in 1 file"))
    }

    /// Lints a name with a space (an error by default) with `config`: the run passes only if the configuration
    /// was applied.
    private func lintSpacedName(_ repo: TemporaryDirectory, config: String) throws -> Executable.Run {
        let request = try repo.write("request.json", #"{"name": "a b"}"#)
        let run = try Executable.run(["--config", repo.path + "/" + config, request])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        return run
    }

    /// A extends [B, C]; B and C extend D. Followed path by path the order is D B D C A, so D's `disable` comes
    /// after B's `enable`: loading each file once keeps that meaning.
    @Test func sharedBaseKeepsItsPlaceInTheOrder() throws {
        let repo = try TemporaryDirectory()
        try repo.write("d.yml", "disable: [name-length]\nfail-on: warning\n")
        try repo.write("b.yml", "extends: d.yml\nenable: [name-length]\nfail-on: error\n")
        try repo.write("c.yml", "extends: d.yml\n")
        let a = try repo.write("a.yml", "extends: [b.yml, c.yml]\n")
        let configuration = try ConfigurationLoader.load(path: a)
        #expect(configuration.disabled == ["name-length"])
        #expect(configuration.failOn == .warning)
    }

    @Test func extendsLoopIsStillAnError() throws {
        let repo = try TemporaryDirectory()
        try repo.write("a.yml", "extends: [b.yml]\n")
        try repo.write("b.yml", "extends: [c.yml]\n")
        try repo.write("c.yml", "extends: [./a.yml]\n")
        try expectRefused(repo, ["--config", "a.yml"],
                          "c.yml:1:11: error: `extends` loops back to \"./a.yml\", which extends this file")
    }

    /// The FuzzConfiguration seeds, loaded as the target loads them (the first byte picks the loader): each gives
    /// its known outcome, and every error points inside the file or nowhere.
    @Test func fuzzSeedsGiveTheirOutcome() throws {
        let folder = Executable.packageRoot.appendingPathComponent("Fuzz/corpus/FuzzConfiguration")
        let expected: [String: String?] = [
            "pack-explicit-encryption.yml": nil, "pack-payments-policy.yml": nil, "pack-tagging-policy.yml": nil,
            "pack-crafted.yml": "8:16: rule `bomb`: invalid pattern: too costly to compile",
            "baseline-written.json": nil, "baseline-crafted.json": "1:165: baseline entry has no `rule` string",
            "config-devices.yml": "1:10: `extends` names \"/dev/zero\": it is a character device",
            "config-readme.yml": "2:10: `extends` names \"../platform/activity-lint-base.yml\": cannot be read",
            "config-extends.yml": "1:11: `extends` names \"base.yml\": cannot be read", "config-scalars.yml": nil,
        ]
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(Set(names) == Set(expected.keys))
        for name in names {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)).dropFirst())
            let path = "/nonexistent-activity-lint-fuzz/" + name
            do {
                if name.hasPrefix("pack-") {
                    _ = try RulePackLoader.parse(bytes, path: path, taken: Set(RuleCatalog.builtIn.rules.map(\.id)))
                } else if name.hasPrefix("baseline-") {
                    _ = try Baseline.parse(bytes, path: path)
                } else {
                    _ = try ConfigurationLoader.parse(bytes, path: path)
                }
                #expect(expected[name] == .some(nil), "\(name) loaded")
            } catch {
                let position = try #require(error.position, "\(name): \(error)")
                #expect(position.offset <= bytes.count && position.line <= SourceText(bytes: bytes).lineStarts.count)
                let outcome = "\(position.line):\(position.column): \(error.message)"
                #expect(outcome.hasPrefix(expected[name].flatMap { $0 } ?? "(loads)"), "\(name): \(outcome)")
            }
        }
    }
}
