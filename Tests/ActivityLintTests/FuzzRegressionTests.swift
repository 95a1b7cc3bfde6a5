import Foundation
import Testing

@_spi(Internals) @testable import ActivityLint

/// The invariants the libFuzzer targets in `Fuzz/` check, run in the normal test suite on every input the fuzzers
/// found interesting enough to keep (crashes first of all) and on the committed seed corpus.
///
/// To add a crash found by `Fuzz/run`: add its bytes to `findings` (a name, the file name it was linted as, and
/// the bytes, base64 or text), fix the bug, and keep the entry.
struct FuzzRegressionTests {
    struct Input: CustomTestStringConvertible, Sendable {
        var name: String
        var path: String
        var bytes: [UInt8]
        var testDescription: String { name }

        init(_ name: String, path: String, text: String) {
            self.init(name, path: path, bytes: Array(text.utf8))
        }

        init(_ name: String, path: String, base64: String) {
            self.init(name, path: path, bytes: Array(Data(base64Encoded: base64)!))
        }

        init(_ name: String, path: String, bytes: [UInt8]) {
            self.name = name
            self.path = path
            self.bytes = bytes
        }
    }

    /// Inputs found by fuzzing (none of the 10-minute runs so far crashed) and hand-made edge cases around the
    /// places fuzzers like to poke: escapes, truncation, odd line ends, control characters in names and paths.
    static let findings: [Input] = [
        Input("truncated escape", path: "a.json", text: #"{"name": "\u12"#),
        Input("escape at end of input", path: "a.json", text: #"{"name": "\"#),
        Input("lone CR line ends", path: "a.yaml", text: "name: a\rtags:\r  - key: b\r"),
        Input("CR LF inside a quoted scalar", path: "a.yaml", text: "name: \"a\r\n  b\"\r\n"),
        Input("surrogate pair split by a line end", path: "a.json", text: "{\"name\": \"\\ud83d\n\\ude00\"}"),
        Input("key position after a BOM", path: "a.json", bytes: [0xEF, 0xBB, 0xBF] + Array(#"{"name":"a b"}"#.utf8)),
        Input("BOM only", path: "a.yaml", bytes: [0xEF, 0xBB, 0xBF]),
        Input("document end markers only", path: "a.yaml", text: "---\n...\n---\n...\n"),
        Input("flow mapping as a key", path: "a.yaml", text: "? {a: b}\n: c\nname: x\n"),
        Input("alias to an unknown anchor", path: "a.yaml", text: "name: *nowhere\n"),
        Input("anchor on the document root", path: "a.yaml", text: "&root {name: *root}\n"),
        Input("tab in indentation", path: "a.yaml", text: "name: a\ntags:\n\t- key: b\n"),
        Input("control characters in a name and a path", path: "e\u{1B}[2J,::x\n.json",
              text: #"{"name": "\u001b]0;t\u0007\u009b1m\r\n::error::x%0A", "tags": [{"key": "\u2028", "value": "\u202e"}]}"#),
        Input("many findings on one huge line", path: "a.json",
              text: "{\"name\": \"" + String(repeating: "a b ", count: 300) + "\"}"),
        Input("wide characters before a finding", path: "a.json", text: #"{"name": "漢字🙂e\u0301 x"}"#),
        Input("number edge cases", path: "a.json",
              text: #"{"name": "a", "encryptionConfiguration": {"type": "CUSTOMER_MANAGED_KMS_KEY", "kmsKeyId": "alias/a", "kmsDataKeyReusePeriodSeconds": -0.0e-0}}"#),
        Input("YAML 1.1 scalars", path: "a.yaml", text: "name: 0o17\ntags:\n  - {key: on, value: 1_000}\n  - {key: 0x1F, value: .NaN}\n"),
        Input("suppression comment with odd text", path: "a.yaml",
              text: "# activity-lint: disable-next-line \u{1B}[31m, all -- \u{7}\nname: a b\n"),
    ]

    @Test(arguments: findings)
    func findingKeepsEveryOutputInvariant(_ input: Input) throws {
        try checkPipeline(input.bytes, path: input.path)
    }

    /// Every seed of every fuzz target, as each parser and as the pipeline would see it.
    @Test func seedCorpusKeepsEveryOutputInvariant() throws {
        let corpus = Executable.packageRoot.appendingPathComponent("Fuzz/corpus")
        let targets = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
        #expect(targets.contains("FuzzPipeline"))
        var count = 0
        for target in targets {
            let folder = corpus.appendingPathComponent(target)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
                var bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
                var path = name
                if target == "FuzzPipeline", !bytes.isEmpty {
                    // The pipeline target's first byte picks the file name; here the seed's own name is used.
                    bytes.removeFirst()
                    path = "pipeline-" + name
                }
                try checkPipeline(bytes, path: path)
                count += 1
            }
        }
        #expect(count >= 20)
    }

    // MARK: - The invariants (kept in step with Fuzz/Sources/FuzzPipeline)

    private func checkPipeline(_ bytes: [UInt8], path: String) throws {
        let linter = Linter.builtIn()
        let result = linter.lint(bytes: bytes, path: path)
        let source = SourceText(bytes: bytes)
        for diagnostic in result.diagnostics {
            for position in [diagnostic.range.start, diagnostic.range.end] {
                #expect(position.line >= 1 && position.column >= 1, "\(diagnostic.ruleID) at \(position)")
                #expect(position.offset >= 0 && position.offset <= bytes.count, "\(diagnostic.ruleID) offset \(position.offset)")
                #expect(position.line <= source.lineStarts.count, "\(diagnostic.ruleID) line \(position.line)")
            }
            #expect(diagnostic.range.start.offset <= diagnostic.range.end.offset)
        }
        let failed = FileResult(path: "missing\u{7}.json", source: nil, failure: "does not exist")
        let report = LintReport(files: [result, failed], rules: linter.engine.descriptors)
        for format in OutputFormat.allCases {
            for color in format == .text ? [false, true] : [false] {
                let output = format.reporter(color: color).render(report)
                #expect(output.hasSuffix("\n"))
                switch format {
                case .json, .sarif:
                    let parsed = JSONParser.parse(SourceText(output), limits: ParseLimits(maxDepth: 32, maxFileSize: .max))
                    #expect(parsed.documents.count == 1 && parsed.findings.isEmpty, "\(format): \(parsed.findings)")
                    #expect(try JSONSerialization.jsonObject(with: Data(output.utf8)) is [String: Any])
                case .text:
                    var text = output
                    if color {
                        for code in ["\u{1B}[0m", "\u{1B}[1m", "\u{1B}[31m", "\u{1B}[33m", "\u{1B}[36m"] {
                            text = text.replacingOccurrences(of: code, with: "")
                        }
                    }
                    let raw = text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
                    #expect(raw.isEmpty, "raw controls \(raw.map(\.value)) in text output:\n\(output.prefix(1000))")
                case .github:
                    let lines = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                    #expect(lines.count == report.diagnostics.count + report.failedFiles.count + 1)
                    for line in lines.dropLast() {
                        #expect(line.hasPrefix("::error ") || line.hasPrefix("::warning ") || line.hasPrefix("::notice "),
                                "\(line.prefix(300))")
                    }
                    #expect(!(lines.last ?? "::").hasPrefix("::"))
                }
            }
        }
    }
}
