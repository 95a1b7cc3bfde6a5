import Foundation
import Testing

@_spi(Internals) @testable import ActivityLint

/// Inputs well under the size limits whose cost used to grow quadratically (or overflow the stack) in one
/// dimension: merge-key chains, many reported characters in one string, deep nesting. Each is big enough that the
/// old code took minutes or crashed; the checks are on what a user sees, the limit on each run of the binary
/// (`Executable.childTimeLimit`) only a safety net.
@Suite
struct HostileCostTests {
    private func lint(_ name: String, _ text: String, _ arguments: [String] = []) throws
        -> (status: Int32, diagnostics: [ReportedDiagnostic])
    {
        let folder = try TemporaryDirectory()
        let path = try folder.write(name, text)
        // Every finding is counted: the cost of reporting each one is what these cases measure.
        let run = try Executable.run(["--format", "json", "--max-findings-per-rule", "0"] + arguments + [path])
        return (run.status, try ReportedDiagnostic.all(in: run.stdout))
    }

    // MARK: - Merge keys

    /// Each map merges the one before: the merged members grow as the square of the maps (16,000 maps: 7.9 GB
    /// before). They count against --max-aliases, so loading stops at the map that goes over.
    @Test func mergeKeyChainStopsAtTheAliasLimit() throws {
        var text = "name: orders\nx:\n  m0: &m0 {k0: 0}\n"
        for index in 1..<16_000 { text += "  m\(index): &m\(index) {<<: *m\(index - 1), k\(index): \(index)}\n" }
        let result = try lint("chain.yaml", text)
        #expect(result.status == 1)
        // By map 140: 140 aliases and 1 + 2 + ... + 140 = 9,870 merged members, 10,010 in all (line 143).
        #expect(result.diagnostics.map(\.description) == ["alias-limit@143:9"])
        #expect(result.diagnostics.first?.message.contains("merged members") == true)
    }

    @Test func manyMergesOfALargeMapStopAtTheAliasLimit() throws {
        let base = (0..<4_000).map { "k\($0): \($0)" }.joined(separator: ", ")
        let text = "name: orders\nbase: &b {\(base)}\nx:\n" + String(repeating: "  - {<<: *b}\n", count: 4_000)
        let result = try lint("fan.yaml", text)
        #expect(result.status == 1)
        #expect(result.diagnostics.map(\.description) == ["alias-limit@6:5"])
    }

    /// One mapping merging thousands of aliases of a large map (each alias under the limit) once cost aliases x
    /// keys before the limit was checked; merging now stops at the first source the budget cannot take.
    @Test func oneMergeOfManyAliasesOfALargeMapStopsAtTheAliasLimit() throws {
        let base = (0..<200_000).map { "k\($0): 0" }.joined(separator: ", ")
        let aliases = Array(repeating: "*b", count: 9_000).joined(separator: ", ")
        let text = "name: orders\nbase: &b {\(base)}\nm: {<<: [\(aliases)]}\n"
        let result = try lint("merge.yaml", text)
        #expect(result.status == 1)
        #expect(result.diagnostics.map(\.description) == ["alias-limit@3:4"])
    }

    @Test func aRaisedAliasLimitStillMergesAChain() throws {
        var text = "name: orders\nencryptionConfiguration:\n  m0: &m0 {type: AWS_OWNED_KEY}\n"
        for index in 1..<200 { text += "  m\(index): &m\(index) {<<: *m\(index - 1), k\(index): \(index)}\n" }
        let result = try lint("chain.yaml", text, ["--max-aliases", "100000"])
        #expect(result.status == 1)
        #expect(!result.diagnostics.contains { $0.rule == "alias-limit" })
    }

    // MARK: - Many reported characters in one string

