/// Builds `Node` trees from YAML events with an explicit stack (no recursion over the input's depth),
/// and reports what the tree building finds: duplicate keys, non-scalar keys, unknown aliases.
struct YAMLComposer {
    /// Where a node under construction sits in its parent, for JSON Pointers.
    enum Token {
        case none
        case key(String)
        case index(Int)
    }

    enum KeyState {
        /// The next node is a key.
        case none
        /// `Frame.pendingKey` waits for its value.
        case key
        /// The key could not be used; the next node (its value) is dropped.
        case skip
    }

    struct Frame {
        var isMapping: Bool
        var isFlow: Bool
        var start: SourcePosition
        /// The end of the last child, the end of a block collection.
        var end: SourcePosition
        var tag: String?
        var anchor: String?
        var token: Token
        /// Where this collection's children start in `members` (a mapping) or `items` (a sequence).
        var childStart: Int
        var keyState: KeyState = .none
        var pendingKey: StringValue?
        var pendingKeyRange = SourceRange(at: .start)
        /// First position of each key, built once a mapping grows past a few members.
        var firstKeys: [String: SourceRange]?
        /// Whether a key is `<<`: only then can merge keys change the mapping.
        var hasMergeKey = false
    }

    struct Anchored {
        var node: Node
        /// The text of an anchored scalar, for an alias used as a key.
        var scalarText: String?
    }

    private(set) var documents: [Node] = []
    var findings: [Finding] = []
    /// The byte ranges of anchored nodes that an alias uses: an edit there would change every place that uses it.
    private(set) var aliasedRanges: [Range<Int>] = []
    private var frames: [Frame] = []
    /// The members and items of the open collections (each frame's from its `childStart`).
    private let members = ChildStack<Node.Member>()
    private let items = ChildStack<Node>()
    /// The closed collections' children, of every document of the stream (aliases share them).
    private let storage: NodeStorage
    private var root: Node?
    private var anchors: [String: Anchored] = [:]

    /// `sourceBytes`: the size of the stream, which sizes the storage its documents' children go to.
    init(sourceBytes: Int) {
        storage = NodeStorage(sourceBytes: sourceBytes)
    }

    var depth: Int { frames.count }

    /// The keys of the document's top-level mapping read so far, while it is still open (loading stopped in it).
    var openRootKeys: [String]? {
        guard let outermost = frames.first, outermost.isMapping else { return nil }
        var keys = members.keyTexts(upTo: frames.dropFirst().first { $0.isMapping }?.childStart)
        if let pending = outermost.pendingKey { keys.append(pending.text) }
        return keys
    }
    /// How many of the open collections are flow collections.
    private(set) var flowDepth = 0
    /// Where the innermost open collection starts.
    var frameStart: SourcePosition { frames.last?.start ?? .start }
    var documentIndex: Int { documents.count }

    // MARK: - Documents

    mutating func beginDocument() {
        frames.removeAll(keepingCapacity: true)
        flowDepth = 0
        root = nil
        anchors.removeAll(keepingCapacity: true)
    }

    mutating func endDocument(at position: SourcePosition) {
        documents.append(root ?? Node(.null, range: SourceRange(at: position)))
        root = nil
        anchors.removeAll(keepingCapacity: true)
    }

    // MARK: - Where the next node goes

    /// Whether the next node completes a key of the innermost mapping. Inlined: a call copied the whole composer
    /// for every scalar.
    @inline(__always) var nextIsKey: Bool {
        guard !frames.isEmpty else { return false }
        let top = frames.count - 1
        return frames[top].isMapping && frames[top].keyState == .none
    }

    /// The JSON Pointer of the innermost open collection.
    var containerPointer: String {
        var pointer = ""
        for frame in frames {
            switch frame.token {
            case .none: break
            case .key(let key): JSONPointer.append(key, to: &pointer)
            case .index(let index): JSONPointer.append(index, to: &pointer)
            }
        }
        return pointer
    }

    /// The JSON Pointer of the next node (for a key, of the member it starts).
    func pointer(forKey key: String? = nil) -> String {
        let base = containerPointer
        if let key { return JSONPointer.appending(key, to: base) }
        switch nextToken {
        case .none: return base
        case .key(let key): return JSONPointer.appending(key, to: base)
        case .index(let index): return JSONPointer.appending(index, to: base)
        }
    }

    private var nextToken: Token {
        guard !frames.isEmpty else { return .none }
        let top = frames.count - 1
        if frames[top].isMapping {
            if frames[top].keyState == .key, let key = frames[top].pendingKey { return .key(key.text) }
            return .none
        }
        return .index(items.count - frames[top].childStart)
    }

    // MARK: - Nodes

    mutating func startCollection(
        isMapping: Bool, isFlow: Bool, start: SourcePosition, tag: String?, anchor: String?
    ) {
        frames.append(Frame(
            isMapping: isMapping, isFlow: isFlow, start: start, end: start, tag: tag, anchor: anchor, token: nextToken,
            childStart: isMapping ? members.count : items.count))
        if isFlow { flowDepth += 1 }
    }

    /// Closes the innermost collection; `end` is libyaml's end mark, used for flow collections (block
    /// collections end with their last child, not at the next token). Returns how many members merge keys
    /// (`<<`) added to it.
    mutating func endCollection(end: SourcePosition, mergeBudget: Int = .max) -> Int {
        guard let top = frames.indices.last else { return 0 }
        // Read where the frame is, then dropped: moving the whole frame out copied it twice.
        let isFlow = frames[top].isFlow
        let start = frames[top].start
        let childStart = frames[top].childStart
        if isFlow { flowDepth -= 1 }
        let range = SourceRange(start: start, end: isFlow || frames[top].end == start ? end : frames[top].end)
        var merged = 0
        let value: Node.Value
        if !frames[top].isMapping {
            value = .array(storage.appendElements(from: items, start: childStart))
        } else if frames[top].hasMergeKey {
            let written = members.pop(from: childStart)
            value = .object(storage.appendMembers(YAMLMergeKeys.apply(written, merged: &merged, budget: mergeBudget)))
        } else {
            value = .object(storage.appendMembers(from: members, start: childStart))
        }
        let node = Node(value, range: range, tag: frames[top].tag)
        let anchor = frames[top].anchor
        frames.removeLast()
        if let anchor { anchors[anchor] = Anchored(node: copy node, scalarText: nil) }
        attach(node)
        return merged
    }

