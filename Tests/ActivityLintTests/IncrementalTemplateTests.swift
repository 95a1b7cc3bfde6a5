import Testing
@_spi(Internals) @testable import ActivityLint

/// The language server's shortcut for edits inside one resource of a JSON template must give exactly what a full
/// lint of the edited text gives, whatever the edit.
@Suite struct IncrementalTemplateTests {
    static let path = "/r/template.json"

    /// Resources of every kind the findings come from: clean and faulty activities, a name used twice with other
    /// tags, another resource type, duplicate keys inside a request, intrinsic functions, non-ASCII text, and a
    /// logical id given twice (a finding of the `Resources` map itself).
    static func template() -> String {
        var resources: [String] = []
        for index in 0..<18 {
            let id = index == 17 ? "Activity0" : "Activity\(index)"
            let body: String
            switch index % 6 {
            case 0: body = activity(#""Name": "orders-\#(index)",\#n      "Tags": [{"Key": "team", "Value": "payments"}]"#)
            case 1: body = activity(#""Name": "bad name \#(index)",\#n      "Tags": [{"Key": "aws:x", "Value": ""}]"#)
            case 2: body = activity(#""Name": "orders-0",\#n      "Tags": [{"Key": "team", "Value": "other"}]"#)
            case 3: body = #"{\#n    "Type": "AWS::S3::Bucket",\#n    "Properties": {"BucketName": "b\#(index)", "BucketName": "x"}\#n  }"#
            case 4:
                body = activity(#""Name": "enc-\#(index)",\#n      "Name": "enc-b",\#n      "EncryptionConfiguration": {"Type": "CUSTOMER_MANAGED_KMS_KEY", "KmsKeyId": "alias/aws/x"}"#)
            default:
                body = activity(#""Name": {"Fn::Sub": "${AWS::StackName}-x"},\#n      "Tags": [{"Key": "é😀 注文", "Value": {"Ref": "P"}}]"#)
            }
            resources.append(#"  "\#(id)": \#(body)"#)
        }
        return "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Description\": \"注文 😀\",\n"
            + "  \"Resources\": {\n" + resources.joined(separator: ",\n") + "\n  }\n}\n"
    }

    static func activity(_ properties: String) -> String {
        "{\n    \"Type\": \"AWS::StepFunctions::Activity\",\n    \"Properties\": {\n      \(properties)\n    }\n  }"
    }

    struct Activity: Equatable {
        var name: String, tags: UInt64, encryption: UInt64, range: SourceRange, pointer: String, subject: String?
    }

    static func activities(_ file: Linter.CheckedFile) -> [Activity] {
        file.activities.map { Activity(name: $0.name, tags: $0.tags, encryption: $0.encryption, range: $0.range,
                                       pointer: $0.pointer, subject: $0.subject) }
    }

    @Test func randomEditsGiveExactlyTheFullLintsAnswers() throws {
        let original = Self.template()
        var linting = DocumentLinting()
        let full = { (text: String) in linting.check(path: Self.path, bytes: Array(text.utf8), syntax: .json) }
        let first = full(original)
        #expect(first.file.result.kind == .cloudFormation)
        let rules = Set(first.file.result.diagnostics.map(\.ruleID))
        #expect(rules.isSuperset(of: ["duplicate-key", "name-forbidden-character", "tag-reserved-prefix"]), "\(rules)")
        var template = try #require(IncrementalTemplate(
            first.file, source: SourceText(original), path: Self.path, syntax: .json, linter: first.linter))

        var random = SeededRandom(seed: 14)
        let typed: [Unicode.Scalar] = ["a", "Z", "0", " ", "-", "_", ":", "é", "😀", "/", "注"]
        let structural: [Unicode.Scalar] = ["\"", "{", "}", ",", "[", "]", "\n", "\\"]
        var scalars = Array(original.unicodeScalars)
        var shortcuts = 0
        let edits = 600
        for step in 1...edits {
            if step % 15 == 0 {
                scalars = Array(original.unicodeScalars)
            } else if random.next(below: 4) > 0, let string = Self.randomStringContent(scalars, &random) {
                // Typing inside a string: what most edits are.
                let at = string.lowerBound + random.next(below: string.count + 1)
                switch random.next(below: 3) {
                case 0 where at < string.upperBound: scalars.remove(at: at)
                case 1 where at < string.upperBound: scalars[at] = typed[random.next(below: typed.count)]
                default: scalars.insert(typed[random.next(below: typed.count)], at: at)
                }
            } else {
                let at = random.next(below: scalars.count)
                switch random.next(below: 10) {
                case 0..<5: scalars.insert(typed[random.next(below: typed.count)], at: at)
                case 5..<7: scalars.removeSubrange(at..<min(scalars.count, at + 1 + random.next(below: 3)))
                case 7: scalars.insert(structural[random.next(below: structural.count)], at: at)
                default: scalars[at] = typed[random.next(below: typed.count)]
                }
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            let expected = full(text)
            if let incremental = template.apply(SourceText(text)) {
                shortcuts += 1
                let (got, want) = (incremental.result.diagnostics, expected.file.result.diagnostics)
                if got != want {
                    let index = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                        ?? min(got.count, want.count)
                    let gave = index < got.count ? "\(got[index])" : "none"
                    let full = index < want.count ? "\(want[index])" : "none"
                    Issue.record("step \(step), diagnostic \(index): the shortcut gave \(gave), the full lint \(full)")
                    return
                }
                #expect(Self.activities(incremental) == Self.activities(expected.file), "step \(step)")
            } else if let rebuilt = IncrementalTemplate(
                expected.file, source: SourceText(text), path: Self.path, syntax: .json, linter: expected.linter)
            {
                template = rebuilt
            }
        }
        // Most typing is inside one resource: the shortcut must be what answers it, or this test tests nothing.
        #expect(shortcuts > edits / 4, "\(shortcuts) of \(edits) edits took the shortcut")
    }

    /// The content of a random string of the text (between a quote and the next), by a scan that ignores escapes.
    static func randomStringContent(_ scalars: [Unicode.Scalar], _ random: inout SeededRandom) -> Range<Int>? {
        var quotes: [Int] = []
        for (index, scalar) in scalars.enumerated() where scalar == "\"" { quotes.append(index) }
        guard quotes.count >= 2 else { return nil }
        let pair = random.next(below: quotes.count / 2) * 2
        return (quotes[pair] + 1)..<quotes[pair + 1]
    }

    @Test func structuralEditsFallBackToTheFullLint() throws {
        let original = Self.template()
        var linting = DocumentLinting()
        let checked = linting.check(path: Self.path, bytes: Array(original.utf8), syntax: .json)
        let template = try #require(IncrementalTemplate(
            checked.file, source: SourceText(original), path: Self.path, syntax: .json, linter: checked.linter))
        // A line break, a string left open, an activity made a bucket.
        for (old, new) in [("orders-0", "orders\n-0"), ("orders-0", "orders\"-0"), ("StepFunctions::Activity", "S3::Bucket")] {
            var copy = template
            let edited = original.replacing(old, with: new, maxReplacements: 1)
            #expect(copy.apply(SourceText(edited)) == nil, "\(new)")
        }
        // Outside every resource's value: the template's description.
        var copy = template
        #expect(copy.apply(SourceText(original.replacing("注文 😀", with: "x"))) == nil)
    }
}

/// A small deterministic generator (SplitMix64), so a failing step can be replayed.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

/// Through the protocol: what the server publishes after edits a template takes the shortcut for is what a server
/// that opens the edited text afresh publishes.
@Suite struct IncrementalPublishingTests {
    @Test func editedTemplatesPublishWhatAFreshOpenPublishes() throws {
        let uri = "file:///nonexistent/stack/template.json"
        var text = IncrementalTemplateTests.template()
        let client = LanguageClient(options: .init(debounce: .zero))
        client.initialize()
        client.open(uri, text, language: "json")
        // Line 16 is a faulty activity's tag line: `      "Tags": [{"Key": "aws:x", "Value": ""}]`.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[15].contains("aws:x"))
        let edits: [(Int, Int, String)] = [(24, 24, "y"), (25, 26, ""), (37, 37, "v"), (24, 24, "😀")]
        for (version, (from, to, insert)) in edits.enumerated() {
            client.change(uri, version: version + 2, range: (15, from, 15, to), insert)
            client.server.flush()
            var all = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var line = Array(all[15].utf16)
            line.replaceSubrange(from..<to, with: Array(insert.utf16))
            all[15] = String(decoding: line, as: UTF16.self)
            text = all.joined(separator: "\n")
            let fresh = LanguageClient(options: .init(debounce: .zero))
            fresh.initialize()
            fresh.open(uri, text, language: "json")
            #expect(client.published(uri) == fresh.published(uri), "edit \(version + 1)")
            #expect(client.server.documents[uri]?.template != nil, "the split is kept for the next edit")
        }
    }
}
