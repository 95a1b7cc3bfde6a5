import Foundation
import Testing

@_spi(Internals) @testable import ActivityLint

/// A suppression directive counts only in a real YAML comment: written inside a string value of any style it is
/// just text, so it hides nothing and is not reported as an unused suppression either.
struct HostileSuppressionTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        /// Where the name error that must still be reported is.
        var line = 1
        var column = 9
        var testDescription: String { name }
    }

    static let hidingInStrings: [Case] = [
        Case(name: "single-quoted", yaml: "name: \"a b\"\ntags: [{key: owner, value: 'x # activity-lint: disable-file all'}]\n"),
        Case(name: "double-quoted", yaml: "name: \"a b\"\ntags: [{key: owner, value: \"x # activity-lint: disable-file all\"}]\n"),
        Case(name: "block literal", yaml: "name: \"a b\"\ntags:\n  - key: owner\n    value: |\n      # activity-lint: disable-file all\n"),
        Case(name: "block folded", yaml: "name: \"a b\"\ntags:\n  - key: owner\n    value: >-\n      x\n      # activity-lint: disable-file all\n"),
        Case(name: "multi-line double-quoted", yaml: "name: \"a b\"\ntags:\n  - key: owner\n    value: \"x\n      # activity-lint: disable-file all\n      y\"\n"),
        Case(name: "multi-line single-quoted", yaml: "name: \"a b\"\ntags:\n  - key: owner\n    value: 'x\n      # activity-lint: disable-file all\n      y'\n"),
        Case(name: "disable-next-line in a string", yaml: "tags:\n  - key: owner\n    value: 'x\n      # activity-lint: disable-next-line all\n      '\nname: \"a b\"\n", line: 6),
        Case(name: "disable-line in a flow key", yaml: "name: \"a b\"\ntags: [{'k # activity-lint: disable-line all': v}]\n"),
        Case(name: "anchored and tagged", yaml: "name: \"a b\"\ntags: [{key: owner, value: !!str &v \"x # activity-lint: disable-file all\"}]\n"),
    ]

    @Test(arguments: hidingInStrings)
    func directiveInsideAStringHidesNothing(_ testCase: Case) throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("request.yaml", testCase.yaml)
        let run = try Executable.run(["--format", "json", path])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        let found = try ReportedDiagnostic.all(in: run.stdout)
        #expect(found.contains { $0.rule == "name-forbidden-character" && $0.line == testCase.line && $0.column == testCase.column },
                "\(found)")
        #expect(!found.contains { $0.rule == "unused-suppression" }, "\(found)")
    }

    /// `[a # …]` comments out the `]`: loading stops at the broken flow sequence, and the directive past the last
    /// scalar read cannot suppress the syntax error it caused.
    @Test func commentThatBreaksAFlowCollectionSuppressesNothing() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("request.yaml", "name: orders\ntags: [owner: x # activity-lint: disable-file all -- ]\n")
        let run = try Executable.run(["--format", "json", path])
        #expect(run.status == 1)
        #expect(try ReportedDiagnostic.all(in: run.stdout).map(\.rule) == ["syntax-error"])
    }

    /// Properties may stand a line above their value, with a comment between (the fuzz target's harness once took
    /// such a comment for the value): nothing there hides the value's error, and the value's own text is no
    /// directive either.
    @Test func aCommentBetweenPropertiesAndTheirValueHidesNothing() throws {
        let folder = try TemporaryDirectory()
        let real = try folder.write("real.yaml", "name: !!str &n # activity-lint: disable-line all\n  orders queue\n")
        let inText = try folder.write(
            "text.yaml", "name: !!str &n\n  |\n  a b\n  # activity-lint: disable-file all\n")
        let run = try Executable.run(["--format", "json", real, inText])
        let found = try ReportedDiagnostic.all(in: run.stdout)
        // The directive on line 1 covers line 1 only; the name's space is on line 2.
        #expect(found.contains { $0.rule == "name-forbidden-character" && $0.line == 2 && $0.column == 9 }, "\(found)")
        #expect(found.contains { $0.rule == "name-forbidden-character" && $0.line == 3 && $0.column == 4 }, "\(found)")
    }

    /// Real comments still work next to every scalar style, a `#` inside the scalar before them notwithstanding.
    @Test func realCommentsBesideScalarsStillSuppress() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write(
            "request.yaml",
            """
            name: 'a#b c'  # activity-lint: disable-line name-forbidden-character
            notes: |  # activity-lint: disable-line unknown-member
              # not a directive, and not a comment
            # activity-lint: disable-next-line unknown-member -- a folded scalar next
            more: >
              text
            tags: [{key: a, value: "b # c"}]  # activity-lint: disable-line tag-charset

            """)
        let run = try Executable.run(["--format", "json", path])
        let found = try ReportedDiagnostic.all(in: run.stdout)
        #expect(run.status == 0, "\(found)")
        #expect(found.isEmpty, "\(found)")
    }
}
