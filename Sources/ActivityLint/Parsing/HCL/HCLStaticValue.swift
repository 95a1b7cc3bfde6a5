/// Static HCL values as the project's `Node` tree, so rules written for JSON and YAML can read them.
extension HCLExpression {
    /// The expression as a node when its value is known without evaluation: numbers, bools, null, strings
    /// without interpolations or directives, and tuples and objects (with identifier or literal string keys) of
    /// those; parentheses around one are looked through. Nil for anything else (`var.x`, `"a-${b}"`, calls).
    ///
    /// A string node spans the whole template, quotes included, like a JSON string's node.
    public var staticNode: Node? {
        switch kind {
        case .number(let number):
            return Node(.number(number), range: range)
        case .bool(let value):
            return Node(.bool(value), range: range)
        case .null:
            return Node(.null, range: range)
        case .template(let template):
            return template.literalText.map { Node(.string($0), range: range) }
        case .tuple(let elements):
            var nodes: [Node] = []
            nodes.reserveCapacity(elements.count)
            for element in elements {
                guard let node = element.staticNode else { return nil }
                nodes.append(node)
            }
            return Node(.array(Node.Elements(nodes)), range: range)
        case .object(let items):
            var members: [Node.Member] = []
            members.reserveCapacity(items.count)
            for item in items {
                guard let key = item.literalKey, let value = item.value.staticNode else { return nil }
                members.append(Node.Member(key: key, keyRange: item.key.range, value: value))
            }
            return Node(.object(Node.Members(members)), range: range)
        case .other(let other) where other.kind == .parentheses:
            return other.children.first?.staticNode
        case .traversal, .functionCall, .other:
            return nil
        }
    }
}
