/// A strict RFC 8259 JSON parser that keeps source positions and duplicate keys.
///
/// It reads exactly one document. Problems become findings: `syntax-error` (parsing stops at the first),
/// `nesting-too-deep` (parsing stops), and `duplicate-key` (every duplicate is kept and reported).
@_spi(Internals) public enum JSONParser {
    /// `handoff`: an array of the top-level object whose elements are handed over as they are parsed, not kept.
    static func parse(
        _ source: SourceText, limits: ParseLimits = .default, handoff: (any JSONElementHandoff)?
    ) -> ParsedSource {
        source.bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONDocumentParser(source: source, bytes: buffer, limits: limits)
            parser.handoff = handoff
            return parser.parse()
        }
    }

    public static func parse(_ source: SourceText, limits: ParseLimits = .default) -> ParsedSource {
        parse(source, limits: limits, handoff: nil)
    }

    /// Parses the one value that fills `range` of `source` exactly, with the positions it has in the whole text.
    /// Pointers in findings are relative to that value. A value that does not fill the range is a syntax error.
    static func parseValue(in source: SourceText, range: Range<Int>, limits: ParseLimits) -> ParsedSource {
        let start = source.position(atOffset: range.lowerBound)
        let cursor = { (bytes: UnsafeBufferPointer<UInt8>) in
            JSONCursor(bytes: bytes, at: start, lineStart: source.lineStarts[start.line - 1])
        }
        return source.bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONDocumentParser(
                source: source, cursor: cursor(UnsafeBufferPointer(rebasing: buffer[..<range.upperBound])), limits: limits)
            return parser.parse()
        }
    }
}

/// The structural part of the parser: objects and arrays, held on an explicit stack so that nesting costs
/// no native stack at all.
struct JSONDocumentParser {
    private let source: SourceText
    private let limits: ParseLimits
    private var cursor: JSONCursor
    /// The objects and arrays opened and not yet closed, outermost first.
    private var stack: [Frame] = []
    /// The members and elements of the open objects and arrays (each frame's from its `childStart`).
    private let members = ChildStack<Node.Member>()
    private let elements = ChildStack<Node>()
    /// The document's closed containers' children; `storage` is where the next container's go (an element being
    /// handed over keeps its own, so that it is freed once the handoff is done with it).
    private let document: NodeStorage
    private var storage: NodeStorage
    private var findings: [Finding] = []
    var handoff: (any JSONElementHandoff)?

    private struct Frame {
        let isObject: Bool
        let start: SourcePosition
        /// Where this container's children start in `members` (an object) or `elements` (an array).
        let childStart: Int
        /// The key of the member whose value is being parsed.
        var key = StringValue(text: "", contentStart: .start)
        var keyRange = SourceRange(at: .start)
        /// Index of the first member with each key, built once an object is large enough for it to pay.
        var firstMemberByKey: [ObjectKey: Int]?
        /// Whether this array's elements go to the handoff.
        let handsOver: Bool

        init(isObject: Bool, start: SourcePosition, childStart: Int, handsOver: Bool) {
            self.isObject = isObject
            self.start = start
            self.childStart = childStart
            self.handsOver = handsOver
        }

        /// The key, moved out for the member it names (the frame's is empty until the next key).
        mutating func takeKey() -> StringValue {
            var taken = StringValue(text: "", contentStart: .start)
            swap(&taken, &key)
            return taken
        }
    }

    /// Where the parser stands, for the wording of "expected ..." messages.
    private enum Context {
        case top, afterColon, afterOpenBracket, afterArrayComma
    }

    init(source: SourceText, bytes: UnsafeBufferPointer<UInt8>, limits: ParseLimits) {
        self.init(source: source, cursor: JSONCursor(bytes: bytes, start: source.contentOffset), limits: limits)
    }

