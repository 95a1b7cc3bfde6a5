@_spi(Internals) import ActivityLint
import FuzzSupport

/// libFuzzer entry point: the HCL native-syntax parser on one input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHCL(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard isParserInput(bytes) else { return -1 }  // -1: do not add to the corpus
    let source = SourceText(bytes: bytes)
    let file = HCLParser.parse(source, limits: ParseLimits(maxDepth: 64, maxAliases: 100, maxFileSize: 1 << 20))
    var checker = HCLTreeChecker(source: source)
    if let error = file.error {
        fuzzCheck(!error.message.isEmpty, "an error without a message")
        fuzzCheck(error.ruleID == "syntax-error" || error.ruleID == "nesting-too-deep", "rule \(error.ruleID)")
        checker.check(error.range, "error")
    }
    checker.check(file.body)
    return 0
}

/// Checks every range and position of a parsed tree against the source: inside the file, ordered, at the line
/// and column `SourceText` gives their offset, and names spelt as the source spells them.
struct HCLTreeChecker {
    let source: SourceText
    /// Positions compared with `SourceText.position(atOffset:)` (which walks the line) so far; capped so that
    /// a long single-line input stays fast.
    private var exactChecks = 0

    init(source: SourceText) {
        self.source = source
    }

    mutating func check(_ range: SourceRange, _ what: @autoclosure () -> String) {
        checkRange(range, in: source, what())
        check(range.start, what())
        check(range.end, what())
    }

    mutating func check(_ position: SourcePosition, _ what: @autoclosure () -> String) {
        guard exactChecks < 2_000 else { return }
        exactChecks += 1
        let expected = source.position(atOffset: position.offset)
        fuzzCheck(expected == position && expected.line == position.line && expected.column == position.column,
                  "\(what()): position \(position) (offset \(position.offset)) is \(expected) in the source")
    }

    private func spelling(_ range: SourceRange) -> String {
        String(decoding: source.bytes[range.start.offset..<range.end.offset], as: UTF8.self)
    }

    mutating func check(_ body: HCLBody) {
        var previousEnd = 0
        for item in body.items {
            switch item {
            case .attribute(let attribute):
                check(attribute.nameRange, "attribute name")
                fuzzCheck(spelling(attribute.nameRange) == attribute.name, "attribute \(attribute.name) spelt otherwise")
                check(attribute.equalsRange, "attribute =")
                fuzzCheck(spelling(attribute.equalsRange) == "=", "'=' range")
                check(attribute.value)
                fuzzCheck(attribute.nameRange.start.offset >= previousEnd, "attributes out of order")
                previousEnd = attribute.range.end.offset
            case .block(let block):
                check(block.typeRange, "block type")
                fuzzCheck(spelling(block.typeRange) == block.type, "block type spelt otherwise")
                for label in block.labels {
                    check(label.range, "label")
                    check(label.value)
                    if !label.isQuoted { fuzzCheck(spelling(label.range) == label.value.text, "label spelt otherwise") }
                }
                check(block.openBraceRange, "{")
                check(block.closeBraceRange, "}")
                fuzzCheck(spelling(block.openBraceRange) == "{" && spelling(block.closeBraceRange) == "}", "brace ranges")
                fuzzCheck(block.typeRange.start.offset >= previousEnd, "blocks out of order")
                previousEnd = block.range.end.offset
                check(block.body)
            }
        }
    }

    mutating func check(_ expression: HCLExpression) {
        check(expression.range, "expression")
        if let node = expression.staticNode {
            checkParsed(ParsedSource(documents: [node]), in: source)
        }
        switch expression.kind {
        case .number, .bool, .null:
            break
        case .template(let template):
            check(template.parts)
        case .traversal(let traversal):
            check(traversal.rootRange, "traversal root")
            for step in traversal.steps {
                if case .index(let index, _) = step { check(index) }
            }
        case .functionCall(let call):
            check(call.nameRange, "function name")
            call.arguments.forEach { check($0) }
        case .tuple(let elements):
            elements.forEach { check($0) }
        case .object(let items):
            for item in items {
                check(item.key)
                check(item.separatorRange, "object separator")
                check(item.value)
                if let key = item.literalKey { check(key) }
            }
        case .other(let other):
            other.children.forEach { check($0) }
        }
    }

    mutating func check(_ parts: [HCLTemplatePart]) {
        for part in parts {
            switch part {
            case .literal(let text, let range):
                check(range, "literal")
                check(text)
                if text.scalarPositions == nil {
                    // Regular positions: the text is the source's, byte for byte.
                    let end = text.contentStart.offset + text.text.utf8.count
                    fuzzCheck(end <= source.bytes.count, "literal runs past the end")
                    fuzzCheck(Array(source.bytes[text.contentStart.offset..<end]) == Array(text.text.utf8),
                              "a literal without a position table is not the source text")
                }
            case .interpolation(let expression, let range):
                check(range, "interpolation")
                check(expression)
            case .directive(let directive):
                check(directive.range, "directive")
                check(directive.expression)
                check(directive.body)
                check(directive.elseBody ?? [])
            }
        }
    }

    /// Every scalar of a string is somewhere in the file, in source order.
    mutating func check(_ string: StringValue) {
        check(string.contentStart, "string start")
        var locator = ScalarLocator(string)
        var previous = -1
        for index in 0..<string.text.unicodeScalars.count {
            let position = locator.position(ofScalar: index)
            checkRange(SourceRange(at: position), in: source, "scalar \(index)")
            fuzzCheck(position.offset > previous, "scalar \(index) of a string is not after the one before")
            previous = position.offset
            if index < 64 { check(position, "scalar \(index)") }
        }
    }
}

runFuzzer(fuzzHCL)
