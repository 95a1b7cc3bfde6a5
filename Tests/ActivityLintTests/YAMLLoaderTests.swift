import Testing

@_spi(Internals) @testable import ActivityLint

// MARK: - Helpers

private func load(_ text: String, limits: ParseLimits = .default) -> ParsedSource {
    YAMLLoader.load(SourceText(text), limits: limits)
}

/// The single document of `text`, failing the test when there is not exactly one.
private func document(_ text: String) -> Node {
    let parsed = load(text)
    #expect(parsed.documents.count == 1, "expected one document in \(text.debugDescription)")
    return parsed.documents.first ?? Node(.null, range: SourceRange(at: .start))
}

private func value(_ node: Node, _ path: String...) -> Node? {
    var current: Node? = node
    for step in path {
        if let index = Int(step) {
            current = current?.elements.flatMap { index < $0.count ? $0[index] : nil }
        } else {
            current = current?.member(step)?.value
        }
    }
    return current
}

private func position(_ line: Int, _ column: Int, in source: SourceText) -> SourcePosition {
    SourcePosition(line: line, column: column, offset: source.offset(line: line, column: column))
}

/// Every node and member key of a document, without recursion.
private func allNodes(_ root: Node) -> (nodes: [Node], keys: [(StringValue, SourceRange)]) {
    var nodes: [Node] = []
    var keys: [(StringValue, SourceRange)] = []
    var stack = [root]
    while let node = stack.popLast() {
        nodes.append(node)
        if node.aliasOf != nil { continue }
        switch node.value {
        case .object(let members):
            for member in members {
                keys.append((member.key, member.keyRange))
                stack.append(member.value)
            }
        case .array(let elements): stack.append(contentsOf: elements)
        default: break
        }
    }
    return (nodes, keys)
}

private func number(_ node: Node?) -> NumberValue? {
    if case .number(let number)? = node?.value { return number }
    return nil
}

private func bool(_ node: Node?) -> Bool? {
    if case .bool(let value)? = node?.value { return value }
    return nil
}

private func isNull(_ node: Node?) -> Bool {
    if case .null? = node?.value { return true }
    return false
}

private func findings(_ parsed: ParsedSource, _ ruleID: String) -> [Finding] {
    parsed.findings.filter { $0.ruleID == ruleID }
}

// MARK: - Positions

@Suite("YAMLLoader positions")
struct YAMLLoaderPositionTests {
    @Test func blockMappingAndSequencePositions() {
        let text = "name: MyActivity\ntags:\n  - key: team\n    value: data\n"
        let source = SourceText(text)
        let root = document(text)
        let name = root.members?[0]
        #expect(name?.keyRange.start == position(1, 1, in: source))
        #expect(name?.keyRange.end == position(1, 5, in: source))
        #expect(name?.value.range.start == position(1, 7, in: source))
        #expect(name?.value.range.end == position(1, 17, in: source))
        #expect(name?.value.string?.contentStart == position(1, 7, in: source))
        #expect(name?.value.string?.scalarPositions == nil)
        let tag = value(root, "tags", "0")
        #expect(tag?.range.start == position(3, 5, in: source))
        #expect(tag?.range.end == position(4, 16, in: source))
        #expect(value(root, "tags")?.range.start == position(3, 3, in: source))
        #expect(value(root, "tags", "0", "value")?.range.start == position(4, 12, in: source))
        #expect(tag?.members?[1].keyRange.start == position(4, 5, in: source))
        #expect(root.range.start == position(1, 1, in: source))
        #expect(root.range.end == position(4, 16, in: source))
    }

    @Test func flowStylePositions() {
        let text = "{name: x, tags: [{key: a, value: \"b\"}]}"
        let source = SourceText(text)
        let root = document(text)
        #expect(root.range == SourceRange(start: position(1, 1, in: source), end: position(1, 40, in: source)))
        let tags = value(root, "tags")
        #expect(tags?.range.start == position(1, 17, in: source))
        #expect(tags?.range.end == position(1, 39, in: source))
        let quoted = value(root, "tags", "0", "value")
        #expect(quoted?.range.start == position(1, 34, in: source))
        #expect(quoted?.string?.contentStart == position(1, 35, in: source))
    }