    /// Adds a scalar that is not a key (see `nextIsKey`; a key that no anchor names goes to `addKey`).
    mutating func addScalar(_ node: consuming Node, anchor: String?, text: @autoclosure () -> String) {
        if let anchor { anchors[anchor] = Anchored(node: copy node, scalarText: text()) }
        attach(consume node)
    }

    /// Adds an anchored scalar key: `key` is its text, `node` the string an alias of it stands for.
    mutating func addAnchoredKey(_ node: consuming Node, key: consuming StringValue, anchor: String, text: String) {
        anchors[anchor] = Anchored(node: copy node, scalarText: text)
        attach(consume node, key: consume key)
    }

    enum AliasProblem {
        case unknown
        case recursive
    }

    /// Adds an alias node: the anchored node's value, shared, at the alias's own range.
    mutating func addAlias(_ name: String, range: SourceRange) -> AliasProblem? {
        guard let anchored = anchors[name] else {
            return frames.contains { $0.anchor == name } ? .recursive : .unknown
        }
        aliasedRanges.append(anchored.node.range.start.offset..<anchored.node.range.end.offset)
        let node = Node(
            anchored.node.value, range: range, tag: anchored.node.tag, aliasOf: name,
            yaml11Reading: anchored.node.yaml11Reading)
        if let text = anchored.scalarText {
            attach(node, key: StringValue(text: text, contentStart: range.start))
        } else {
            attach(node)
        }
        return nil
    }

    /// Puts a finished node in its place: the root, an item, or a member's value (a mapping waiting for a key gets
    /// none: the node is not a scalar). The last use of `node` says `consume`, so it moves there.
    private mutating func attach(_ node: consuming Node) {
        guard !frames.isEmpty else {
            root = consume node
            return
        }
        let top = frames.count - 1
        let end = node.range.end
        if end > frames[top].end { frames[top].end = end }
        guard frames[top].isMapping else {
            items.append(consume node)
            return
        }
        switch frames[top].keyState {
        case .none:
            findings.append(
                Finding(
                    ruleID: "syntax-error",
                    message: "a \(node.typeName == "map" ? "mapping" : "sequence") is used as a mapping key; "
                        + "JSON and the AWS API accept only string keys, so this member is ignored",
                    range: node.range, pointer: containerPointer, documentIndex: documentIndex))
            frames[top].keyState = .skip
            _ = consume node
        case .key:
            let key = frames[top].pendingKey.take()!
            members.append(Node.Member(key: consume key, keyRange: frames[top].pendingKeyRange, value: consume node))
            frames[top].keyState = .none
        case .skip:
            frames[top].keyState = .none
            _ = consume node
        }
    }

    /// Puts a finished scalar (or alias of one) whose text can be a key in its place: the key of a mapping waiting
    /// for one, otherwise as `attach(_:)` does. Separate from it, so that the nodes that cannot be keys (nearly all)
    /// do not pass an absent key along, which costs a call to destroy it.
    private mutating func attach(_ node: consuming Node, key: consuming StringValue) {
        guard let top = frames.indices.last, frames[top].isMapping, frames[top].keyState == .none else {
            attach(consume node)
            return
        }
        if node.range.end > frames[top].end { frames[top].end = node.range.end }
        accept(key: consume key, range: node.range, in: top)
    }

    /// Adds a scalar key of the innermost mapping (see `nextIsKey`) that no anchor names: only its text and range
    /// count, so no node is built for it.
    mutating func addKey(_ key: consuming StringValue, range: SourceRange) {
        let top = frames.count - 1
        if range.end > frames[top].end { frames[top].end = range.end }
        accept(key: consume key, range: range, in: top)
    }

    private mutating func accept(key: consuming StringValue, range: SourceRange, in top: Int) {
        checkDuplicate(key, range: range, in: top)
        if key.text == YAMLMergeKeys.key { frames[top].hasMergeKey = true }
        frames[top].pendingKey = consume key
        frames[top].pendingKeyRange = range
        frames[top].keyState = .key
    }

    private mutating func checkDuplicate(_ key: StringValue, range: SourceRange, in index: Int) {
        var first: SourceRange?
        let open = frames[index].childStart
        if frames[index].firstKeys == nil, members.count - open >= 12 {
            frames[index].firstKeys = members.withElements(from: open) { members in
                var table: [String: SourceRange] = [:]
                for member in members where table[member.key.text] == nil { table[member.key.text] = member.keyRange }
                return table
            }
        }
        if frames[index].firstKeys != nil {
            first = frames[index].firstKeys![key.text]
            if first == nil { frames[index].firstKeys![key.text] = range }
        } else {
            first = members.firstKeyRange(of: key.text, from: open)
        }
        guard let first else { return }
        findings.append(
            Finding(
                ruleID: "duplicate-key",
                message: "duplicate key \"\(YAMLMessageText.quoted(key.text))\"; YAML loaders keep only the last value",
                range: range, pointer: JSONPointer.appending(key.text, to: containerPointer),
                documentIndex: documentIndex,
                related: [RelatedLocation(file: "", range: first, message: "first given here")], value: key.text))
    }
}
