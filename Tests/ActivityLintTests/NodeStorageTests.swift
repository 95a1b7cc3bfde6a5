import Testing

@_spi(Internals) @testable import ActivityLint

/// A document keeps its containers' children in one storage whose own nodes do not count their references to it:
/// these tests hold it to living exactly as long as a node of it is held from outside.
@Suite struct NodeStorageTests {
    /// The storage that holds `node`'s children.
    private func storage(of node: Node) -> NodeStorage? {
        node.members?.storage ?? node.elements?.storage
    }

    private func json(_ text: String) -> ParsedSource { JSONParser.parse(SourceText(text)) }

    private func yaml(_ text: String) -> ParsedSource { YAMLLoader.load(SourceText(text)) }

    /// The texts of a tree's strings and keys, depth first, to compare what is read after the document is gone.
    private func texts(_ node: Node) -> [String] {
        switch node.value {
        case .object(let members): members.flatMap { [$0.key.text] + texts($0.value) }
        case .array(let elements): elements.flatMap(texts)
        case .string(let string): [string.text]
        case .number(let number): [number.literal]
        case .bool(let bool): [String(bool)]
        case .null: ["null"]
        }
    }

    @Test func aNodeReadOutOfAJSONDocumentOutlivesItAndThenFreesTheStorage() throws {
        weak var kept: NodeStorage?
        var inner: Node?
        do {
            let parsed = json(#"{"a": {"b": [1, {"c": "d"}], "e": []}, "f": "g"}"#)
            let root = try #require(parsed.documents.first)
            kept = storage(of: root)
            inner = root.memberValue("a")
        }
        #expect(kept != nil, "a node read out of the document holds its storage")
        #expect(texts(try #require(inner)) == ["b", "1", "c", "d", "e"])
        inner = nil
        #expect(kept == nil, "the storage is freed with the last node held from outside")
    }

    @Test func aDroppedJSONDocumentFreesItsStorage() throws {
        weak var kept: NodeStorage?
        do {
            let parsed = json(#"[[["deep"]], {"k": [{"v": 1}]}]"#)
            kept = storage(of: try #require(parsed.documents.first))
            #expect(kept != nil)
        }
        #expect(kept == nil)
    }

    @Test func yamlAliasesAndMergeKeysShareTheStreamsStorage() throws {
        weak var kept: NodeStorage?
        var use: Node?
        do {
            let parsed = yaml("base: &b {x: 1, y: [2, {z: w}]}\nuse: {<<: *b, y: 3}\nagain: *b\n---\nother: [a]\n")
            #expect(parsed.findings.isEmpty)
            #expect(parsed.documents.count == 2)
            let root = try #require(parsed.documents.first)
            kept = storage(of: root)
            #expect(storage(of: try #require(parsed.documents.last)) === kept, "one storage a stream")
            #expect(storage(of: try #require(root.memberValue("again"))) === kept)
            use = root.memberValue("use")
            #expect(texts(try #require(root.memberValue("again"))) == ["x", "1", "y", "2", "z", "w"])
        }
        #expect(texts(try #require(use)) == ["x", "1", "y", "3"])
        use = nil
        #expect(kept == nil)
    }

    @Test func aTreeBuiltFromNodesOfADocumentHoldsThatDocumentsStorage() throws {
        weak var kept: NodeStorage?
        var built: Node?
        do {
            let parsed = json(#"{"tags": [{"Key": "k", "Value": "v"}]}"#)
            let tags = try #require(parsed.documents.first?.memberValue("tags"))
            kept = storage(of: tags)
            built = Node(.array(Node.Elements([tags, Node(.null, range: tags.range)])), range: tags.range)
        }
        #expect(kept != nil)
        #expect(try texts(#require(built)) == ["Key", "k", "Value", "v", "null"])
        built = nil
        #expect(kept == nil)
    }

    @Test func aDocumentThatStopsAtAnErrorFreesWhatItHadBuilt() {
        // Open containers with closed ones inside them when parsing stops: nothing of it may stay alive or be freed
        // twice (either would show as a leak report or a crash in the runs that follow).
        for _ in 0..<100 {
            #expect(json(#"{"a": [{"b": [1, 2]}, {"c": {"d": [3"#).documents.isEmpty)
            #expect(yaml("a:\n  - {b: [1, 2]}\n  - &x {c: 1}\n  - *x\n  - [unclosed\n").documents.isEmpty)
        }
    }
}