    @Test func crlfLineBreaks() {
        let text = "name: a\r\ntags:\r\n  - key: k\r\n"
        let source = SourceText(text)
        let root = document(text)
        #expect(value(root, "tags", "0", "key")?.range.start == position(3, 10, in: source))
        #expect(value(root, "tags", "0", "key")?.range.start.offset == 25)
        #expect(root.members?[1].keyRange.start == position(2, 1, in: source))
    }

    @Test func byteOrderMarkIsSkipped() {
        let source = SourceText(bytes: [0xEF, 0xBB, 0xBF] + Array("name: a\nx: b\n".utf8))
        let root = YAMLLoader.load(source).documents[0]
        #expect(root.members?[0].keyRange.start == SourcePosition(line: 1, column: 1, offset: 3))
        #expect(root.member("name")?.value.range.start == SourcePosition(line: 1, column: 7, offset: 9))
        #expect(root.members?[1].keyRange.start == SourcePosition(line: 2, column: 1, offset: 11))
    }

    @Test func astralCharactersBeforeAValue() {
        let text = "😀😀: x\nname: \"🎉🎉\" # 🎉\nlist: [😀, b]\n"
        let source = SourceText(text)
        let root = document(text)
        #expect(value(root, "😀😀")?.range.start == SourcePosition(line: 1, column: 5, offset: 10))
        #expect(value(root, "name")?.string?.contentStart == SourcePosition(line: 2, column: 8, offset: 19))
        #expect(value(root, "list", "1")?.range.start == position(3, 11, in: source))
        #expect(value(root, "list", "1")?.range.start.offset == source.offset(line: 3, column: 11))
    }

    @Test func tabsInValues() {
        let text = "a: x\ty\nb: \"\tz\"\n"
        let source = SourceText(text)
        let root = document(text)
        #expect(value(root, "a")?.string?.text == "x\ty")
        #expect(value(root, "a")?.range.end == position(1, 7, in: source))
        #expect(value(root, "b")?.string?.text == "\tz")
        #expect(value(root, "b")?.string?.position(ofScalar: 1) == position(2, 6, in: source))
    }

    @Test(arguments: [
        "name: MyActivity\ntags:\n  - {key: \"😀\", value: '𝄞'}\n  - key: |\n      block 🎉\n",
        "\u{FEFF}a: 😀\r\nb:\r\n  - 𝄞 x\r\n  - \"q\\tq\"\r\nc: &x [1, 2]\r\nd: *x\r\n",
        "--- \n- a\n- [b, {c: d}]\n---\nk: v\n...\n--- |\n  text 😀\n",
        "x: a\rb: c\r",
        "[a: 1, b, {c: }, !!str x, &y 'z', *y]\n",
        "s: \"a\u{2028}b\"\nt: \"a\u{85}b\"\n",
        // ASCII throughout, where libyaml's own line and column are used.
        "a: 1\r\nb:\r\n  - x\r\n  - \"q\\tq\"\r\nc: &x [1, 2]\r\nd: *x\r\ne: |\r\n  block\r\n  text\r\n",
        "--- \n- a\n- [b, {c: d}]\n---\nk: v\n...\n--- >\n  folded\n  text\n\n",
        "\u{FEFF}a:\t1\nb: 'it''s'\rc: \"two\n  lines\"\n",
        "k: [1, 2]\nm: {a: b}\nn:\n  - x",
    ])
    func everyNodePositionRoundTrips(text: String) {
        let source = SourceText(text)
        let parsed = YAMLLoader.load(source)
        #expect(!parsed.documents.isEmpty)
        #expect(parsed.findings.isEmpty, "\(parsed.findings)")
        for root in parsed.documents {
            let (nodes, keys) = allNodes(root)
            for node in nodes {
                #expect(source.position(atOffset: node.range.start.offset) == node.range.start)
                #expect(source.position(atOffset: node.range.end.offset) == node.range.end)
                if let string = node.string {
                    #expect(source.position(atOffset: string.contentStart.offset) == string.contentStart)
                    for position in string.scalarPositions ?? [] {
                        #expect(source.position(atOffset: position.offset) == position)
                    }
                }
            }
            for (key, range) in keys {
                #expect(source.position(atOffset: range.start.offset) == range.start)
                #expect(source.position(atOffset: key.contentStart.offset) == key.contentStart)
            }
        }
    }
}

// MARK: - Scalars