    init(source: SourceText, cursor: JSONCursor, limits: ParseLimits) {
        self.source = source
        self.limits = limits
        self.cursor = cursor
        document = NodeStorage(sourceBytes: cursor.bytes.count - cursor.index)
        storage = document
    }

    mutating func parse() -> ParsedSource {
        cursor.skipWhitespace()
        if cursor.isAtEnd { return ParsedSource() }
        var root: Node?
        do throws(JSONSyntaxError) {
            root = try parseValue()
            cursor.skipWhitespace()
            if !cursor.isAtEnd {
                throw foundError(
                    "expected end of input after the top-level value", hint: "a JSON file holds exactly one value")
            }
            return ParsedSource(documents: [root!], findings: findings)
        } catch {
            let start = source.position(atOffset: error.start)
            let end = error.end == error.start ? start : source.position(atOffset: error.end)
            let related = error.related.map { related in
                [RelatedLocation(file: "", range: SourceRange(at: source.position(atOffset: related.offset)),
                                 message: related.message)]
            } ?? []
            findings.append(
                Finding(
                    ruleID: error.ruleID, message: error.message, range: SourceRange(start: start, end: end),
                    pointer: error.pointsAtNewValue ? pointerOfValueInProgress() : pointerOfInnermostContainer(),
                    related: related))
            // The open containers' children and the document's storage go with the parser, each in one pass.
            return ParsedSource(documents: [], findings: findings, keysBeforeError: keysBeforeError(root: root))
        }
    }

    /// The top-level object's keys read before parsing stopped, which tell what the document was meant to be.
    private func keysBeforeError(root: Node?) -> [String]? {
        if let root { return root.members?.map(\.key.text) }
        guard let outermost = stack.first, outermost.isObject else { return nil }
        var keys = members.keyTexts(upTo: stack.dropFirst().first { $0.isObject }?.childStart)
        // A key whose value was being read when parsing stopped.
        if !outermost.key.text.isEmpty, keys.last != outermost.key.text { keys.append(outermost.key.text) }
        return keys
    }

    // MARK: Structure

    /// Parses one value, with everything nested in it, from the cursor.
    private mutating func parseValue() throws(JSONSyntaxError) -> Node {
        var context = Context.top
        nextValue: while true {
            cursor.skipWhitespace()
            var value: Node
            switch cursor.current {
            case UInt8(ascii: "{"):
                try open(isObject: true)
                cursor.skipWhitespace()
                if cursor.current == UInt8(ascii: "}") {
                    value = close()
                } else {
                    try parseKey(afterComma: false)
                    context = .afterColon
                    continue nextValue
                }
            case UInt8(ascii: "["):
                try open(isObject: false)
                cursor.skipWhitespace()
                if cursor.current == UInt8(ascii: "]") {
                    value = close()
                } else {
                    context = .afterOpenBracket
                    continue nextValue
                }
            case UInt8(ascii: "\""):
                // Here rather than in parseScalar: a string node returned from there is copied once more.
                let (string, range) = try cursor.scanString()
                value = Node(.string(string), range: range)
            default:
                value = try parseScalar(context: context)
            }
            // Hand the finished value to its container; closing a container finishes another value.
            while !stack.isEmpty {
                let top = stack.count - 1
                if stack[top].isObject {
                    members.append(
                        Node.Member(key: stack[top].takeKey(), keyRange: stack[top].keyRange, value: consume value))
                    cursor.skipWhitespace()
                    switch cursor.current {
                    case UInt8(ascii: ","):
                        cursor.index += 1
                        try parseKey(afterComma: true)
                        context = .afterColon
                        continue nextValue
                    case UInt8(ascii: "}"):
                        value = close()
                    default:
                        throw foundError("expected ',' or '}' after object member", hint: missingCommaHint())
                    }
                } else {
                    if stack[top].handsOver {
                        handOver(consume value, index: elements.count - stack[top].childStart)
                    } else {
                        elements.append(consume value)
                    }
                    cursor.skipWhitespace()
                    switch cursor.current {
                    case UInt8(ascii: ","):
                        let comma = cursor.index
                        cursor.index += 1
                        cursor.skipWhitespace()
                        if cursor.current == UInt8(ascii: "]") {
                            throw JSONSyntaxError(
                                "trailing comma before ']' is not allowed in JSON", start: comma, end: comma + 1)
                        }
                        context = .afterArrayComma
                        continue nextValue
                    case UInt8(ascii: "]"):
                        value = close()
                    default:
                        throw foundError("expected ',' or ']' after array element", hint: missingCommaHint())
                    }
                }
            }
            return value
        }
    }

