import Foundation
import Testing

@_spi(Internals) @testable import ActivityLint

/// `--fix`: each fix changes only the bytes it edits, a second run changes nothing, and where the intended value
/// is not certain (an alias used elsewhere, an intrinsic function, two members equally near) nothing is fixed.
struct FixTests {
    let linter = Linter.builtIn()

    private func fixed(_ text: String, path: String, unsafe: Bool = false) -> (text: String, result: FileResult) {
        let outcome = linter.fix(bytes: Array(text.utf8), path: path, mode: FixMode(includesUnsafe: unsafe))
        return (String(decoding: outcome.bytes, as: UTF8.self), outcome.result)
    }

    @Test func jsonRequestKeepsItsLayout() {
        let text = """
            {
              "Name": "orders",
              "tags": [
                {"key": "team", "value": "a"},
                {"key": "team", "value": "a"},
                {"key": "cost", "value": "b"}
              ],
              "encryptionConfiguration": {"type": "customer_managed_kms_key", "kmsKeyId": "1234ABCD-12AB-34CD-56EF-1234567890AB", "kmsDataKeyReusePeriodSeconds": "300"}
            }

            """
        let (result, lint) = fixed(text, path: "create-activity.json")
        #expect(result == """
            {
              "name": "orders",
              "tags": [
                {"key": "team", "value": "a"},
                {"key": "cost", "value": "b"}
              ],
              "encryptionConfiguration": {"type": "CUSTOMER_MANAGED_KMS_KEY", "kmsKeyId": "1234abcd-12ab-34cd-56ef-1234567890ab", "kmsDataKeyReusePeriodSeconds": 300}
            }

            """)
        #expect(lint.fixes?.applied == 5)
        #expect(lint.diagnostics.isEmpty, "\(lint.diagnostics.map(\.ruleID))")
        let again = fixed(result, path: "create-activity.json")
        #expect(again.text == result && again.result.fixes == nil, "a second --fix changes nothing")
    }

    @Test func yamlBlockStyleKeepsCommentsAndCRLF() {
        let text = "# the orders worker\r\nname: orders\r\ntags:\r\n  - Key: enabled   # a comment\r\n    Value: yes\r\n"
            + "  - key: x\r\n    value: '1'\r\n  - key: x   # repeated\r\n    value: '1'\r\n  - key: last\r\n    value: v\r\n"
        let (result, lint) = fixed(text, path: "activity.yaml")
        #expect(result == "# the orders worker\r\nname: orders\r\ntags:\r\n  - key: enabled   # a comment\r\n"
            + "    value: \"yes\"\r\n  - key: x\r\n    value: '1'\r\n  - key: last\r\n    value: v\r\n")
        #expect(lint.diagnostics.map(\.ruleID) == ["line-endings"])
        #expect(fixed(result, path: "activity.yaml").result.fixes == nil)
    }

    @Test func yamlFlowStyleLosesTheEntryWithItsComma() {
        let text = "name: orders\ntags: [{key: a, value: b}, {key: a, value: b}, {key: c, value: d}]\n"
        #expect(fixed(text, path: "activity.yaml").text
            == "name: orders\ntags: [{key: a, value: b}, {key: c, value: d}]\n")
    }

    @Test func firstOfABlockMappingIsRenamedNotRemoved() {
        // A template: `kms_key_id` is the API's spelling in the wrong dialect; `KmsKeyID` a case slip.
        let text = """
            Resources:
              Orders:
                Type: AWS::StepFunctions::Activity
                Properties:
                  Name: orders
                  EncryptionConfiguration:
                    Type: CUSTOMER_MANAGED_KMS_KEY
                    KmsKeyID: alias/orders

            """
        let (result, lint) = fixed(text, path: "template.yaml")
        #expect(result.contains("        KmsKeyId: alias/orders\n"))
        #expect(lint.diagnostics.isEmpty, "\(lint.diagnostics.map(\.message))")
    }

    @Test func unsafeFixesOnlyWhenAsked() {
        let text = #"{"name": "orders worker", "encryptionConfiguration": {"type": "AWS_OWNED_KEY", "kmsDataKeyReusePeriodSeconds": 300}}"#
        let safe = fixed(text, path: "create-activity.json")
        #expect(safe.text == text && safe.result.fixes == nil)
        let name = safe.result.diagnostics.first { $0.ruleID == "name-forbidden-character" }
        #expect(name?.fix?.applicability == .unsafe)
        #expect(name?.fix?.title.contains("renames the activity") == true)
        let unsafe = fixed(text, path: "create-activity.json", unsafe: true)
        #expect(unsafe.text == #"{"name": "orders-worker", "encryptionConfiguration": {"type": "AWS_OWNED_KEY"}}"#)
    }

    @Test func longNameIsShortenedOnlyAsAnUnsafeFix() {
        let long = String(repeating: "a", count: 85)
        let result = fixed("{\"name\": \"\(long)\"}", path: "create-activity.json", unsafe: true)
        #expect(result.text == "{\"name\": \"\(String(repeating: "a", count: 80))\"}")
    }

    @Test func noFixThroughAnAliasUsedElsewhere() {
        let text = """
            Resources:
              A:
                Type: AWS::StepFunctions::Activity
                Properties:
                  Name: a
                  EncryptionConfiguration: {Type: &type customer_managed_kms_key, KmsKeyId: alias/a}
              B:
                Type: AWS::StepFunctions::Activity
                Properties:
                  Name: b
                  EncryptionConfiguration: {Type: *type, KmsKeyId: alias/b}

            """
        let (result, lint) = fixed(text, path: "template.yaml")
        let found = lint.diagnostics.filter { $0.ruleID == "encryption-type-invalid" }
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.fix == nil })
        #expect(result == text)
    }

    @Test func noFixForAValueGivenByAnIntrinsicFunction() {
        let text = """
            Resources:
              A:
                Type: AWS::StepFunctions::Activity
                Properties:
                  Name: !Sub "orders worker-${Env}"

            """
        let lint = linter.lint(text: text, path: "template.yaml")
        let found = lint.diagnostics.filter { $0.ruleID == "name-forbidden-character" }
        #expect(found.count == 1 && found[0].fix == nil)
        #expect(fixed(text, path: "template.yaml", unsafe: true).text == text)
    }

    @Test func noRenameWhenTheIntendedMemberIsAlreadyThereOrTwoAreAsNear() {
        let lint = linter.lint(text: #"{"name": "a", "Name": "b"}"#, path: "create-activity.json")
        let unknown = lint.diagnostics.filter { $0.ruleID == "unknown-member" }
        #expect(unknown.count == 1 && unknown[0].fix == nil)
        #expect(MemberSuggestion.suggestion(for: "ab", among: ["ax", "ay"])?.isUnambiguous == false)
        #expect(MemberSuggestion.suggestion(for: "nmae", among: ["name", "tags"])?.member == "name")
    }

    @Test func escapedTextIsNotRewritten() {
        // The bytes are not the text: a fix would have to write escapes, so none is offered.
        let lint = linter.lint(text: #"{"name": "a", "encryptionConfiguration": {"type": "aws_owned_\u004Bey"}}"#, path: "create-activity.json")
        let type = lint.diagnostics.first { $0.ruleID == "encryption-type-invalid" }
        #expect(type != nil && type?.fix == nil)
    }

    @Test func appliedEditsNeverOverlap() {
        let a = Fix(title: "a", applicability: .safe, edits: [TextEdit(offset: 0, endOffset: 3, replacement: "x")])
        let b = Fix(title: "b", applicability: .safe, edits: [TextEdit(offset: 2, endOffset: 4, replacement: "y")])
        let c = Fix(title: "c", applicability: .safe, edits: [TextEdit(offset: 4, endOffset: 5, replacement: "z")])
        let result = FixApplier.apply([b, c, a], to: Array("abcdef".utf8))
        #expect(String(decoding: result.bytes, as: UTF8.self) == "xdzf")
        #expect(result.applied == 2)
    }

    @Test func editsApplyByByteOffsetIntoTheOriginalTextInAnyOrder() {
        func fix(_ edits: TextEdit...) -> Fix { Fix(title: "t", applicability: .safe, edits: edits) }
        // `é` is two bytes: the space after it is at byte 12, character 11.
        let text = Array(#"{"Name": "é q"}"#.utf8)
        let result = FixApplier.apply([
            fix(TextEdit(offset: 12, endOffset: 13, replacement: "_")), fix(TextEdit(offset: 2, endOffset: 6, replacement: "name")),
        ], to: text)
        #expect(String(decoding: result.bytes, as: UTF8.self) == #"{"name": "é_q"}"#)
        // Insertions at two places of one fix, and a removal.
        let quoted = FixApplier.apply([fix(TextEdit(offset: 6, endOffset: 6, replacement: "\""),
                                           TextEdit(offset: 10, endOffset: 10, replacement: "\""))], to: Array("name: 0123\n".utf8))
        #expect(String(decoding: quoted.bytes, as: UTF8.self) == "name: \"0123\"\n")
        #expect(FixApplier.apply([fix(TextEdit(offset: 4, endOffset: 10, replacement: ""))], to: Array("name: 0123\n".utf8))
            .bytes == Array("name\n".utf8))
        // Outside the text: not applied.
        #expect(FixApplier.apply([fix(TextEdit(offset: 3, endOffset: 99, replacement: ""))], to: text).applied == 0)
    }

    @Test func unifiedDiffShowsOnlyTheChangedLinesWithContext() {
        let old = (1...20).map { "line \($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "line 10\n", with: "line ten\n")
        #expect(UnifiedDiff.render(old: Array(old.utf8), new: Array(new.utf8), path: "a.yaml") == """
            --- a/a.yaml
            +++ b/a.yaml
            @@ -7,7 +7,7 @@
             line 7
             line 8
             line 9
            -line 10
            +line ten
             line 11
             line 12
             line 13

            """)
    }

    /// Every example fixed (safe fixes) still parses and has nothing fixable left.
    @Test func everyExampleFixedStillParsesWithNothingFixableLeft() throws {
        let root = Executable.packageRoot.appendingPathComponent("Examples")
        let files = try #require(FileManager.default.enumerator(atPath: root.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".json") || $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        #expect(files.count > 10)
        var fixedFiles = 0
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: root.appendingPathComponent(file)))
            let before = linter.lint(bytes: bytes, path: "Examples/" + file)
            let outcome = linter.fix(bytes: bytes, path: "Examples/" + file, mode: FixMode())
            if outcome.result.fixes != nil { fixedFiles += 1 }
            let parses: (FileResult) -> Int = { $0.diagnostics.count { $0.ruleID == "syntax-error" } }
            #expect(parses(outcome.result) <= parses(before), "\(file) no longer parses")
            #expect(!outcome.result.diagnostics.contains { $0.fix?.applicability == .safe }, "\(file)")
            #expect(linter.fix(bytes: outcome.bytes, path: "Examples/" + file, mode: FixMode()).result.fixes == nil)
        }
        #expect(fixedFiles >= 3, "the examples hold fixable findings")
    }

    @Test func diffWritesNothingAndFixWritesInPlace() throws {
        let repo = try TemporaryDirectory()
        let original = "{\"Name\": \"orders\"}\n"
        try repo.write("create-activity.json", original)
        let diff = try Executable.run(["--no-config", "--diff", "create-activity.json"], workingDirectory: repo.url)
        #expect(diff.status == 1)
        #expect(diff.stdout == "--- a/create-activity.json\n+++ b/create-activity.json\n@@ -1 +1 @@\n"
            + "-{\"Name\": \"orders\"}\n+{\"name\": \"orders\"}\n")
        #expect(diff.stderr.contains("would fix 1 problem in 1 file"))
        let path = repo.path + "/create-activity.json"
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original)
        let fix = try Executable.run(["--no-config", "--fix", "create-activity.json"], workingDirectory: repo.url)
        #expect(fix.status == 0, "\(fix.stdout)")
        #expect(fix.stdout.contains("No problems found in 1 file") && fix.stdout.contains("Fixed 1 problem in 1 file"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"name\": \"orders\"}\n")
        let clean = try Executable.run(["--no-config", "--diff", "create-activity.json"], workingDirectory: repo.url)
        #expect(clean.status == 0 && clean.stdout.isEmpty)
    }

    @Test func textOutputMarksFixableFindingsAndCountsThem() throws {
        let repo = try TemporaryDirectory()
        try repo.write("create-activity.json", #"{"Name": "orders worker"}"#)
        let run = try Executable.run(["--no-config", "create-activity.json"], workingDirectory: repo.url)
        #expect(run.stdout.contains("[unknown-member] [*]\n"))
        #expect(run.stdout.contains("[*] 1 fixable with --fix\n"))
    }
}