@Suite("YAMLLoader scalar typing")
struct YAMLLoaderTypingTests {
    @Test func yesIsAStringWithAYAML11Reading() {
        let parsed = load("enabled: yes\n")
        let node = parsed.documents[0].member("enabled")?.value
        #expect(node?.string?.text == "yes")
        #expect(node?.yaml11Reading == "the boolean true")
        let finding = findings(parsed, "yaml-1-1-ambiguity").first
        #expect(finding?.pointer == "/enabled")
        #expect(finding?.range.start.column == 10)
        #expect(
            finding?.message
                == "plain scalar 'yes' is the string \"yes\" in YAML 1.2 (AWS CLI v2) but the boolean true in YAML 1.1 "
                + "(PyYAML, AWS CLI v1); quote it")
    }

    @Test func noOnOffAreStrings() {
        let root = document("a: no\nb: On\nc: OFF\nd: Y\n")
        #expect(value(root, "a")?.yaml11Reading == "the boolean false")
        #expect(value(root, "b")?.yaml11Reading == "the boolean true")
        #expect(value(root, "c")?.yaml11Reading == "the boolean false")
        #expect(value(root, "d")?.yaml11Reading == "the boolean true")
        #expect(value(root, "d")?.string?.text == "Y")
    }

    @Test func integers() {
        let root = document("a: 12345\nb: \"12345\"\nc: 0x12C\nd: -17\ne: 0o17\nf: 99999999999999999999\ng: +3\n")
        #expect(number(value(root, "a")) == NumberValue(literal: "12345", integer: 12345, isInteger: true))
        #expect(value(root, "a")?.typeName == "integer")
        #expect(value(root, "b")?.string?.text == "12345")
        #expect(number(value(root, "c")) == NumberValue(literal: "0x12C", integer: 300, isInteger: true))
        #expect(number(value(root, "d"))?.integer == -17)
        #expect(number(value(root, "e"))?.integer == 15)
        #expect(number(value(root, "f")) == NumberValue(literal: "99999999999999999999", integer: nil, isInteger: true))
        #expect(number(value(root, "g"))?.integer == 3)
        #expect(value(root, "a")?.yaml11Reading == nil)
        #expect(value(root, "c")?.yaml11Reading == nil)
    }

    @Test func floats() {
        let root = document("a: 3.0e2\nb: 1.5\nc: .inf\nd: -.INF\ne: .NaN\nf: 1e3\ng: 2.5E-3\n")
        #expect(number(value(root, "a")) == NumberValue(literal: "3.0e2", integer: nil, isInteger: false))
        #expect(value(root, "a")?.typeName == "number")
        #expect(value(root, "a")?.yaml11Reading == "the string \"3.0e2\"")
        #expect(number(value(root, "b"))?.isInteger == false)
        #expect(number(value(root, "c"))?.literal == ".inf")
        #expect(number(value(root, "d"))?.literal == "-.INF")
        #expect(number(value(root, "e"))?.literal == ".NaN")
        #expect(value(root, "f")?.yaml11Reading == "the string \"1e3\"")
        #expect(value(root, "g")?.yaml11Reading == nil)
        #expect(value(root, "b")?.yaml11Reading == nil)
    }

    @Test func nullsAndBooleans() {
        let root = document("a: ~\nb: null\nc:\nd: NULL\ne: true\nf: False\ng: \"true\"\nh: nulls\n")
        #expect(isNull(value(root, "a")))
        #expect(isNull(value(root, "b")))
        #expect(isNull(value(root, "c")))
        #expect(isNull(value(root, "d")))
        #expect(bool(value(root, "e")) == true)
        #expect(bool(value(root, "f")) == false)
        #expect(value(root, "g")?.string?.text == "true")
        #expect(value(root, "h")?.string?.text == "nulls")
    }

    @Test func yaml11Readings() {
        let parsed = load(
            "a: 0123\nb: 5:00\nc: 2024-01-01\nd: 1_000\ne: 0b101\nf: 2001-12-14t21:59:43.10-05:00\ng: 09\n"
                + "h: 007\ni: 1:30.5\nj: -0x1F\nk: '0123'\nl: =\n")
        let root = parsed.documents[0]
        #expect(number(value(root, "a"))?.integer == 123)
        #expect(value(root, "a")?.yaml11Reading == "the octal integer 83")
        #expect(value(root, "b")?.string?.text == "5:00")
        #expect(value(root, "b")?.yaml11Reading == "the sexagesimal integer 300")
        #expect(value(root, "c")?.string?.text == "2024-01-01")
        #expect(value(root, "c")?.yaml11Reading == "a date")
        #expect(value(root, "d")?.yaml11Reading == "the integer 1000")
        #expect(value(root, "e")?.yaml11Reading == "the binary integer 5")
        #expect(value(root, "f")?.yaml11Reading == "a timestamp")
        #expect(value(root, "g")?.yaml11Reading == "the string \"09\"")
        #expect(value(root, "h")?.yaml11Reading == nil)
        #expect(value(root, "i")?.yaml11Reading == "the sexagesimal float 90.5")
        #expect(value(root, "j")?.yaml11Reading == "the hexadecimal integer -31")
        #expect(value(root, "k")?.yaml11Reading == nil)
        #expect(value(root, "l")?.yaml11Reading?.contains("PyYAML cannot construct") == true)
        let ambiguities = findings(parsed, "yaml-1-1-ambiguity")
        #expect(ambiguities.map(\.pointer) == ["/a", "/b", "/c", "/d", "/e", "/f", "/g", "/i", "/j", "/l"])
        #expect(
            ambiguities[0].message
                == "plain scalar '0123' is the integer 123 in YAML 1.2 (AWS CLI v2) but the octal integer 83 in YAML "
                + "1.1 (PyYAML, AWS CLI v1); quote it if you mean the string, or write 123 for the number")
    }

    @Test func ruamelAgreementIsNamed() {
        // AWS CLI v2 loads YAML with ruamel.yaml, which reads dates and `1_000` as YAML 1.1 does.
        let parsed = load("a: 2024-01-01\nb: 0123\nc: y\n")
        let messages = findings(parsed, "yaml-1-1-ambiguity").map(\.message)
        #expect(
            messages.first
                == "plain scalar '2024-01-01' is the string \"2024-01-01\" in the YAML 1.2 core schema but a date in "
                + "YAML 1.1 (PyYAML, AWS CLI v1) and in AWS CLI v2's loader (ruamel.yaml); quote it")
        #expect(messages.dropFirst().first?.contains("in YAML 1.2 (AWS CLI v2) but the octal integer 83") == true)
        #expect(messages.last?.contains("in the YAML 1.1 specification") == true)
    }

    @Test func keysAreNotReportedForYAML11Readings() {
        // A workflow's `on:` is a boolean key to YAML 1.1, but no rule reads a member by such a name.
        let parsed = load("on: push\nname: x\n")
        #expect(parsed.documents[0].members?[0].key.text == "on")
        #expect(findings(parsed, "yaml-1-1-ambiguity").isEmpty)
    }

    @Test func quotedAndBlockScalarsAreStrings() {
        let root = document("a: '1'\nb: \"true\"\nc: |\n  12\nd: >\n  null\n")
        #expect(value(root, "a")?.string?.text == "1")
        #expect(value(root, "b")?.string?.text == "true")
        #expect(value(root, "c")?.string?.text == "12\n")
        #expect(value(root, "d")?.string?.text == "null\n")
    }

    @Test func scalarKeysOfAnyTypeAreText() {
        let root = document("1: a\ntrue: b\n~: c\n\"q\": d\n")
        #expect(root.members?.map(\.key.text) == ["1", "true", "~", "q"])
        #expect(root.members?[3].key.contentStart.column == 2)
    }
}