    /// Opens an object or array at the cursor's bracket, unless that nests too deep.
    private mutating func open(isObject: Bool) throws(JSONSyntaxError) {
        if stack.count >= limits.maxDepth {
            var error = JSONSyntaxError(
                "objects and arrays are nested deeper than the limit of \(limits.maxDepth) levels",
                start: cursor.index, end: cursor.index + 1)
            error.ruleID = "nesting-too-deep"
            error.pointsAtNewValue = true
            throw error
        }
        // Only an array that is a member's value in the top-level object can be handed over.
        let handsOver = !isObject && stack.count == 1 && handoff != nil && beginsHandoff()
        if stack.count == 2, stack[1].handsOver { storage = NodeStorage() }
        stack.append(Frame(
            isObject: isObject, start: cursor.position, childStart: isObject ? members.count : elements.count,
            handsOver: handsOver))
        cursor.index += 1
    }

    /// Whether the array opening at the top level's member is the one whose elements are handed over (and if so,
    /// tells the handoff it begins).
    @inline(never)
    private func beginsHandoff() -> Bool {
        guard let handoff, stack[0].isObject, stack[0].key.text == handoff.handedOverKey else { return false }
        handoff.beginHandoff()
        return true
    }

    /// Gives a finished element of the handed-over array away, keeping a `null` with its range in its place.
    private mutating func handOver(_ element: consuming Node, index: Int) {
        elements.append(Node(.null, range: element.range))
        storage = document
        handoff!.take(element, index: index)
    }

    /// Closes the innermost container at the cursor's closing bracket and returns it as a node.
    private mutating func close() -> Node {
        cursor.index += 1
        let frame = stack.removeLast()
        let range = SourceRange(start: frame.start, end: cursor.position)
        return Node(
            frame.isObject
                ? .object(storage.appendMembers(from: members, start: frame.childStart))
                : .array(storage.appendElements(from: elements, start: frame.childStart)),
            range: range)
    }

    /// Parses `"key" :` in the innermost object, reporting the key if it repeats an earlier one.
    private mutating func parseKey(afterComma: Bool) throws(JSONSyntaxError) {
        let comma = cursor.index - 1
        cursor.skipWhitespace()
        guard cursor.current == UInt8(ascii: "\"") else {
            if afterComma, cursor.current == UInt8(ascii: "}") {
                throw JSONSyntaxError("trailing comma before '}' is not allowed in JSON", start: comma, end: comma + 1)
            }
            var hint: String?
            if let byte = cursor.current, byte == UInt8(ascii: "'") || JSONText.isWordByte(byte) {
                hint = "object keys must be strings in double quotes"
            }
            let expected =
                afterComma
                ? "expected a string key in double quotes after ','" : "expected a string key in double quotes or '}'"
            throw foundError(expected, hint: hint ?? commonHint())
        }
        let (key, keyRange) = try cursor.scanString()
        let top = stack.count - 1
        let first = firstMember(withKey: key)
        // Moved into the frame, not copied (a retain and a release a key): the member takes it from there.
        stack[top].key = consume key
        stack[top].keyRange = keyRange
        if let first {
            let firstRange = members[stack[top].childStart + first].keyRange
            findings.append(
                Finding(
                    ruleID: "duplicate-key",
                    message: "duplicate key \(JSONText.quoted(stack[top].key)); the AWS CLI and SDKs keep only the "
                        + "last value",
                    range: keyRange, pointer: pointerOfValueInProgress(),
                    related: [RelatedLocation(file: "", range: firstRange, message: "first given here")],
                    value: stack[top].key.text))
        }
        cursor.skipWhitespace()
        guard cursor.current == UInt8(ascii: ":") else {
            throw foundError("expected ':' after object key \(JSONText.quoted(stack[top].key))", hint: nil)
        }
        cursor.index += 1
    }

