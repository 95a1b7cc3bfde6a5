import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

@_spi(Internals) @testable import ActivityLint

/// Hostile inputs, run through the built binary as a user would meet them. Every case checks, in every output
/// format: a clear diagnostic (rule and position) or failure message, an exit status of 0, 1 or 2, the other
/// inputs of the same run still linted, JSON output that parses, text output with no raw control characters,
/// GitHub output of annotations only; and the SARIF of every case validates against the SARIF 2.1.0 schema.
struct HostileInputTests {
    // MARK: - Cases

    /// One hostile input (or a few), what the linter must say about it, and the flags it needs.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String] = []
        /// Writes the inputs into the folder and returns the paths to lint.
        var make: @Sendable (TemporaryDirectory) throws -> [String]
        /// Diagnostics that must be reported: file name suffix, rule, line, column (0: any column).
        var expected: [Expected] = []
        /// Inputs that must be reported as unreadable: file name suffix and a part of the reason.
        var failures: [(path: String, reason: String)] = []
        /// The formats to run; the heaviest inputs run once, in JSON, to keep the suite quick in debug builds.
        var formats: [OutputFormat] = OutputFormat.allCases
        var testDescription: String { name }
    }

    struct Expected: Sendable {
        var file: String
        var rule: String
        var line: Int
        var column: Int
        var message: String = ""
    }

    /// A file every run lints next to the hostile one, to prove the run goes on: its name is 90 characters long.
    static let control = Executable.packageRoot.appendingPathComponent("Examples/invalid/long-name.json").path
    static let controlExpected = Expected(file: "long-name.json", rule: "name-length", line: 1, column: 91)

    static let cases: [Case] = [
        Case(name: "JSON nested a million levels deep", make: { dir in
            [try dir.writeBytes("deep.json", Array(repeating: UInt8(ascii: "["), count: 1_000_000))]
        }, expected: [Expected(file: "deep.json", rule: "nesting-too-deep", line: 1, column: 129)]),

        Case(name: "YAML nested a million levels deep", make: { dir in
            [
                try dir.writeBytes("deep.yaml", Array(repeating: UInt8(ascii: "["), count: 1_000_000)),
                try dir.writeBytes("deep-map.yaml", Array(String(repeating: "{a: ", count: 1_000_000).utf8)),
                try dir.write("deep-block.yaml", (0..<300).map { String(repeating: " ", count: $0) + "a:\n" }.joined()),
            ]
        }, expected: [
            Expected(file: "deep.yaml", rule: "nesting-too-deep", line: 1, column: 129),
            Expected(file: "deep-map.yaml", rule: "nesting-too-deep", line: 1, column: 0),
            Expected(file: "deep-block.yaml", rule: "nesting-too-deep", line: 129, column: 0),
        ]),

        Case(name: "billion laughs and an alias flood", make: { dir in
            var laughs = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
            let levels = Array("bcdefghijklmnopq")
            var previous = "a"
            for level in levels {
                laughs += "\(level): &\(level) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
                previous = String(level)
            }
            laughs += "name: *\(previous)\n"
            let flood = "a: &a 1\nb: [" + Array(repeating: "*a", count: 20_000).joined(separator: ",") + "]\n"
            // Named as a request file: its top level (`a` to `q` beside `name`) is no request by its members.
            return [try dir.write("laughs-activity.yaml", laughs), try dir.write("flood.yaml", flood)]
        }, expected: [
            // 9^17 strings if expanded; shared instead, so the only problems are the request's own.
            Expected(file: "laughs-activity.yaml", rule: "unknown-member", line: 1, column: 1),
            Expected(file: "laughs-activity.yaml", rule: "invalid-type", line: 18, column: 7),
            // The 10,001st alias: "b: [" then 10,000 times "*a,".
            Expected(file: "flood.yaml", rule: "alias-limit", line: 2, column: 5 + 3 * 10_000),
        ]),

        Case(name: "a 1 GB sparse file", make: { dir in
            let path = dir.url.appendingPathComponent("huge.json").path
            #expect(FileManager.default.createFile(atPath: path, contents: Data("{\"name\": \"".utf8)))
            #expect(truncate(path, 1 << 30) == 0)
            return [path]
        }, expected: [Expected(file: "huge.json", rule: "file-too-large", line: 1, column: 1, message: "1073741824 bytes")]),

        Case(name: "a million tags", arguments: ["--max-file-size", "64000000"], make: { dir in
            var text = "{\"name\": \"many-tags\", \"tags\": ["
            text.reserveCapacity(26_000_000)
            for index in 0..<1_000_000 {
                if index > 0 { text += "," }
                text += "{\"key\":\"\(index)\",\"value\":\"\"}"
            }
            text += "]}"
            return [try dir.write("tags.json", text)]
        }, expected: [
            Expected(file: "tags.json", rule: "tags-too-many", line: 1, column: 0, message: "1000000 distinct tag keys"),
        ], formats: [.json]),

        Case(name: "a 100 MB string", make: { dir in
            let path = dir.url.appendingPathComponent("string.json").path
            #expect(FileManager.default.createFile(atPath: path, contents: nil))
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.write(contentsOf: Data("{\"name\": \"".utf8))
            let chunk = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)
            for _ in 0..<100 { try handle.write(contentsOf: chunk) }
            try handle.write(contentsOf: Data("\"}".utf8))
            return [path]
        }, expected: [
            Expected(file: "string.json", rule: "file-too-large", line: 1, column: 1, message: "limit of 16777216 bytes"),
        ]),

        Case(name: "a 5 MB name under a raised limit", arguments: ["--max-file-size", "8000000"], make: { dir in
            [try dir.write("name.json", "{\"name\": \"" + String(repeating: "a", count: 5_000_000) + "\"}")]
        }, expected: [
            // Character 81 of the name: column 11 + 80.
            Expected(file: "name.json", rule: "name-length", line: 1, column: 91, message: "5000000 characters"),
        ], formats: [.json, .text]),

        Case(name: "invalid UTF-8", make: { dir in
            [
                try dir.writeBytes("latin1.json", Array("{\"name\": \"caf".utf8) + [0xE9] + Array("\"}".utf8)),
                try dir.writeBytes("overlong.yaml", Array("name: a".utf8) + [0xC0, 0xAF] + [0x0A]),
                try dir.writeBytes("surrogate-bytes.json", Array("{\"name\": \"".utf8) + [0xED, 0xA0, 0x80] + Array("\"}".utf8)),
                try dir.writeBytes("truncated.json", Array("{\"name\": \"a\"}".utf8) + [0xF0, 0x9F]),
            ]
        }, expected: [
            Expected(file: "latin1.json", rule: "invalid-encoding", line: 1, column: 14),
            Expected(file: "overlong.yaml", rule: "invalid-encoding", line: 1, column: 8),
            Expected(file: "surrogate-bytes.json", rule: "invalid-encoding", line: 1, column: 11),
            Expected(file: "truncated.json", rule: "invalid-encoding", line: 1, column: 14),
        ]),

        Case(name: "UTF-16 and UTF-32 with and without a byte order mark", make: { dir in
            let text = "{\"name\": \"orders\"}\n"
            var paths: [String] = []
            for (name, bytes) in wideEncodings(text) { paths.append(try dir.writeBytes(name, bytes)) }
            return paths
        }, expected: wideEncodings("").map { Expected(file: $0.name, rule: "invalid-encoding", line: 1, column: 1) }),

        Case(name: "NUL bytes", make: { dir in
            [
                try dir.writeBytes("nul.json", Array("{\"name\": \"a".utf8) + [0] + Array("b\"}".utf8)),
                try dir.writeBytes("nul.yaml", Array("name: ok\ntags: []\n".utf8) + [0, 0, 0]),
            ]
        }, expected: [
            Expected(file: "nul.json", rule: "invalid-encoding", line: 1, column: 12, message: "NUL byte"),
            Expected(file: "nul.yaml", rule: "invalid-encoding", line: 3, column: 1, message: "NUL byte"),
        ]),

        Case(name: "lone surrogates", make: { dir in
            [
                try dir.write("high.json", #"{"name": "\ud800"}"#),
                try dir.write("reversed.json", #"{"name": "ab\udc00\ud800"}"#),
                try dir.write("key.json", #"{"name": "ok", "tags": [{"key": "\udfff", "value": "v"}]}"#),
                try dir.write("surrogate.yaml", "name: \"\\ud800\"\n"),
            ]
        }, expected: [
            Expected(file: "high.json", rule: "name-forbidden-character", line: 1, column: 11),
            Expected(file: "reversed.json", rule: "name-forbidden-character", line: 1, column: 13),
            Expected(file: "key.json", rule: "tag-charset", line: 1, column: 0),
            Expected(file: "surrogate.yaml", rule: "syntax-error", line: 1, column: 0),
        ]),

        Case(name: "huge numbers", make: { dir in
            let prefix = #"{"name": "a", "encryptionConfiguration": {"type": "CUSTOMER_MANAGED_KMS_KEY", "kmsKeyId": "alias/a", "kmsDataKeyReusePeriodSeconds": "#
            return [
                try dir.write("digits.json", prefix + String(repeating: "9", count: 10_000) + "}}"),
                try dir.write("negative.json", prefix + "-" + String(repeating: "9", count: 10_000) + "}}"),
                try dir.write("exponent.json", prefix + "1e999999999999}}"),
                try dir.write("digits.yaml", "name: a\nencryptionConfiguration:\n  type: CUSTOMER_MANAGED_KMS_KEY\n"
                    + "  kmsKeyId: alias/a\n  kmsDataKeyReusePeriodSeconds: " + String(repeating: "9", count: 10_000) + "\n"),
            ]
        }, expected: [
            Expected(file: "digits.json", rule: "kms-reuse-period-range", line: 1, column: 134),
            Expected(file: "negative.json", rule: "kms-reuse-period-range", line: 1, column: 134),
            Expected(file: "exponent.json", rule: "invalid-type", line: 1, column: 134),
            Expected(file: "digits.yaml", rule: "kms-reuse-period-range", line: 5, column: 33),
        ]),

        Case(name: "YAML tags and merge keys", make: { dir in
            [
                try dir.write("tags.yaml", """
                    name: !Ref ActivityName
                    encryptionConfiguration:
                      type: !!binary Q1VTVE9NRVI=
                      kmsKeyId: !Sub "alias/${Env}"
                    tags: !!seq
                      - {key: !!str team, value: !!int 12}

                    """),
                try dir.write("merge.yaml", """
                    base: &base
                      type: CUSTOMER_MANAGED_KMS_KEY
                    name: merged
                    encryptionConfiguration:
                      <<: *base
                      kmsKeyId: alias/a
                    tags:
                      - <<: {key: team}
                        value: payments

                    """),
            ]
        }, expected: [
            Expected(file: "tags.yaml", rule: "encryption-type-invalid", line: 3, column: 9),
            Expected(file: "merge.yaml", rule: "unknown-member", line: 1, column: 1),
        ]),

        Case(name: "a directory with a symbolic-link loop, and a link loop named explicitly", make: { dir in
            let request = try dir.write("tree/sub/request.json", #"{"name": "a b"}"#)
            _ = request
            try FileManager.default.createSymbolicLink(
                atPath: dir.url.appendingPathComponent("tree/sub/up").path, withDestinationPath: "..")
            try FileManager.default.createSymbolicLink(
                atPath: dir.url.appendingPathComponent("tree/self").path, withDestinationPath: ".")
            let one = dir.url.appendingPathComponent("one.json").path
            try FileManager.default.createSymbolicLink(atPath: one, withDestinationPath: "two.json")
            try FileManager.default.createSymbolicLink(
                atPath: dir.url.appendingPathComponent("two.json").path, withDestinationPath: "one.json")
            return [dir.url.appendingPathComponent("tree").path, one]
        }, expected: [
            Expected(file: "tree/sub/request.json", rule: "name-forbidden-character", line: 1, column: 12),
        ], failures: [("one.json", "symbolic link")]),

        Case(name: "inputs that cannot be read", make: { dir in
            // A file whose name is not UTF-8 cannot be named through a Swift String: it must be reported, not skipped.
            let folder = dir.url.appendingPathComponent("names")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let raw = Array(folder.path.utf8) + [UInt8(ascii: "/"), 0xFF, 0xFE] + Array(".json".utf8) + [0]
            let descriptor = raw.withUnsafeBufferPointer {
                $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
            }
            #expect(descriptor >= 0)
            _ = Array(#"{"name": "a b"}"#.utf8).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
            // Root ignores file permissions; reading a process's own memory at offset 0 fails with EIO for anyone.
            return ["/proc/self/mem", folder.path]
        }, failures: [("/proc/self/mem", "cannot be read"), ("\u{FFFD}\u{FFFD}.json", "")]),
    ]

    // MARK: - Tests

    @Test(arguments: cases)
    func hostileInputGetsAClearDiagnosticAndTheRunGoesOn(_ hostile: Case) throws {
        let dir = try TemporaryDirectory()
        let paths = try hostile.make(dir)
        let runs = try lintInEveryFormat(hostile.arguments + paths + [Self.control], formats: hostile.formats)
        let report = try checkIntegrity(runs)
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        for expected in hostile.expected + [Self.controlExpected] {
            let found = diagnostics.contains { diagnostic in
                (diagnostic["file"] as? String ?? "").hasSuffix(expected.file)
                    && diagnostic["rule"] as? String == expected.rule
                    && diagnostic["line"] as? Int == expected.line
                    && (expected.column == 0 || diagnostic["column"] as? Int == expected.column)
                    && (expected.message.isEmpty || (diagnostic["message"] as? String ?? "").contains(expected.message))
            }
            #expect(found, "\(hostile.name): no \(expected.rule) at \(expected.file):\(expected.line):\(expected.column); got \(summary(diagnostics))")
        }
        let files = try #require(report["files"] as? [[String: Any]])
        for failure in hostile.failures {
            let reported = files.contains {
                ($0["path"] as? String ?? "").hasSuffix(failure.path)
                    && (failure.reason.isEmpty || ($0["error"] as? String ?? "").contains(failure.reason))
            }
            #expect(reported, "\(hostile.name): \(failure.path) not reported as '\(failure.reason)': \(files)")
            guard !failure.reason.isEmpty else { continue }
            #expect(runs[.text]?.stdout.contains(failure.reason) != false)
            #expect(runs[.json]?.stderr.contains(failure.reason) != false, "machine formats name unreadable inputs on stderr")
        }
        let expectedStatus: Int32 = hostile.failures.isEmpty ? 1 : 2
        for (format, run) in runs {
            #expect(run.status == expectedStatus, "\(hostile.name) --format \(format): exit \(run.status)\n\(run.stderr)")
        }
    }

    @Test func sarifOfEveryHostileInputValidatesAgainstTheSchema() throws {
        let schema = Executable.packageRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json").path
        try #require(FileManager.default.fileExists(atPath: schema), "the SARIF schema is missing at \(schema)")
        let out = try TemporaryDirectory()
        var sarifFiles: [String] = []
        // The cheap cases (the million tags and the 100 MB string have their SARIF checked for JSON above).
        for (index, hostile) in Self.cases.enumerated() where !hostile.name.contains("million") {
            let dir = try TemporaryDirectory()
            let run = try Executable.run(["--no-config", "--format", "sarif"] + hostile.arguments + (try hostile.make(dir)) + [Self.control])
            sarifFiles.append(try out.write("case-\(index).sarif", run.stdout))
        }
        for (index, arguments) in Self.integrityInputs().enumerated() {
            let dir = try TemporaryDirectory()
            let run = try Executable.run(["--no-config", "--format", "sarif"] + (try arguments(dir)))
            sarifFiles.append(try out.write("integrity-\(index).sarif", run.stdout))
        }
        let validation = try Executable.tool(["python3", ".ci/validate-sarif.py", schema] + sarifFiles)
        #expect(validation.status == 0, "\(validation.output)")
        #expect(!validation.output.contains("INVALID"), "\(validation.output)")
    }

    // MARK: - Output integrity

    /// Escape sequences and control characters from file content and file names, for the output tests.
    static func integrityInputs() -> [@Sendable (TemporaryDirectory) throws -> [String]] {
        [
            { dir in
                [
                    try dir.write("escapes.json", #"{"name": "\u001b[31mred\u001b]0;pwned\u0007\u009b2J\r\u000b", "#
                        + #""tags": [{"key": "\u001b[2J", "value": "\u001b]8;;http://x\u001b\\link"}]}"#),
                    try dir.write("escapes.yaml", "name: \"\\e[1;31mbold\\x9b6n\\a\\0\"\ntags:\n  - key: \"\\e]52;c;cGF5\\a\"\n"),
                    try dir.writeBytes("raw-escape.json", Array("{\"name\": \"a".utf8) + [0x1B] + Array("[2Jb\"}".utf8)),
                    try dir.writeBytes("raw-escape.yaml", Array("name: a".utf8) + [0x1B] + Array("[2Jb\n".utf8)),
                    try dir.writeBytes("c1.yaml", Array("name: a".utf8) + [0xC2, 0x9B] + Array("31m\n".utf8)),
                    try dir.write("evil\u{1B}[2J\u{7}name.json", #"{"name": "a b"}"#),
                ]
            },
            { dir in
                [
                    try dir.write("inject.json", #"{"name": "x\n::error file=evil.json,line=1::injected\r\n::add-mask::y", "#
                        + #""tags": [{"key": "%0A::warning::k", "value": "::set-output name=a::b"}]}"#),
                    try dir.write("inject.yaml", "name: \"a\\n::stop-commands::token\\n\"\ntags:\n  - key: \"\\r\\n::notice::x\"\n"),
                    try dir.write("a,b::c\n::error::d%0A.json", #"{"name": "a b"}"#),
                ]
            },
        ]
    }

    @Test func controlCharactersFromInputNeverReachTheTerminalRaw() throws {
        let dir = try TemporaryDirectory()
        let paths = try Self.integrityInputs()[0](dir)
        for color in ["never", "always"] {
            let run = try Executable.run(["--no-config", "--color", color] + paths)
            #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
            checkTerminalSafe(run.stdout, allowingColor: color == "always")
            checkTerminalSafe(run.stderr, allowingColor: false)
            #expect(run.stdout.contains("a\\e[2Jb"), "a raw ESC is quoted as a visible escape:\n\(run.stdout)")
            #expect(run.stdout.contains("evil\\e[2J\\u{0007}name.json"), "and so is one in a file name")
            #expect(!run.stdout.contains("\u{1B}[2J") && !run.stdout.contains("\u{1B}]"))
        }
        // Every format, so that no path (file names in JSON errors, notes on stderr) leaks them either.
        let runs = try lintInEveryFormat(paths)
        _ = try checkIntegrity(runs)
    }

    @Test func valuesAndFileNamesCannotInjectGitHubWorkflowCommands() throws {
        let dir = try TemporaryDirectory()
        let paths = try Self.integrityInputs()[1](dir)
        let runs = try lintInEveryFormat(paths)
        let report = try checkIntegrity(runs)
        let github = runs[.github]!.stdout
        let lines = github.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        for line in lines where line.hasPrefix("::") {
            #expect(line.hasPrefix("::error file=") || line.hasPrefix("::warning file=") || line.hasPrefix("::notice file="),
                    "\(line)")
            // The properties end at the first `::`; the file name's own `::` and `,` are escaped.
            let properties = line.dropFirst(2).prefix { $0 != ":" }
            #expect(!properties.contains("d%0A.json"), "the % in a file name is escaped: \(properties)")
        }
        #expect(github.contains("a%2Cb%3A%3Ac%0A%3A%3Aerror%3A%3Ad%250A.json"), "\(github)")
        for injected in ["::add-mask", "::stop-commands", "::set-output", "::error::", "::warning::", "::notice::"] {
            #expect(!lines.contains { $0.hasPrefix(injected) }, "\(injected) injected")
        }
        #expect(!github.contains("\r"))
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count >= 3)
    }

    /// A FIFO found while searching a directory must not block the run (open it O_NONBLOCK, skip or report it).
    @Test func fifoInsideADirectoryDoesNotHang() throws {
        let dir = try TemporaryDirectory()
        try dir.write("tree/request.json", #"{"name": "a b"}"#)
        #expect(mkfifo(dir.url.appendingPathComponent("tree/pipe.json").path, 0o644) == 0)
        let run = try Executable.run(["--no-config", "--format", "json", dir.url.appendingPathComponent("tree").path])
        #expect(run.status == 2, "the FIFO is reported as an input that cannot be linted")
        #expect(run.stdout.contains("name-forbidden-character"))
        #expect(run.stderr.contains("pipe.json: is not a regular file"), "\(run.stderr)")
    }

    // MARK: - Helpers

    private func lintInEveryFormat(
        _ arguments: [String], formats: [OutputFormat] = OutputFormat.allCases
    ) throws -> [OutputFormat: Executable.Run] {
        var runs: [OutputFormat: Executable.Run] = [:]
        for format in formats {
            runs[format] = try Executable.run(["--no-config", "--format", format.rawValue] + arguments)
        }
        return runs
    }

    /// The output checks every run must pass; returns the JSON report.
    private func checkIntegrity(_ runs: [OutputFormat: Executable.Run]) throws -> [String: Any] {
        for (format, run) in runs {
            #expect((0...2).contains(run.status), "--format \(format) exited \(run.status): \(run.stderr)")
            #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("Stack dump"), "\(run.stderr)")
            checkTerminalSafe(run.stderr, allowingColor: false)
        }
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(runs[.json]!.stdout.utf8)) as? [String: Any],
            "the JSON report parses")
        if let run = runs[.sarif] {
            let sarif = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            #expect(sarif?["version"] as? String == "2.1.0")
        }

        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        let files = try #require(report["files"] as? [[String: Any]])
        let failures = files.filter { !($0["error"] is NSNull) && $0["error"] != nil }.count
        for diagnostic in diagnostics {
            #expect((diagnostic["line"] as? Int ?? 0) >= 1 && (diagnostic["column"] as? Int ?? 0) >= 1, "\(diagnostic)")
            #expect(!(diagnostic["rule"] as? String ?? "").isEmpty)
        }

        if let text = runs[.text] { checkTerminalSafe(text.stdout, allowingColor: false) }

        guard let github = runs[.github]?.stdout else { return report }
        #expect(github.hasSuffix("\n"))
        let lines = github.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == diagnostics.count + failures + 1, "one line per diagnostic and failure, then the summary")
        for line in lines.dropLast() {
            #expect(line.hasPrefix("::error ") || line.hasPrefix("::warning ") || line.hasPrefix("::notice "),
                    "not an annotation: \(line.prefix(300))")
        }
        #expect(!(lines.last ?? "::").hasPrefix("::"), "the summary line is not a workflow command")
        // Annotations carry values with GitHub's escapes only (control characters stay, so `file=` names the real
        // file): what must never get through is a raw line break.
        #expect(!github.unicodeScalars.contains("\r"))
        return report
    }

    /// No C0 control but newline, no DEL or C1 control; with colour, ESC only in the reporter's own SGR codes.
    private func checkTerminalSafe(_ output: String, allowingColor: Bool) {
        let ownCodes = ["\u{1B}[0m", "\u{1B}[1m", "\u{1B}[31m", "\u{1B}[33m", "\u{1B}[36m"]
        var text = output
        if allowingColor { for code in ownCodes { text = text.replacingOccurrences(of: code, with: "") } }
        let raw = text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
        #expect(raw.isEmpty, "raw controls \(raw.map { String($0.value, radix: 16) }) in:\n\(output.prefix(2000))")
    }

    private func summary(_ diagnostics: [[String: Any]]) -> String {
        diagnostics.prefix(20).map {
            "\($0["file"] ?? ""):\($0["line"] ?? 0):\($0["column"] ?? 0) \($0["rule"] ?? "")"
        }.joined(separator: "; ")
    }
}

/// `text` in UTF-16 and UTF-32, both byte orders, with and without a byte order mark.
private func wideEncodings(_ text: String) -> [(name: String, bytes: [UInt8])] {
    let units16 = Array(text.utf16)
    let units32 = text.unicodeScalars.map(\.value)
    func bytes16(_ bigEndian: Bool, bom: Bool) -> [UInt8] {
        ((bom ? [0xFEFF] : []) + units16).flatMap { unit -> [UInt8] in
            let pair = [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            return bigEndian ? pair : pair.reversed()
        }
    }
    func bytes32(_ bigEndian: Bool, bom: Bool) -> [UInt8] {
        ((bom ? [0xFEFF] : []) + units32).flatMap { unit -> [UInt8] in
            let quad = [UInt8(unit >> 24), UInt8((unit >> 16) & 0xFF), UInt8((unit >> 8) & 0xFF), UInt8(unit & 0xFF)]
            return bigEndian ? quad : quad.reversed()
        }
    }
    return [
        ("utf16le-bom.json", bytes16(false, bom: true)), ("utf16be-bom.json", bytes16(true, bom: true)),
        ("utf16le.json", bytes16(false, bom: false)), ("utf16be.yaml", bytes16(true, bom: false)),
        ("utf32le-bom.json", bytes32(false, bom: true)), ("utf32be-bom.yaml", bytes32(true, bom: true)),
        ("utf32le.json", bytes32(false, bom: false)), ("utf32be.json", bytes32(true, bom: false)),
    ]
}

extension TemporaryDirectory {
    @discardableResult
    func writeBytes(_ relativePath: String, _ bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }
}