// MARK: - Tags

@Suite("YAMLLoader tags")
struct YAMLLoaderTagTests {
    @Test func cloudFormationTagsAreRecorded() {
        let root = document("a: !Ref MyParam\nb: !Sub 'arn:${AWS::Region}'\nc: !GetAtt [R, Arn]\nd: !Ref 12\n")
        #expect(value(root, "a")?.tag == "!Ref")
        #expect(value(root, "a")?.string?.text == "MyParam")
        #expect(value(root, "a")?.string?.contentStart.column == 9)
        #expect(value(root, "b")?.tag == "!Sub")
        #expect(value(root, "b")?.string?.text == "arn:${AWS::Region}")
        #expect(value(root, "b")?.string?.contentStart.column == 10)
        #expect(value(root, "c")?.tag == "!GetAtt")
        #expect(value(root, "c")?.elements?.count == 2)
        #expect(number(value(root, "d"))?.integer == 12)
    }

    @Test func coreTagsForceTypes() {
        let root = document("a: !!str 12345\nb: !!int '42'\nc: !!float 1\nd: !!bool \"true\"\ne: !!int abc\nf: ! 12\n")
        #expect(value(root, "a")?.string?.text == "12345")
        #expect(value(root, "a")?.tag == "tag:yaml.org,2002:str")
        #expect(value(root, "a")?.string?.contentStart.column == 10)
        #expect(number(value(root, "b"))?.integer == 42)
        #expect(number(value(root, "c"))?.isInteger == false)
        #expect(bool(value(root, "d")) == true)
        #expect(value(root, "e")?.string?.text == "abc")
        #expect(value(root, "f")?.string?.text == "12")
    }