    /// The index of the first member of the innermost object named `key`, or nil; a large object's index of first
    /// members learns the key's position when it is new.
    private mutating func firstMember(withKey key: StringValue) -> Int? {
        let top = stack.count - 1
        let open = stack[top].childStart
        // Where the member of this key will stand: nested values are closed before it is added.
        let position = members.count - open
        if stack[top].firstMemberByKey == nil {
            if position < 12 {
                return members.withElements(from: open) { $0.firstIndex { ObjectKey.same($0.key, key) } }
            }
            stack[top].firstMemberByKey = members.withElements(from: open) { members in
                var index: [ObjectKey: Int] = [:]
                index.reserveCapacity(2 * members.count)
                for (position, member) in members.enumerated().reversed() { index[ObjectKey(member.key)] = position }
                return index
            }
        }
        return stack[top].firstMemberByKey!.existingValue(for: ObjectKey(key), storing: position)
    }

    // MARK: Scalars

    /// A number or literal at the cursor (strings are read in `parseValue`), or the error for what is there instead.
    private mutating func parseScalar(context: Context) throws(JSONSyntaxError) -> Node {
        // NUL is never a value's first byte, so it can stand for the end of input here.
        switch cursor.current ?? 0 {
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try cursor.scanNumber()
        case UInt8(ascii: "t"):
            if let node = literal("true", .bool(true)) { return node }
        case UInt8(ascii: "f"):
            if let node = literal("false", .bool(false)) { return node }
        case UInt8(ascii: "n"):
            if let node = literal("null", .null) { return node }
        default:
            break
        }
        let expected =
            switch context {
            case .top: "expected a JSON value"
            case .afterColon: "expected a value after ':'"
            case .afterOpenBracket: "expected a value or ']'"
            case .afterArrayComma: "expected a value after ','"
            }
        throw foundError(expected, hint: commonHint())
    }

    /// The literal `spelling` at the cursor as a node, or nil when the text there is something else.
    private mutating func literal(_ spelling: StaticString, _ value: Node.Value) -> Node? {
        let length = spelling.utf8CodeUnitCount
        let start = cursor.index
        guard start + length <= cursor.bytes.count else { return nil }
        let expected = UnsafeBufferPointer(start: spelling.utf8Start, count: length)
        for i in 0..<length where cursor.bytes[start + i] != expected[i] { return nil }
        let startPosition = cursor.position
        cursor.index += length
        return Node(value, range: SourceRange(start: startPosition, end: cursor.position))
    }

    // MARK: Errors

    /// "`expected`, found X" at the character under the cursor, with an optional hint.
    private func foundError(_ expected: String, hint: String?) -> JSONSyntaxError {
        let offset = cursor.index
        var found = cursor.describeCharacter(at: offset)
        if let byte = cursor.current, JSONText.isWordByte(byte), !JSONCursor.isDigit(byte) {
            found = "'\(cursor.word(at: offset))'"
        }
        var message = expected + ", found " + found
        var related: (offset: Int, message: String)?
        if !stack.isEmpty, cursor.isAtEnd {
            let open = stack[stack.count - 1]
            let what = open.isObject ? "object" : "array"
            message += " (an \(what) is not closed)"
            related = (open.start.offset, "the \(what) opened here is not closed")
        }
        if let hint { message += "; " + hint }
        var error = JSONSyntaxError(message, start: offset, end: offset + cursor.characterWidth(at: offset))
        error.related = related
        return error
    }

