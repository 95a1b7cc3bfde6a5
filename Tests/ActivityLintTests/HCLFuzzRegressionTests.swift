import Foundation
import Testing

@_spi(Internals) @testable import ActivityLint

/// The invariants of the `FuzzHCL` libFuzzer target (kept in step with `Fuzz/Sources/FuzzHCL`), run on the inputs
/// it found and on its seed corpus in the normal test suite.
///
/// To add an input found by `Fuzz/run FuzzHCL`: add its bytes to `findings`, fix the bug, and keep the entry.
struct HCLFuzzRegressionTests {
    static let findings: [FuzzRegressionTests.Input] = [
        .init("heredoc marker at the end of input", path: "a.tf", text: "x = <<EOT"),
        .init("heredoc closed by the last line without a line break", path: "a.tf", text: "x = <<EOT\na\nEOT"),
        .init("strip markers on an empty template", path: "a.tf", text: "x = \"${~ 1 ~}\"\n"),
        .init("escape at the end of input", path: "a.tf", text: "x = \"\\"),
        .init("line comment at the end of input", path: "a.tf", text: "x = 1 # end"),
        .init("lone CR inside a heredoc", path: "a.tf", text: "x = <<EOT\na\rb\nEOT\n"),
        .init("CR LF after a heredoc marker", path: "a.tf", text: "x = <<-EOT\r\n  a\r\n  EOT\r\n"),
        .init("directive tags with strip markers around line breaks", path: "a.tf",
              text: "x = <<EOT\n%{~ if a ~}\n  b\n%{~ else ~}\n  c\n%{~ endif ~}\nEOT\n"),
        .init("lone CR after a block label", path: "a.tf",
              base64: "cmVzb3VycmVzb3VyY2UgInNhd19lc291cmNlIG5qampqampqampqampqampqampqampqampqampqampqampqampqampqampqYSJzYXdfcmVzb3VycmVzb2pqampqampqampqYSJzYXdfcmVzb3VycmVzb3VyY2UgInNhd19lcw11cmNlIG5qampqamorampqampqamodHR06Oh0dHR0dHR0="),
        .init("wide characters before positions", path: "a.tf", text: "ü漢 = \"🙂\\u00e9\"\nb { c = \"ü\" }\n"),
    ]

    @Test(arguments: findings)
    func findingKeepsTheParserInvariants(_ input: FuzzRegressionTests.Input) {
        checkHCL(input.bytes)
    }

    @Test func seedCorpusKeepsTheParserInvariants() throws {
        let folder = Executable.packageRoot.appendingPathComponent("Fuzz/corpus/FuzzHCL")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.count >= 5)
        for name in names {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
            #expect(HCLParser.parse(SourceText(bytes: bytes)).error == nil, "seed \(name) does not parse")
            checkHCL(bytes)
        }
    }

    // MARK: - The invariants

    private func checkHCL(_ bytes: [UInt8]) {
        let source = SourceText(bytes: bytes)
        let file = HCLParser.parse(source, limits: ParseLimits(maxDepth: 64, maxAliases: 100, maxFileSize: 1 << 20))
        let checker = Checker(source: source)
        if let error = file.error {
            #expect(!error.message.isEmpty)
            #expect(["syntax-error", "nesting-too-deep"].contains(error.ruleID))
            checker.check(error.range)
        }
        checker.check(file.body)
    }

    private struct Checker {
        let source: SourceText

        func check(_ range: SourceRange) {
            #expect(range.start.offset <= range.end.offset, "\(range.start)-\(range.end) ends before it starts")
            check(range.start)
            check(range.end)
        }

        /// A position is inside the file and at the line and column `SourceText` gives its offset.
        func check(_ position: SourcePosition) {
            #expect(position.offset >= 0 && position.offset <= source.bytes.count, "offset \(position.offset)")
            let expected = source.position(atOffset: position.offset)
            #expect(expected.line == position.line && expected.column == position.column,
                    "\(position) at offset \(position.offset) is \(expected) in the source")
        }

        func spelling(_ range: SourceRange) -> String {
            String(decoding: source.bytes[range.start.offset..<range.end.offset], as: UTF8.self)
        }

        func check(_ body: HCLBody) {
            var previousEnd = 0
            for item in body.items {
                switch item {
                case .attribute(let attribute):
                    check(attribute.nameRange)
                    #expect(spelling(attribute.nameRange) == attribute.name)
                    #expect(spelling(attribute.equalsRange) == "=")
                    #expect(attribute.nameRange.start.offset >= previousEnd)
                    previousEnd = attribute.range.end.offset
                    check(attribute.value)
                case .block(let block):
                    check(block.typeRange)
                    #expect(spelling(block.typeRange) == block.type)
                    for label in block.labels {
                        check(label.range)
                        check(label.value)
                    }
                    #expect(spelling(block.openBraceRange) == "{" && spelling(block.closeBraceRange) == "}")
                    #expect(block.typeRange.start.offset >= previousEnd)
                    previousEnd = block.range.end.offset
                    check(block.body)
                }
            }
        }

        func check(_ expression: HCLExpression) {
            check(expression.range)
            switch expression.kind {
            case .number, .bool, .null:
                break
            case .template(let template):
                check(template.parts)
            case .traversal(let traversal):
                check(traversal.rootRange)
                for case .index(let index, _) in traversal.steps { check(index) }
            case .functionCall(let call):
                check(call.nameRange)
                call.arguments.forEach(check)
            case .tuple(let elements):
                elements.forEach(check)
            case .object(let items):
                for item in items {
                    check(item.key)
                    check(item.value)
                    if let key = item.literalKey { check(key) }
                }
            case .other(let other):
                other.children.forEach(check)
            }
        }

        func check(_ parts: [HCLTemplatePart]) {
            for part in parts {
                switch part {
                case .literal(let text, let range):
                    check(range)
                    check(text)
                    if text.scalarPositions == nil {
                        let end = text.contentStart.offset + text.text.utf8.count
                        #expect(end <= source.bytes.count && Array(source.bytes[text.contentStart.offset..<end]) == Array(text.text.utf8),
                                "a literal without a position table is not the source text")
                    }
                case .interpolation(let expression, let range):
                    check(range)
                    check(expression)
                case .directive(let directive):
                    check(directive.range)
                    check(directive.expression)
                    check(directive.body)
                    check(directive.elseBody ?? [])
                }
            }
        }

        /// Every scalar of a string is in the file, in source order.
        func check(_ string: StringValue) {
            var locator = ScalarLocator(string)
            var previous = -1
            for index in 0..<string.text.unicodeScalars.count {
                let position = locator.position(ofScalar: index)
                check(position)
                #expect(position.offset > previous, "scalar \(index) is not after the one before")
                previous = position.offset
            }
        }
    }
}