    @Test func taggedPlainScalarsAreNotYAML11Ambiguous() {
        let parsed = load("a: !!str yes\n")
        #expect(findings(parsed, "yaml-1-1-ambiguity").isEmpty)
        #expect(parsed.documents[0].member("a")?.value.yaml11Reading == nil)
    }
}

// MARK: - Documents, anchors, keys

@Suite("YAMLLoader structure")
struct YAMLLoaderStructureTests {
    @Test func multiDocumentStreams() {
        let parsed = load("name: a\n---\nname: b\n---\n--- x\n...\n")
        #expect(parsed.documents.count == 4)
        #expect(value(parsed.documents[1], "name")?.string?.text == "b")
        #expect(isNull(parsed.documents[2]))
        #expect(parsed.documents[3].string?.text == "x")
        #expect(parsed.findings.isEmpty)
    }

    @Test func emptyStreamsHaveNoDocuments() {
        for text in ["", "# only a comment\n", "\n\n", "\u{FEFF}"] {
            let parsed = load(text)
            #expect(parsed.documents.isEmpty, "\(text.debugDescription)")
            #expect(parsed.findings.isEmpty, "\(text.debugDescription)")
        }
        let explicit = load("---\n")
        #expect(explicit.documents.count == 1)
        #expect(isNull(explicit.documents.first))
    }

    @Test func aliasesShareTheAnchoredValue() {
        let text = "base: &tags\n  - key: a\n    value: b\ncopy: *tags\nname: &n MyName\nother: *n\n"
        let source = SourceText(text)
        let root = document(text)
        let alias = value(root, "copy")
        #expect(alias?.aliasOf == "tags")
        #expect(alias?.range == SourceRange(start: position(4, 7, in: source), end: position(4, 12, in: source)))
        #expect(value(alias!, "0", "key")?.string?.text == "a")
        #expect(value(root, "base")?.aliasOf == nil)
        #expect(value(root, "other")?.string?.text == "MyName")
        #expect(value(root, "other")?.aliasOf == "n")
    }

    @Test func aliasAsKeyUsesTheAnchoredText() {
        let root = document("a: &k name\n*k : value\n")
        #expect(root.members?.map(\.key.text) == ["a", "name"])
    }

