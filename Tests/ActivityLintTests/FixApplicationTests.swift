import Testing
@testable import ActivityLint

/// The helper that applies a diagnostic's fix edits, as the catalog's fix pairs are checked with it.
struct FixApplicationTests {
    /// A diagnostic as a validator would build it, with the fix it offers.
    func diagnostic(_ edits: [TextEdit]) -> Diagnostic {
        Diagnostic(ruleID: "unknown-member", severity: .error, message: "unknown member", file: "a.json",
                   range: SourceRange(at: .start), fix: Fix(title: "Rename", applicability: .safe, edits: edits))
    }

    @Test func editsGivenInAnyOrderApplyByOffsetIntoTheOriginalText() throws {
        let text = #"{"Name": "orders queue"}"#
        let fixed = try FixApplication.applying(fixesOf: [
            diagnostic([TextEdit(offset: 16, endOffset: 17, replacement: "-")]),
            diagnostic([TextEdit(offset: 2, endOffset: 6, replacement: "name")]),
        ], to: text)
        #expect(fixed == #"{"name": "orders-queue"}"#)
    }

    @Test func offsetsCountBytesNotCharacters() throws {
        // `é` is two bytes: the space after it is at byte 14, character 13.
        let text = #"{"name": "é q"}"#
        #expect(try FixApplication.applying([TextEdit(offset: 12, endOffset: 13, replacement: "_")], to: text)
            == #"{"name": "é_q"}"#)
    }

    @Test func insertionsAndRemovals() throws {
        let text = "name: 0123\n"
        #expect(try FixApplication.applying([
            TextEdit(offset: 6, endOffset: 6, replacement: "\""), TextEdit(offset: 10, endOffset: 10, replacement: "\""),
        ], to: text) == "name: \"0123\"\n")
        #expect(try FixApplication.applying([TextEdit(offset: 4, endOffset: 10, replacement: "")], to: text) == "name\n")
    }

    @Test func diagnosticsWithoutAFixLeaveTheTextAsItIs() throws {
        var plain = diagnostic([])
        plain.fix = nil
        #expect(try FixApplication.applying(fixesOf: [plain], to: "name: a\n") == "name: a\n")
    }

    @Test func overlappingEditsAreRefused() {
        let first = TextEdit(offset: 2, endOffset: 6, replacement: "name")
        let second = TextEdit(offset: 5, endOffset: 7, replacement: "x")
        #expect(throws: FixApplication.Problem.overlapping(first, second)) {
            try FixApplication.applying([second, first], to: #"{"Name": 1}"#)
        }
        let insertion = TextEdit(offset: 2, endOffset: 2, replacement: "x")
        #expect(throws: FixApplication.Problem.overlapping(insertion, first)) {
            try FixApplication.applying([first, insertion], to: #"{"Name": 1}"#)
        }
    }

    @Test func editsOutsideTheTextAreRefused() {
        let past = TextEdit(offset: 3, endOffset: 9, replacement: "")
        #expect(throws: FixApplication.Problem.outOfRange(past)) { try FixApplication.applying([past], to: "abc") }
        let backwards = TextEdit(offset: 2, endOffset: 1, replacement: "")
        #expect(throws: FixApplication.Problem.outOfRange(backwards)) { try FixApplication.applying([backwards], to: "abc") }
    }

    @Test func anEditThatCutsACharacterIsRefused() {
        #expect(throws: FixApplication.Problem.invalidUTF8) {
            try FixApplication.applying([TextEdit(offset: 1, endOffset: 2, replacement: "")], to: "é")
        }
    }
}
