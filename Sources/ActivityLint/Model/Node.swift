/// A value in a parsed document with the source range it came from.
///
/// JSON and YAML both load into this one tree, so extraction and rules never care which syntax a file used.
@_spi(Internals) public struct Node: Sendable {
    public typealias Members = NodeChildren<Member>
    public typealias Elements = NodeChildren<Node>

    public enum Value: Sendable {
        case object(Members)
        case array(Elements)
        case string(StringValue)
        case number(NumberValue)
        case bool(Bool)
        case null
    }

    /// A key and its value. Duplicate keys are kept in document order so they can be reported.
    public struct Member: Sendable {
        public var key: StringValue
        public var keyRange: SourceRange
        public var value: Node

        public init(key: StringValue, keyRange: SourceRange, value: Node) {
            self.key = key
            self.keyRange = keyRange
            self.value = value
        }
    }

    public var value: Value
    public var range: SourceRange
    /// Rarely set YAML details, boxed so that copying a node (which rules do often) retains one reference, not three.
    private var metadata: Metadata?

    private final class Metadata: Sendable {
        let tag: String?
        let aliasOf: String?
        let yaml11Reading: String?

        init(tag: String?, aliasOf: String?, yaml11Reading: String?) {
            self.tag = tag
            self.aliasOf = aliasOf
            self.yaml11Reading = yaml11Reading
        }
    }

    /// A YAML tag written on the node (`!Ref`, `!!str`), if any.
    public var tag: String? { metadata?.tag }
    /// For a YAML alias (`*name`), the anchor's name; `value` is then the anchored node's value, shared, not copied.
    public var aliasOf: String? { metadata?.aliasOf }
    /// For a YAML plain (unquoted) scalar, how a YAML 1.1 loader (PyYAML, AWS CLI v1) would read it differently.
    public var yaml11Reading: String? { metadata?.yaml11Reading }

    /// The members of an object, or nil when this is not an object.
    public var members: Members? {
        if case .object(let members) = value { return members }
        return nil
    }

    /// The last member named `key` (JSON parsers and the AWS CLI keep the last of duplicate keys).
    public func member(_ key: String) -> Member? {
        members?.last { $0.key.text == key }
    }

    /// The value of the last member named `key`, without copying the member (a hot path: rules look members up
    /// by name all the time).
    public func memberValue(_ key: String) -> Node? {
        guard case .object(let members) = value, let index = Node.lastIndex(of: key, in: members) else { return nil }
        return members[index].value
    }

    /// Where the last member named `key` is among `members` (the one `memberValue` reads), for a caller that reads
    /// the member in place.
    public static func lastIndex(of key: String, in members: Members) -> Int? {
        // Comparing lengths first (known without reading the text) skips most unequal keys cheaply.
        let length = key.utf8.count
        var index = members.endIndex
        while index > members.startIndex {
            index -= 1
            let candidate = members[index].key.text
            if candidate.utf8.count == length && candidate == key { return index }
        }
        return nil
    }

    public var elements: Elements? {
        if case .array(let elements) = value { return elements }
        return nil
    }

    public var string: StringValue? {
        if case .string(let string) = value { return string }
        return nil
    }

    /// The string of a string node with no YAML tag (which could make it an intrinsic function or another type).
    var untaggedString: StringValue? {
        if case .string(let string) = value, metadata?.tag == nil { return string }
        return nil
    }

    /// The JSON type name as AWS and the SDKs speak of it: string, integer, number, boolean, null, list, map.
    public var typeName: String {
        switch value {
        case .object: "map"
        case .array: "list"
        case .string: "string"
        case .number(let number): number.isInteger ? "integer" : "number"
        case .bool: "boolean"
        case .null: "null"
        }
    }
}

extension Node {
    /// In an extension, so that it can hand over to the memberwise initializer: one that sets the stored properties
    /// itself builds the node in a temporary, and the optimizer leaves a copy of it behind (a retain and a release
    /// for every node parsed).
    public init(
        _ value: Value, range: SourceRange, tag: String? = nil, aliasOf: String? = nil, yaml11Reading: String? = nil
    ) {
        self.init(
            value: value, range: range,
            metadata: tag == nil && aliasOf == nil && yaml11Reading == nil
                ? nil : Metadata(tag: tag, aliasOf: aliasOf, yaml11Reading: yaml11Reading))
    }
}

/// A number kept as written, so huge or precise values are neither rounded nor a crash.
@_spi(Internals) public struct NumberValue: Hashable, Sendable {
    /// The literal as written in the source (`300`, `300.0`, `3e2`, `0x12C`).
    public var literal: String
    /// The exact integer value when the number is an integer that fits in 64 bits.
    public var integer: Int?
    /// Whether the literal denotes an integer (no fraction or exponent), whatever its size.
    public var isInteger: Bool

    public init(literal: String, integer: Int?, isInteger: Bool) {
        self.literal = literal
        self.integer = integer
        self.isInteger = isInteger
    }
}

extension Node {
    /// The node's first character (an object's `{`), for problems about the node as a whole that should not
    /// underline many lines.
    public var firstCharacterRange: SourceRange {
        var end = range.start
        end.column += 1
        end.offset += 1
        return SourceRange(start: range.start, end: range.end.offset < end.offset ? range.end : end)
    }
}