    @Test func billionLaughsLoadsFastWithoutExpansion() {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]
        for level in 1..<names.count {
            let previous = "*" + names[level - 1]
            text +=
                "\(names[level]): &\(names[level]) [" + Array(repeating: previous, count: 10).joined(separator: ",")
                + "]\n"
        }
        let clock = ContinuousClock()
        var parsed = ParsedSource()
        let elapsed = clock.measure { parsed = load(text) }
        #expect(elapsed < .milliseconds(500))
        #expect(parsed.findings.isEmpty)
        #expect(value(parsed.documents[0], "j")?.elements?.count == 10)
        #expect(value(parsed.documents[0], "j", "0")?.aliasOf == "i")
    }

    @Test func aliasLimitStopsLoading() {
        let parsed = load("a: &a x\nb: [*a, *a, *a]\n---\nc: 1\n", limits: ParseLimits(maxAliases: 2))
        #expect(parsed.documents.isEmpty)
        let finding = findings(parsed, "alias-limit").first
        #expect(finding?.range.start.line == 2)
        #expect(finding?.range.start.column == 13)
        #expect(finding?.pointer == "/b/2")
    }

    @Test func unknownAliasIsASyntaxError() {
        let parsed = load("a: 1\n---\nb: *nowhere\n")
        #expect(parsed.documents.count == 1)
        let finding = findings(parsed, "syntax-error").first
        #expect(finding?.range.start == SourcePosition(line: 3, column: 4, offset: 12))
        #expect(finding?.message.contains("*nowhere") == true)
        #expect(finding?.documentIndex == 1)
    }

    @Test func recursiveAliasIsASyntaxError() {
        let parsed = load("a: &a [1, *a]\n")
        #expect(parsed.documents.isEmpty)
        #expect(findings(parsed, "syntax-error").first?.message.contains("contains it") == true)
    }

    @Test func tagsAndAnchorsOnCollections() {
        let text = "a: !Tags &t\n  - x\nb: *t\n"
        let source = SourceText(text)
        let root = document(text)
        #expect(value(root, "a")?.tag == "!Tags")
        #expect(value(root, "a")?.range.start == position(1, 4, in: source))
        #expect(value(root, "b")?.tag == "!Tags")
        #expect(value(root, "b")?.aliasOf == "t")
    }

    @Test func duplicateKeysAreKeptAndReported() {
        let text = "name: a\ntags: []\nname: b\n"
        let source = SourceText(text)
        let parsed = load(text)
        let root = parsed.documents[0]
        #expect(root.members?.map(\.key.text) == ["name", "tags", "name"])
        #expect(root.member("name")?.value.string?.text == "b")
        let duplicate = findings(parsed, "duplicate-key")
        #expect(duplicate.count == 1)
        #expect(
            duplicate.first?.range == SourceRange(start: position(3, 1, in: source), end: position(3, 5, in: source)))
        #expect(duplicate.first?.pointer == "/name")
        #expect(duplicate.first?.message == "duplicate key \"name\"; YAML loaders keep only the last value")
        #expect(duplicate.first?.related.map(\.range.start) == [position(1, 1, in: source)])
    }

    @Test func duplicateKeysInLargeMappings() {
        var text = ""
        for index in 0..<40 { text += "k\(index): \(index)\n" }
        text += "k3: again\nk39: again\n"
        let parsed = load(text)
        #expect(findings(parsed, "duplicate-key").map(\.pointer) == ["/k3", "/k39"])
        #expect(findings(parsed, "duplicate-key").first?.related.map(\.range.start.line) == [4])
    }

    @Test func nonScalarKeysAreSkipped() {
        let parsed = load("? [a, b]\n: 1\nname: x\n{c: d}: 2\n")
        let root = parsed.documents[0]
        #expect(root.members?.map(\.key.text) == ["name"])
        let errors = findings(parsed, "syntax-error")
        #expect(errors.count == 2)
        #expect(errors.first?.range.start.line == 1)
        #expect(errors.first?.range.start.column == 3)
        #expect(errors.first?.message.contains("sequence is used as a mapping key") == true)
    }

    @Test func mergeKeysAreApplied() {
        let root = document("base: &b {x: 1, y: 0}\nchild:\n  <<: *b\n  y: 2\n")
        // As ruamel.yaml and PyYAML do: merged keys where `<<` stands, the mapping's own keys win.
        #expect(value(root, "child")?.members?.map(\.key.text) == ["x", "y"])
        #expect(value(root, "child", "x")?.range.start == SourcePosition(line: 1, column: 14, offset: 13))
        let list = document("a: &a {x: 1}\nb: &b {x: 2, z: 3}\nc:\n  <<: [*a, *b]\n")
        #expect(value(list, "c")?.members?.map(\.key.text) == ["x", "z"])
        #expect(value(list, "c", "x")?.range.start.line == 1, "earlier mappings in the list take precedence")
    }

    @Test func mergeOfAScalarStaysAnOrdinaryMember() {
        let root = document("child:\n  <<: 1\n  y: 2\n")
        #expect(value(root, "child")?.members?.map(\.key.text) == ["<<", "y"])
    }

    @Test func pointersEscapeKeys() {
        let parsed = load("a/b:\n  c~d: [x, yes]\n")
        #expect(findings(parsed, "yaml-1-1-ambiguity").first?.pointer == "/a~1b/c~0d/1")
    }
}

// MARK: - Errors and limits

@Suite("YAMLLoader errors")
struct YAMLLoaderErrorTests {
    @Test func mappingValuesNotAllowed() {
        let parsed = load("a: b: c\n")
        let finding = parsed.findings.first
        #expect(finding?.ruleID == "syntax-error")
        #expect(finding?.message == "mapping values are not allowed in this context")
        #expect(finding?.range.start == SourcePosition(line: 1, column: 5, offset: 4))
    }

