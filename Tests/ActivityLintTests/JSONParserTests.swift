import Testing

@_spi(Internals) @testable import ActivityLint

// MARK: Helpers

private func parse(_ text: String, limits: ParseLimits = .default) -> ParsedSource {
    JSONParser.parse(SourceText(text), limits: limits)
}

private func parse(bytes: [UInt8], limits: ParseLimits = .default) -> ParsedSource {
    JSONParser.parse(SourceText(bytes: bytes), limits: limits)
}

/// The single document of a text that must parse without findings.
private func document(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Node {
    let parsed = parse(text)
    #expect(parsed.findings.isEmpty, "unexpected findings: \(parsed.findings)", sourceLocation: sourceLocation)
    #expect(parsed.documents.count == 1, sourceLocation: sourceLocation)
    return parsed.documents.first ?? Node(.null, range: SourceRange(at: .start))
}

/// The only finding of a text, which must not produce a document.
private func syntaxFinding(_ parsed: ParsedSource, sourceLocation: SourceLocation = #_sourceLocation) -> Finding? {
    #expect(parsed.documents.isEmpty, sourceLocation: sourceLocation)
    #expect(parsed.findings.count == 1, "findings: \(parsed.findings)", sourceLocation: sourceLocation)
    return parsed.findings.last
}

private func position(_ line: Int, _ column: Int, _ offset: Int) -> SourcePosition {
    SourcePosition(line: line, column: column, offset: offset)
}

private func string(_ node: Node?) -> StringValue? { node?.string }

private func number(_ node: Node?) -> NumberValue? {
    if case .number(let number)? = node?.value { return number }
    return nil
}

/// Every position the parser produced for `node` and its descendants.
private func allPositions(_ node: Node) -> [SourcePosition] {
    var result = [node.range.start, node.range.end]
    switch node.value {
    case .object(let members):
        for member in members {
            result += [member.keyRange.start, member.keyRange.end, member.key.contentStart]
            result += member.key.scalarPositions ?? []
            result += allPositions(member.value)
        }
    case .array(let elements):
        for element in elements { result += allPositions(element) }
    case .string(let string):
        result.append(string.contentStart)
        result += string.scalarPositions ?? []
    default:
        break
    }
    return result
}

/// Every string value (keys included) in `node`.
private func allStrings(_ node: Node) -> [StringValue] {
    switch node.value {
    case .object(let members): members.flatMap { [$0.key] + allStrings($0.value) }
    case .array(let elements): elements.flatMap(allStrings)
    case .string(let string): [string]
    default: []
    }
}

private func expectPositionsAgreeWithSourceText(
    _ source: SourceText, sourceLocation: SourceLocation = #_sourceLocation
) {
    let parsed = JSONParser.parse(source)
    #expect(parsed.documents.count == 1, "findings: \(parsed.findings)", sourceLocation: sourceLocation)
    for node in parsed.documents {
        for position in allPositions(node) {
            #expect(position == source.position(atOffset: position.offset), sourceLocation: sourceLocation)
            #expect(position.line == source.position(atOffset: position.offset).line, sourceLocation: sourceLocation)
            #expect(
                position.column == source.position(atOffset: position.offset).column, sourceLocation: sourceLocation)
        }
        // Implied positions of strings without escapes agree too, up to the closing quote.
        for string in allStrings(node) {
            for index in 0...string.text.unicodeScalars.count where string.scalarPositions == nil || index < string.text.unicodeScalars.count {
                let implied = string.position(ofScalar: index)
                #expect(
                    implied.column == source.position(atOffset: implied.offset).column, sourceLocation: sourceLocation)
                #expect(implied.line == source.position(atOffset: implied.offset).line, sourceLocation: sourceLocation)
            }
        }
    }
}

@Suite struct JSONParserTests {
    // MARK: Values and structure