    /// Advice for characters people often write where JSON expects a value or a key; `inValuePosition` says
    /// whether an unquoted word there is probably a string that lacks its quotes.
    private func commonHint(inValuePosition: Bool = true) -> String? {
        guard let byte = cursor.current else { return nil }
        switch byte {
        case UInt8(ascii: "'"): return "JSON strings must be enclosed in double quotes"
        case UInt8(ascii: "/"), UInt8(ascii: "#"): return "comments are not allowed in JSON"
        case UInt8(ascii: "+"): return "numbers must not start with '+' in JSON"
        case UInt8(ascii: "."): return "numbers must have a digit before '.' in JSON (write 0.5, not .5)"
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            return nil
        default:
            break
        }
        if JSONText.isWordByte(byte) {
            let word = cursor.word(at: cursor.index)
            switch word {
            case "NaN", "Infinity": return "NaN and Infinity are not allowed in JSON"
            case "True", "TRUE", "False", "FALSE", "Null", "NULL", "None", "nil":
                return "JSON literals are true, false and null, in lowercase"
            default:
                if !inValuePosition || ["true", "false", "null"].contains(where: { $0.hasPrefix(word) }) { return nil }
                return "strings must be enclosed in double quotes"
            }
        }
        if let scalar = cursor.scalar(at: cursor.index)?.value, [0x201C, 0x201D, 0x2018, 0x2019].contains(scalar) {
            return "JSON strings must be enclosed in straight double quotes (\")"
        }
        return nil
    }

    /// After a complete member or element, a value start suggests a forgotten comma.
    private func missingCommaHint() -> String? {
        guard let byte = cursor.current else { return nil }
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "-"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            return "is a ',' missing?"
        default:
            return commonHint(inValuePosition: false)
        }
    }

    // MARK: Pointers

    /// The JSON Pointer of the innermost open object or array ("" when none is open).
    private func pointerOfInnermostContainer() -> String {
        pointer(throughFrames: stack.count - 1)
    }

    /// The JSON Pointer of the value being parsed inside the innermost open container.
    private func pointerOfValueInProgress() -> String {
        pointer(throughFrames: stack.count)
    }

    /// The pointer made of the child tokens of the first `count` frames.
    private func pointer(throughFrames count: Int) -> String {
        var pointer = ""
        for (level, frame) in stack.prefix(max(0, count)).enumerated() {
            if frame.isObject {
                JSONPointer.append(frame.key.text, to: &pointer)
            } else {
                // The array's elements end where the next open array's begin.
                let end = stack[(level + 1)...].first { !$0.isObject }?.childStart ?? elements.count
                JSONPointer.append(end - frame.childStart, to: &pointer)
            }
        }
        return pointer
    }
}

/// An object key compared code point by code point, as JSON parsers do (Swift's `String ==` would treat
/// canonically equivalent spellings such as "é" and "e\u{301}" as equal): its bytes, with their hash kept, and its
/// lone surrogates.
struct ObjectKey: Hashable {
    let bytes: BytewiseKey
    let loneSurrogates: [Int: UInt32]

    init(_ key: StringValue) {
        bytes = BytewiseKey(key.text)
        loneSurrogates = key.loneSurrogates
    }

    static func same(_ lhs: StringValue, _ rhs: StringValue) -> Bool {
        // Equal code points imply `==`, so `==` (a memcmp for ASCII) rules out almost every pair cheaply.
        lhs.text.utf8.count == rhs.text.utf8.count && lhs.text == rhs.text
            && lhs.text.utf8.elementsEqual(rhs.text.utf8) && lhs.loneSurrogates == rhs.loneSurrogates
    }

    static func == (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
        lhs.bytes == rhs.bytes && lhs.loneSurrogates == rhs.loneSurrogates
    }

    func hash(into hasher: inout Hasher) { bytes.hash(into: &hasher) }
}