    /// libyaml moves its line on at the end of a text without a final line break; the position stays on the last line.
    @Test(arguments: ["name: [orders", "name: [ördérs"])
    func anErrorAtTheEndOfTheTextStaysOnItsLastLine(text: String) {
        let finding = findings(load(text), "syntax-error").first
        #expect(finding?.range.start == SourcePosition(line: 1, column: 14, offset: text.utf8.count))
    }

    @Test func badIndentation() {
        let parsed = load("name: x\ntags:\n  - key: a\n   value: b\n")
        let finding = findings(parsed, "syntax-error").first
        #expect(finding != nil)
        #expect(finding?.range.start.line == 4)
        #expect(parsed.documents.isEmpty)
    }

    @Test func unclosedFlowSequence() {
        let parsed = load("tags: [a, b\nname: x\n")
        let finding = findings(parsed, "syntax-error").first
        #expect(finding?.message.contains("(while parsing a flow sequence)") == true)
        #expect(finding?.related.map { "\($0.range.start) \($0.message)" } == ["1:7 while parsing a flow sequence"])
        #expect(finding?.range.start.line == 2)
    }

    @Test func documentsBeforeAnErrorAreKept() {
        let parsed = load("a: 1\n---\nb: [\n")
        #expect(parsed.documents.count == 1)
        #expect(findings(parsed, "syntax-error").first?.documentIndex == 1)
    }

    @Test func deepNestingStopsQuickly() {
        let text = String(repeating: "[", count: 1_000_000)
        let clock = ContinuousClock()
        var parsed = ParsedSource()
        let elapsed = clock.measure { parsed = load(text) }
        #expect(elapsed < .seconds(1))
        let finding = findings(parsed, "nesting-too-deep").first
        #expect(finding?.range.start.column == 129)
        #expect(parsed.documents.isEmpty)
    }

    @Test func nestingAtTheLimitLoads() {
        let limits = ParseLimits(maxDepth: 3)
        #expect(load("[[[1]]]", limits: limits).findings.isEmpty)
        #expect(findings(load("[[[[1]]]]", limits: limits), "nesting-too-deep").count == 1)
        #expect(findings(load("a:\n  b:\n    c:\n      d: 1\n", limits: limits), "nesting-too-deep").count == 1)
    }

    @Test func invalidUTF8() {
        let source = SourceText(bytes: Array("name: ab".utf8) + [0xFF] + Array("\n".utf8))
        let parsed = YAMLLoader.load(source)
        let finding = findings(parsed, "syntax-error").first
        #expect(finding?.message == "invalid leading UTF-8 octet (byte 0xFF)")
        #expect(finding?.range.start == SourcePosition(line: 1, column: 9, offset: 8))
    }

    @Test func invalidUTF8AfterAByteOrderMark() {
        let source = SourceText(bytes: [0xEF, 0xBB, 0xBF] + Array("a: 😀b".utf8) + [0xC3])
        let finding = findings(YAMLLoader.load(source), "syntax-error").first
        #expect(finding?.message == "incomplete UTF-8 octet sequence")
        #expect(finding?.range.start == SourcePosition(line: 1, column: 6, offset: 11))
    }

    @Test func controlCharactersAreShownAsCodePoints() {
        let parsed = load("name: \"a\u{07}\"\n")
        let finding = findings(parsed, "syntax-error").first
        #expect(finding?.message == "control characters are not allowed (U+0007)")
        #expect(finding?.range.start.column == 9)
        #expect(finding?.message.unicodeScalars.allSatisfy { $0.value >= 0x20 } == true)
    }

    @Test func utf16IsRejected() {
        let parsed = YAMLLoader.load(SourceText(bytes: [0xFF, 0xFE, 0x61, 0x00, 0x3A, 0x00]))
        #expect(parsed.documents.isEmpty)
        #expect(findings(parsed, "syntax-error").first?.message.contains("UTF-16") == true)
    }
}

// MARK: - Scalar positions