    struct ManyCharacters: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var text: String
        var rule: String
        var count: Int
        /// Where the last of them is reported.
        var line: Int
        var column: Int
        var testDescription: String { name }
    }

    static let manyCharacters: [ManyCharacters] = [
        ManyCharacters(
            name: "JSON name of spaces", file: "r.json", text: "{\"name\": \"" + String(repeating: " ", count: 50_000) + "\"}\n",
            rule: "name-forbidden-character", count: 50_000, line: 1, column: 50_010),
        ManyCharacters(
            name: "YAML plain name", file: "r.yaml", text: "name: a" + String(repeating: " a", count: 50_000) + "\n",
            rule: "name-forbidden-character", count: 50_000, line: 1, column: 100_006),
        ManyCharacters(
            name: "YAML double-quoted name with escapes", file: "r.yaml",
            text: "name: \"" + String(repeating: "\\t ", count: 25_000) + "\"\n",
            rule: "name-forbidden-character", count: 50_000, line: 1, column: 75_007),
        ManyCharacters(
            name: "YAML single-quoted name with doubled quotes", file: "r.yaml",
            text: "name: '" + String(repeating: " ''", count: 25_000) + "'\n",
            rule: "name-forbidden-character", count: 25_000, line: 1, column: 75_005),
        ManyCharacters(
            name: "YAML block scalar name", file: "r.yaml", text: "name: |\n" + String(repeating: "  a b\n", count: 25_000),
            rule: "name-forbidden-character", count: 50_000, line: 25_001, column: 6),
        ManyCharacters(
            name: "JSON tag value of #", file: "r.json",
            text: "{\"name\": \"orders\", \"tags\": [{\"key\": \"a\", \"value\": \"" + String(repeating: "#", count: 50_000)
                + "\"}]}\n",
            rule: "tag-charset", count: 50_000, line: 1, column: 50_051),
        ManyCharacters(
            name: "Fn::Sub name of unclosed substitutions", file: "r.yaml",
            text: "name: !Sub \"" + String(repeating: "${", count: 25_000) + "\"\n",
            rule: "name-forbidden-character", count: 50_000, line: 1, column: 50_012),
    ]

    /// Each character's position used to be searched from the start of the string (50,000 spaces: 9.2 s).
    @Test(arguments: manyCharacters)
    func everyOffendingCharacterIsReportedAtItsColumn(_ testCase: ManyCharacters) throws {
        let result = try lint(testCase.file, testCase.text)
        #expect(result.status == 1)
        let reported = result.diagnostics.filter { $0.rule == testCase.rule }
        #expect(reported.count == testCase.count)
        #expect(reported.last.map { "\($0.line):\($0.column)" } == "\(testCase.line):\(testCase.column)")
    }

    /// Each diagnostic used to be compared with every directive: 20,000 of each took minutes.
    @Test func manyDirectivesAndManyDiagnosticsCostTheirSum() throws {
        let text = "name: \"" + String(repeating: " ", count: 20_000) + "\"\n"
            + String(repeating: "# activity-lint: disable-file tag-charset\n", count: 20_000)
        let result = try lint("r.yaml", text)
        #expect(result.status == 1)
        #expect(result.diagnostics.filter { $0.rule == "name-forbidden-character" }.count == 20_000)
        let unused = result.diagnostics.filter { $0.rule == "unused-suppression" }
        #expect(unused.count == 20_000)
        #expect(unused.last.map { "\($0.line):\($0.column)" } == "20001:1")
    }

    // MARK: - Deep nesting

    struct Deep: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var text: String
        var expected: [String]
        var testDescription: String { name }
    }

    static let depth = 150_000

    // The files' names make requests of them, so a deep list is linted (and reported) rather than skipped.
    static let deep: [Deep] = [
        Deep(name: "JSON array", file: "deep-activity.json",
             text: String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n",
             expected: ["payload-not-object@1:1"]),
        Deep(name: "JSON request with deep tags", file: "deep-activity.json",
             text: "{\"name\": \"a\", \"tags\": " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}\n",
             expected: ["invalid-type@1:24"]),
        Deep(name: "JSON array with trailing text", file: "deep-activity.json",
             text: String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + ",\n",
             expected: ["syntax-error@1:300001"]),
        Deep(name: "JSON array with an error inside", file: "deep-activity.json",
             text: String(repeating: "[", count: depth) + "1," + String(repeating: "]", count: depth) + "\n",
             expected: ["syntax-error@1:150002"]),
        Deep(name: "YAML block sequence", file: "deep-activity.yaml", text: String(repeating: "- ", count: depth) + "x\n",
             expected: ["payload-not-object@1:1"]),
        Deep(name: "YAML deep anchor aliased in later collections", file: "deep-activity.yaml",
             text: "- &x\n  " + String(repeating: "- ", count: depth) + "x\n- *x\n- [*x, {a: *x}]\n",
             expected: ["payload-not-object@1:1"]),
        Deep(name: "YAML deep sequence used as a key", file: "deep-activity.yaml",
             text: "? " + String(repeating: "- ", count: depth) + "x\n: v\n",
             expected: ["name-required@1:1", "syntax-error@1:3"]),
        Deep(name: "YAML deep value of a key that is dropped", file: "deep-activity.yaml",
             text: "? [a]\n: " + String(repeating: "- ", count: depth) + "x\n",
             expected: ["name-required@1:1", "syntax-error@1:3"]),
        Deep(name: "YAML deep anchored key", file: "deep-activity.yaml",
             text: "name: 1\n? &k\n  " + String(repeating: "- ", count: depth) + "x\n: v\n",
             expected: ["invalid-type@1:7", "syntax-error@2:3"]),
        Deep(name: "YAML deep merged value the mapping overrides", file: "deep-activity.yaml",
             text: "name: x\nm:\n  a: 1\n  <<:\n    a:\n      " + String(repeating: "- ", count: depth) + "x\n",
             expected: ["unknown-member@2:1"]),
        Deep(name: "YAML block sequence with an error after it", file: "deep-activity.yaml",
             text: "- &x\n  " + String(repeating: "- ", count: depth) + "x\n- *x\n- [*x, *nope]\n",
             expected: ["syntax-error@4:8"]),
        Deep(name: "YAML flow sequence", file: "deep-activity.yaml",
             text: String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n",
             expected: ["nesting-too-deep@1:1001"]),
    ]

    /// With --max-depth raised, dropping the tree used to overflow the stack (exit 139 from 100,000 levels on the
    /// main thread, fewer on a worker's smaller stack), and deep YAML flow
    /// collections took time quadratic in their depth.
    @Test(arguments: deep)
    func deepNestingUnderARaisedLimitIsLoadedAndReleased(_ testCase: Deep) throws {
        let result = try lint(testCase.file, testCase.text, ["--max-depth", "1000000"])
        #expect(result.status == 1)
        #expect(result.diagnostics.map(\.description) == testCase.expected)
    }
}