    @Test func readsAllValueKinds() {
        let root = document(#"{"s": "x", "i": -12, "f": 1.5e-3, "t": true, "F": false, "n": null, "a": [1, [], {}]}"#)
        #expect(root.members?.map(\.key.text) == ["s", "i", "f", "t", "F", "n", "a"])
        #expect(string(root.member("s")?.value)?.text == "x")
        #expect(number(root.member("i")?.value) == NumberValue(literal: "-12", integer: -12, isInteger: true))
        #expect(number(root.member("f")?.value) == NumberValue(literal: "1.5e-3", integer: nil, isInteger: false))
        if case .bool(true)? = root.member("t")?.value.value {} else { Issue.record("t is not true") }
        if case .bool(false)? = root.member("F")?.value.value {} else { Issue.record("F is not false") }
        if case .null? = root.member("n")?.value.value {} else { Issue.record("n is not null") }
        let array = root.member("a")?.value.elements
        #expect(array?.count == 3)
        #expect(array?[1].elements?.isEmpty == true)
        #expect(array?[2].members?.isEmpty == true)
    }

    @Test func acceptsScalarDocumentsAndSurroundingWhitespace() {
        #expect(string(document(" \t\r\n\"top\" \n")).map(\.text) == "top")
        #expect(number(document("0"))?.integer == 0)
        #expect(number(document("-0"))?.integer == 0)
        if case .null = document("null").value {} else { Issue.record("not null") }
    }

    @Test func emptyInputHasNoDocumentsAndNoFindings() {
        for text in ["", " ", "\n\r\n\t ", "\u{FEFF}", "\u{FEFF} \n"] {
            let parsed = parse(text)
            #expect(parsed.documents.isEmpty, "\(Array(text.utf8))")
            #expect(parsed.findings.isEmpty, "\(Array(text.utf8))")
        }
    }

    // MARK: Positions

    @Test func positionsOnMultipleLines() {
        let text = "{\n  \"name\": \"worker\",\n  \"tags\": [\n    {\"key\": \"k\"}\n  ]\n}\n"
        let root = document(text)
        #expect(root.range == SourceRange(start: position(1, 1, 0), end: position(6, 2, 56)))
        let name = root.members?[0]
        #expect(name?.keyRange == SourceRange(start: position(2, 3, 4), end: position(2, 9, 10)))
        #expect(name?.value.range == SourceRange(start: position(2, 11, 12), end: position(2, 19, 20)))
        #expect(name?.key.contentStart == position(2, 4, 5))
        #expect(string(name?.value)?.contentStart == position(2, 12, 13))
        let tags = root.member("tags")?.value
        #expect(tags?.range.start == position(3, 11, 32))
        #expect(tags?.range.end == position(5, 4, 54))
        let key = tags?.elements?.first?.members?.first
        #expect(key?.keyRange.start == position(4, 6, 39))
        #expect(key?.value.range == SourceRange(start: position(4, 13, 46), end: position(4, 16, 49)))
    }

    /// Runs of spaces are skipped eight at a time: every run length, ending at every place of a word, mixed with
    /// tabs and line breaks, and at the end of the input, leaves the positions where the source text has them.
    @Test func positionsAfterRunsOfSpacesOfEveryLength() {
        for length in 0..<20 {
            let spaces = String(repeating: " ", count: length)
            let text = "{" + spaces + "\"a\":" + spaces + "[1," + spaces + "\t" + spaces + "2]," + spaces + "\n"
                + spaces + "\"b\"" + spaces + ":" + spaces + "\"c\"" + spaces + "}" + spaces
            expectPositionsAgreeWithSourceText(SourceText(text))
            let root = document(text)
            let keyOffset = Array(text.utf8).firstIndex(of: UInt8(ascii: "b"))! - 1
            #expect(root.members?[1].keyRange.start == position(2, length + 1, keyOffset))
        }
    }

    @Test func positionsWithCRLFLineEndings() {
        let text = "{\r\n  \"a\": 1,\r\n  \"b\": [true]\r\n}"
        let root = document(text)
        #expect(root.members?[0].keyRange.start == position(2, 3, 5))
        #expect(root.members?[0].value.range.start == position(2, 8, 10))
        #expect(root.members?[1].keyRange.start == position(3, 3, 16))
        #expect(root.members?[1].value.range == SourceRange(start: position(3, 8, 21), end: position(3, 14, 27)))
        #expect(root.members?[1].value.elements?.first?.range.start == position(3, 9, 22))
        #expect(root.range.end == position(4, 2, 30))
        expectPositionsAgreeWithSourceText(SourceText(text))
    }

    @Test func positionsWithLoneCarriageReturns() {
        let text = "[\r1,\r\r  \"x\"\r]"
        let root = document(text)
        #expect(root.elements?[0].range.start == position(2, 1, 2))
        #expect(root.elements?[1].range == SourceRange(start: position(4, 3, 8), end: position(4, 6, 11)))
        #expect(root.range.end == position(5, 2, 13))
        expectPositionsAgreeWithSourceText(SourceText(text))
    }

    @Test func positionsAfterByteOrderMark() {
        let text = "\u{FEFF}{\"a\": \"b\"}"
        let source = SourceText(text)
        let parsed = JSONParser.parse(source)
        #expect(parsed.findings.isEmpty)
        let root = parsed.documents.first
        #expect(root?.range.start == position(1, 1, 3))
        #expect(root?.members?.first?.keyRange.start == position(1, 2, 4))
        #expect(root?.members?.first?.value.range.start == position(1, 7, 9))
        expectPositionsAgreeWithSourceText(source)
    }

    @Test func columnsCountScalarsAndOffsetsCountBytes() {
        // "😀" is 4 bytes and one column; "é" is 2 bytes and one column.
        let text = "{\"😀é\": \"😀\", \"k\": 5}"
        let root = document(text)
        let first = root.members?.first
        #expect(first?.keyRange == SourceRange(start: position(1, 2, 1), end: position(1, 6, 9)))
        #expect(first?.value.range == SourceRange(start: position(1, 8, 11), end: position(1, 11, 17)))
        let second = root.members?.last
        #expect(second?.keyRange.start == position(1, 13, 19))
        #expect(second?.value.range == SourceRange(start: position(1, 18, 24), end: position(1, 19, 25)))
        #expect(root.range.end == position(1, 20, 26))
        expectPositionsAgreeWithSourceText(SourceText(text))
    }

    @Test func positionsAgreeWithSourceTextForEveryNode() {
        let documents = [
            "{\n  \"name\": \"worker-😀\",\r\n  \"tags\": [\r    {\"key\": \"a\\tb\", "
                + "\"value\": \"\\ud83d\\ude00x\"},\n\t{}\n  ]\r\n}\n",
            "\u{FEFF}[1, -2.5e3, true, false, null, \"\\u00e9\\u0301\", {\"é\": [[[\"\\ud800\"]]]}]",
            "  \"€ and 😀 and \\\" and \\\\\"  ",
            "{\"a\":{\"b\":{\"c\":[0,1,2,{\"d\":\"\\/\"}]}},\"e\":\"日本語\"}",
        ]
        for text in documents {
            expectPositionsAgreeWithSourceText(SourceText(text))
        }
    }

    // MARK: Strings

    @Test func escapesRecordScalarPositions() {
        let text = #"{"k": "a\tb"}"#
        let value = string(document(text).member("k")?.value)
        #expect(value?.text == "a\tb")
        #expect(value?.contentStart == position(1, 8, 7))
        #expect(value?.scalarPositions == [position(1, 8, 7), position(1, 9, 8), position(1, 11, 10)])
        #expect(value?.position(ofScalar: 2) == position(1, 11, 10))
        // The escape's range covers the whole escape.
        #expect(value?.range(ofScalar: 1) == SourceRange(start: position(1, 9, 8), end: position(1, 11, 10)))
    }

    @Test func decodesEveryEscape() {
        let value = string(document(#""\" \\ \/ \b \f \n \r \t \u0041 \u00e9 \u20AC \u0000""#))
        #expect(value?.text == "\" \\ / \u{08} \u{0C} \n \r \t A é € \u{0}")
        #expect(value?.scalarPositions?.count == value?.text.unicodeScalars.count)
        #expect(value?.loneSurrogates.isEmpty == true)
    }

    @Test func stringWithoutEscapesHasNoScalarPositions() {
        let value = string(document("\"plain é 😀\""))
        #expect(value?.text == "plain é 😀")
        #expect(value?.scalarPositions == nil)
        #expect(value?.position(ofScalar: 9) == position(1, 11, 14))
    }

    @Test func combinesEscapedSurrogatePairs() {
        let text = #"["x\ud83d\ude00y"]"#
        let value = string(document(text).elements?.first)
        #expect(value?.text == "x😀y")
        #expect(value?.codePoints == [0x78, 0x1F600, 0x79])
        #expect(value?.loneSurrogates.isEmpty == true)
        #expect(value?.scalarPositions == [position(1, 3, 2), position(1, 4, 3), position(1, 16, 15)])
    }

    @Test func keepsLoneSurrogatesAsDefects() {
        let high = string(document(#""a\ud800b""#))
        #expect(high?.text == "a\u{FFFD}b")
        #expect(high?.codePoints == [0x61, 0xD800, 0x62])
        #expect(high?.loneSurrogates == [1: 0xD800])
        #expect(high?.position(ofScalar: 1) == position(1, 3, 2))

        let low = string(document(#""\udc00""#))
        #expect(low?.text == "\u{FFFD}")
        #expect(low?.codePoints == [0xDC00])

        // A high surrogate followed by an escape that is not a low surrogate: both survive separately.
        let unpaired = string(document(#""\ud83d\u0041\ud83d\ud83d""#))
        #expect(unpaired?.codePoints == [0xD83D, 0x41, 0xD83D, 0xD83D])
        #expect(unpaired?.loneSurrogates == [0: 0xD83D, 2: 0xD83D, 3: 0xD83D])
        #expect(unpaired?.scalarPositions?.map(\.column) == [2, 8, 14, 20])

        // A real U+FFFD in the text is not a lone surrogate.
        let replacement = string(document("\"\u{FFFD}\\u0041\""))
        #expect(replacement?.codePoints == [0xFFFD, 0x41])
        #expect(replacement?.loneSurrogates.isEmpty == true)
    }

    // MARK: Numbers

    @Test func numbersKeepTheirLiteral() {
        #expect(number(document("300")) == NumberValue(literal: "300", integer: 300, isInteger: true))
        #expect(number(document("300.0")) == NumberValue(literal: "300.0", integer: nil, isInteger: false))
        #expect(number(document("3e2")) == NumberValue(literal: "3e2", integer: nil, isInteger: false))
        #expect(number(document("-1E+2")) == NumberValue(literal: "-1E+2", integer: nil, isInteger: false))
        #expect(number(document("9223372036854775807"))?.integer == Int.max)
        #expect(number(document("-9223372036854775808"))?.integer == Int.min)
        #expect(number(document("9223372036854775808")) == NumberValue(
            literal: "9223372036854775808", integer: nil, isInteger: true))
        #expect(number(document("-9223372036854775809"))?.integer == nil)
        #expect(number(document("9999999999999999999"))?.integer == nil)
    }

    @Test func hugeIntegerIsAnIntegerWithoutValue() {
        let digits = "1" + String(repeating: "0", count: 400)
        let value = number(document("{\"n\": \(digits)}").member("n")?.value)
        #expect(value?.literal == digits)
        #expect(value?.isInteger == true)
        #expect(value?.integer == nil)
    }

    // MARK: Duplicate keys

    @Test func keepsAndReportsDuplicateKeys() {
        let text =
            "{\n  \"tags\": [\n    {\"key\": \"a\", \"key\": \"b\", \"key\": \"c\"}\n  ],\n"
            + "  \"name\": \"x\",\n  \"name\": \"y\"\n}"
        let parsed = parse(text)
        #expect(parsed.documents.count == 1)
        let root = parsed.documents.first
        #expect(root?.members?.map(\.key.text) == ["tags", "name", "name"])
        #expect(string(root?.member("name")?.value)?.text == "y")
        let tag = root?.member("tags")?.value.elements?.first
        #expect(tag?.members?.compactMap { string($0.value)?.text } == ["a", "b", "c"])

        #expect(parsed.findings.map(\.ruleID) == ["duplicate-key", "duplicate-key", "duplicate-key"])
        #expect(parsed.findings.map(\.pointer) == ["/tags/0/key", "/tags/0/key", "/name"])
        #expect(parsed.findings[0].range == SourceRange(start: position(3, 18, 31), end: position(3, 23, 36)))
        #expect(parsed.findings[0].message == "duplicate key \"key\"; the AWS CLI and SDKs keep only the last value")
        #expect(parsed.findings[0].related.map(\.range.start) == [position(3, 6, 19)])
        #expect(parsed.findings[1].related.map(\.range.start) == [position(3, 6, 19)])
        #expect(parsed.findings[2].related.map(\.message) == ["first given here"])
        #expect(parsed.findings[2].related.map(\.range.start.line) == [5])
        #expect(parsed.findings[2].range.start == position(6, 3, 77))
    }

    @Test func duplicateKeysInLargeObjectsAndEscapedPointers() {
        var members = (0..<40).map { "\"k\($0)\": \($0)" }
        members.append(#""k7": "again""#)
        members.append(#""a/b~c": 1"#)
        members.append(#""a\/b~c": 2"#)
        let parsed = parse("{" + members.joined(separator: ", ") + "}")
        #expect(parsed.documents.first?.members?.count == 43)
        #expect(parsed.findings.map(\.pointer) == ["/k7", "/a~1b~0c"])
        #expect(parsed.findings.allSatisfy { $0.ruleID == "duplicate-key" })
    }

    @Test func comparesKeysByCodePoints() {
        // "é" and "e" + U+0301 are canonically equivalent but different keys; escapes spelling the same key are not.
        let parsed = parse(#"{"é": 1, "e\u0301": 2, "\u00e9": 3, "\ud800": 4, "\udc00": 5}"#)
        #expect(parsed.documents.first?.members?.count == 5)
        #expect(parsed.findings.map(\.pointer) == ["/é"])
        #expect(parsed.findings.first?.message.hasPrefix("duplicate key \"é\";") == true)
        #expect(parsed.findings.first?.related.map(\.range.start.column) == [2])
    }

    // MARK: Syntax errors

    struct SyntaxErrorCase: Sendable, CustomTestStringConvertible {
        let input: String
        let message: String
        let line: Int
        let column: Int
        var pointer = ""
        var testDescription: String { input.debugDescription }
    }

    static let syntaxErrorCases: [SyntaxErrorCase] = [
        .init(input: "{\"a\": 1]", message: "expected ',' or '}' after object member, found ']'", line: 1, column: 8),
        .init(
            input: "[1 2]",
            message: "expected ',' or ']' after array element, found '2'; is a ',' missing?",
            line: 1, column: 4),
        .init(input: "{\"a\": 1,\n}", message: "trailing comma before '}' is not allowed in JSON", line: 1, column: 8),
        .init(input: "[1,\n 2,\n]", message: "trailing comma before ']' is not allowed in JSON", line: 2, column: 3),
        .init(
            input: "// c\n{}",
            message: "expected a JSON value, found '/'; comments are not allowed in JSON",
            line: 1, column: 1),
        .init(input: "{\"a\": 1 /* c */}", message: "comments are not allowed in JSON", line: 1, column: 9),
        .init(
            input: "{'a': 1}", message: "expected a string key in double quotes or '}', found \"'\"",
            line: 1, column: 2),
        .init(input: "{\"a\": 'b'}", message: "JSON strings must be enclosed in double quotes", line: 1, column: 7),
        .init(input: "{a: 1}", message: "found 'a'; object keys must be strings in double quotes", line: 1, column: 2),
        .init(input: "{\"a\" 1}", message: "expected ':' after object key \"a\", found '1'", line: 1, column: 6),
        .init(input: "[01]", message: "leading zeros are not allowed in numbers, found '01'", line: 1, column: 2),
        .init(input: "-007", message: "leading zeros are not allowed in numbers", line: 1, column: 2),
        .init(
            input: "[+1]",
            message: "expected a value or ']', found '+'; numbers must not start with '+'",
            line: 1, column: 2),
        .init(input: "[.5]", message: "found '.'; numbers must have a digit before '.'", line: 1, column: 2),
        .init(input: "[1.]", message: "expected a digit after '.' in a number, found ']'", line: 1, column: 4),
        .init(
            input: "1e", message: "expected a digit in the exponent of a number, found end of input",
            line: 1, column: 3),
        .init(input: "-", message: "expected a digit after '-', found end of input", line: 1, column: 2),
        .init(input: "0x1F", message: "hexadecimal numbers are not allowed in JSON", line: 1, column: 1),
        .init(input: "[NaN]", message: "found 'NaN'; NaN and Infinity are not allowed in JSON", line: 1, column: 2),
        .init(input: "{\"a\": Infinity}", message: "expected a value after ':', found 'Infinity'", line: 1, column: 7),
        .init(input: "-Infinity", message: "Infinity is not allowed in JSON", line: 1, column: 2),
        .init(
            input: "True",
            message: "found 'True'; JSON literals are true, false and null, in lowercase",
            line: 1, column: 1),
        .init(input: "[tru]", message: "expected a value or ']', found 'tru'", line: 1, column: 2),
        .init(input: "[nulls]", message: "expected ',' or ']' after array element, found 's'", line: 1, column: 6),
        .init(input: "{\"a\": \"b", message: "unterminated string", line: 1, column: 9),
        .init(
            input: "[\"abc\\",
            message: "unterminated string: a string has no closing '\"'",
            line: 1, column: 7),
        .init(input: "{\"a\": \"b\\x\"}", message: "invalid escape '\\x'", line: 1, column: 9, pointer: ""),
        .init(input: "[\"\\'\"]", message: "invalid escape '\\' followed by \"'\"", line: 1, column: 3),
        .init(
            input: "[\"\\u12G4\"]",
            message: "invalid \\u escape: expected 4 hexadecimal digits after '\\u', found 'G'",
            line: 1, column: 7),
        .init(
            input: "[\"a\tb\"]",
            message: "control character U+0009 must be escaped as \\t inside a string",
            line: 1, column: 4),
        .init(
            input: "[\"a\nb\"]",
            message: "control character U+000A must be escaped as \\n inside a string; is the closing",
            line: 1, column: 4),
        .init(
            input: "[\"\u{1}\"]",
            message: "control character U+0001 must be escaped as \\u0001 inside a string",
            line: 1, column: 3),
        .init(
            input: "{\"a\": 1} {}",
            message: "expected end of input after the top-level value, found '{'",
            line: 1, column: 10),
        .init(
            input: "[1]\n,", message: "expected end of input after the top-level value, found ','",
            line: 2, column: 1),
        .init(
            input: "{\"a\": [1, 2",
            message: "expected ',' or ']' after array element, found end of input (an array is not closed)",
            line: 1, column: 12, pointer: "/a"),
        .init(input: "{\n\"a\": {\"b\": [true, ]}}", message: "trailing comma", line: 2, column: 17, pointer: "/a/b"),
        .init(input: "{\"a\": [{\"b\" 1}]}", message: "expected ':'", line: 1, column: 13, pointer: "/a/0"),
        .init(input: "{\"a\":", message: "expected a value after ':', found end of input", line: 1, column: 6),
        .init(
            input: "[\u{201C}x\u{201D}]",
            message: "found U+201C; JSON strings must be enclosed in straight double quotes",
            line: 1, column: 2),
        .init(input: "😀 [1]", message: "expected a JSON value, found U+1F600", line: 1, column: 1),
        .init(input: "[1,\u{A0}2]", message: "expected a value after ',', found U+00A0", line: 1, column: 4),
        .init(input: "\u{FEFF}\n  ]", message: "expected a JSON value, found ']'", line: 2, column: 3),
        .init(input: "\"😀\" x", message: "found 'x'", line: 1, column: 5),
        .init(input: "[\u{7}]", message: "expected a value or ']', found U+0007", line: 1, column: 2),
        .init(input: "{\"a\": 1}\u{0}", message: "found U+0000", line: 1, column: 9),
        .init(input: "{\"a\":\u{C}1}", message: "expected a value after ':', found U+000C", line: 1, column: 6),
    ]

    @Test(arguments: syntaxErrorCases)
    func reportsSyntaxErrors(_ example: SyntaxErrorCase) {
        let source = SourceText(example.input)
        let parsed = JSONParser.parse(source)
        guard let finding = syntaxFinding(parsed) else { return }
        #expect(finding.ruleID == "syntax-error")
        #expect(finding.message.contains(example.message), "message: \(finding.message)")
        #expect(!finding.message.contains(" line "), "positions travel as related locations, not in the message")
        #expect(finding.range.start.line == example.line)
        #expect(finding.range.start.column == example.column)
        #expect(finding.range.start == source.position(atOffset: finding.range.start.offset))
        #expect(finding.range.end == source.position(atOffset: finding.range.end.offset))
        #expect(finding.pointer == example.pointer)
        #expect(!finding.message.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    }

    @Test func syntaxErrorRangesCoverTheOffendingCharacter() {
        let comma = syntaxFinding(parse("[1,]"))
        #expect(comma?.range == SourceRange(start: position(1, 3, 2), end: position(1, 4, 3)))
        let end = syntaxFinding(parse("{\n"))
        #expect(end?.range == SourceRange(at: position(2, 1, 2)))
        let escape = syntaxFinding(parse(#"["\q"]"#))
        #expect(escape?.range == SourceRange(start: position(1, 3, 2), end: position(1, 5, 4)))
        let emoji = syntaxFinding(parse("[1 😀]"))
        #expect(emoji?.range == SourceRange(start: position(1, 4, 3), end: position(1, 5, 7)))
    }

    @Test func keepsDuplicateFindingsBeforeASyntaxError() {
        let parsed = parse(#"{"a": 1, "a": 2,}"#)
        #expect(parsed.documents.isEmpty)
        #expect(parsed.findings.map(\.ruleID) == ["duplicate-key", "syntax-error"])
    }

    // MARK: Limits and hostile input

    @Test func stopsDeepNestingQuickly() {
        let clock = ContinuousClock()
        let started = clock.now
        let parsed = parse(bytes: Array(repeating: UInt8(ascii: "["), count: 100_000))
        let mixed = parse(String(repeating: "{\"a\":[", count: 500_000))
        #expect(clock.now - started < .seconds(5))
        for result in [parsed, mixed] {
            #expect(result.documents.isEmpty)
            #expect(result.findings.count == 1)
            #expect(result.findings.first?.ruleID == "nesting-too-deep")
            #expect(result.findings.first?.message.contains("128") == true)
        }
        #expect(parsed.findings.first?.range.start == position(1, 129, 128))
        #expect(parsed.findings.first?.pointer == String(repeating: "/0", count: 128))
        #expect(mixed.findings.first?.range.start.column == 6 * 64 + 1)
    }

    @Test func nestingLimitBoundary() {
        let limits = ParseLimits(maxDepth: 3)
        #expect(parse("[[{\"a\": 1}]]", limits: limits).findings.isEmpty)
        let tooDeep = parse("[[{\"a\": []}]]", limits: limits)
        #expect(tooDeep.documents.isEmpty)
        #expect(tooDeep.findings.first?.ruleID == "nesting-too-deep")
        #expect(tooDeep.findings.first?.range == SourceRange(start: position(1, 9, 8), end: position(1, 10, 9)))
        #expect(tooDeep.findings.first?.pointer == "/0/0/a")
        #expect(tooDeep.findings.first?.message.contains("3 levels") == true)
    }

    @Test func invalidUTF8IsASyntaxError() {
        let inputs: [[UInt8]] = [
            [0x22, 0xFF, 0x22],  // invalid byte in a string
            [0x22, 0xC3, 0x22],  // truncated two-byte sequence
            [0x22, 0xE2, 0x82],  // truncated at end of input
            [0x22, 0xC0, 0xAF, 0x22],  // overlong
            [0x22, 0xED, 0xA0, 0x80, 0x22],  // an encoded surrogate
            [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],  // above U+10FFFF
            [0x22, 0x80, 0x22],  // stray continuation byte
            [0x7B, 0x22, 0x61, 0x5C, 0x6E, 0xFE, 0x22, 0x3A, 0x31, 0x7D],  // in an escaped key
            [0x5B, 0xFF, 0x5D],  // outside strings
            [0x31, 0x20, 0xC3],  // after the value
        ]
        for bytes in inputs {
            let finding = syntaxFinding(parse(bytes: bytes))
            #expect(finding?.ruleID == "syntax-error", "\(bytes)")
            #expect(finding?.message.contains("UTF-8") == true, "\(finding?.message ?? "")")
        }
    }

    @Test func survivesArbitraryBytes() {
        // Mutations of a valid document: any outcome but a crash, a document beside a syntax error, or a bad range.
        let seed = Array(#"{"name": "a\u00e9\ud83d\ude00 😀", "tags": [{"key": "k", "value": -1.5e3}], "n": null}"#.utf8)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<3000 {
            var bytes = seed
            for _ in 0..<(1 + next() % 4) {
                let index = next() % bytes.count
                switch next() % 3 {
                case 0: bytes[index] = UInt8(truncatingIfNeeded: next())
                case 1: bytes.remove(at: index)
                default: bytes.insert(UInt8(truncatingIfNeeded: next()), at: index)
                }
                if bytes.isEmpty { bytes = [0x20] }
            }
            let source = SourceText(bytes: bytes)
            let parsed = JSONParser.parse(source)
            let stopped = parsed.findings.contains { $0.ruleID == "syntax-error" }
            let blank = bytes.allSatisfy { [0x20, 0x09, 0x0A, 0x0D].contains($0) }
            #expect(parsed.documents.count == (stopped || blank ? 0 : 1))
            for finding in parsed.findings {
                #expect(finding.range.start.offset <= finding.range.end.offset)
                #expect(finding.range.end.offset <= bytes.count)
            }
            if let root = parsed.documents.first {
                for position in allPositions(root) {
                    #expect(position == source.position(atOffset: position.offset))
                }
            }
        }
    }
}