@Suite("YAMLLoader scalarPositions")
struct YAMLLoaderScalarPositionTests {
    @Test func doubleQuotedEscapes() {
        let text = "name: \"a\\tb\\u00e9c\"\n"
        let source = SourceText(text)
        let string = document(text).member("name")?.value.string
        #expect(string?.text == "a\tbéc")
        #expect(string?.contentStart == position(1, 8, in: source))
        #expect(
            string?.scalarPositions
                == [
                    position(1, 8, in: source), position(1, 9, in: source), position(1, 11, in: source),
                    position(1, 12, in: source), position(1, 18, in: source),
                ])
        #expect(
            string?.range(ofScalar: 1)
                == SourceRange(start: position(1, 9, in: source), end: position(1, 11, in: source)))
    }

    @Test func singleQuotedDoubledQuote() {
        let text = "name: 'it''s'\n"
        let source = SourceText(text)
        let string = document(text).member("name")?.value.string
        #expect(string?.text == "it's")
        #expect(string?.scalarPositions?.map(\.column) == [8, 9, 10, 12])
        #expect(string?.position(ofScalar: 3) == position(1, 12, in: source))
    }

    @Test func plainOneLineScalarsNeedNoTable() {
        let string = document("name: My Activity\n").member("name")?.value.string
        #expect(string?.scalarPositions == nil)
        #expect(string?.position(ofScalar: 3) == SourcePosition(line: 1, column: 10, offset: 9))
    }

    @Test func multiLinePlainScalarFolds() {
        let text = "name: a b\n  c\n\n  d\n"
        let source = SourceText(text)
        let string = document(text).member("name")?.value.string
        #expect(string?.text == "a b c\nd")
        #expect(
            string?.scalarPositions
                == [
                    position(1, 7, in: source), position(1, 8, in: source), position(1, 9, in: source),
                    position(1, 10, in: source), position(2, 3, in: source), position(3, 1, in: source),
                    position(4, 3, in: source),
                ])
    }

    @Test func multiLineDoubleQuotedWithEscapedBreak() {
        let text = "k: \"x\\\n   y  \n\n  z\"\n"
        let source = SourceText(text)
        let string = document(text).member("k")?.value.string
        #expect(string?.text == "xy\nz")
        #expect(
            string?.scalarPositions
                == [
                    position(1, 5, in: source), position(2, 4, in: source), position(3, 1, in: source),
                    position(4, 3, in: source),
                ])
    }

    @Test func literalBlockScalar() {
        let text = "desc: |\n  ab\n   c\n\nnext: 1\n"
        let source = SourceText(text)
        let node = document(text).member("desc")?.value
        let string = node?.string
        #expect(string?.text == "ab\n c\n")
        #expect(string?.contentStart == position(2, 3, in: source))
        #expect(
            string?.scalarPositions
                == [
                    position(2, 3, in: source), position(2, 4, in: source), position(2, 5, in: source),
                    position(3, 3, in: source), position(3, 4, in: source), position(3, 5, in: source),
                ])
        #expect(node?.range.start == position(1, 7, in: source))
        #expect(node?.range.end == position(3, 5, in: source))
    }

    @Test func foldedBlockScalarWithKeepAndCRLF() {
        let text = "desc: >+\r\n  a\r\n  b\r\n\r\nnext: 1\r\n"
        let source = SourceText(text)
        let string = document(text).member("desc")?.value.string
        #expect(string?.text == "a b\n\n")
        #expect(
            string?.scalarPositions
                == [
                    position(2, 3, in: source), position(2, 4, in: source), position(3, 3, in: source),
                    position(3, 4, in: source), position(4, 1, in: source),
                ])
    }

    @Test func unicodeLineBreaksInQuotedScalars() {
        // libyaml breaks lines at NEL, LS and PS; SourceText does not, so they stay on one source line.
        let text = "s: \"a\u{2028}b\"\nt: \"a\u{85}b\"\n"
        let source = SourceText(text)
        let root = document(text)
        #expect(value(root, "s")?.string?.text == "a\u{2028}b")
        #expect(value(root, "s")?.string?.scalarPositions == nil)
        #expect(value(root, "s")?.string?.position(ofScalar: 2) == position(1, 7, in: source))
        #expect(value(root, "t")?.string?.text == "a b")
        #expect(
            value(root, "t")?.string?.scalarPositions == [
                position(2, 5, in: source), position(2, 6, in: source), position(2, 7, in: source),
            ])
    }

    @Test func explicitIndentationIndicator() {
        let text = "a:\n  b: |2\n      x\n     y\n"
        let source = SourceText(text)
        let string = document(text).member("a")?.value.member("b")?.value.string
        #expect(string?.text == "  x\n y\n")
        #expect(string?.scalarPositions?.first == position(3, 5, in: source))
        #expect(string?.scalarPositions?[4] == position(4, 5, in: source))
    }
}
