/// Releases node trees without recursion.
///
/// Swift frees a tree by freeing each array of children from inside its parent's release, one native stack frame
/// per level: with `--max-depth` raised, a million nested `[` would overflow the stack when the tree is dropped.
/// Trees deeper than `recursionSafeDepth` are taken apart here instead: every children array is held, found once
/// (aliases share arrays), and let go parents before children, so freeing a parent only lowers its children's
/// counts and no release ever reaches more than one level down. Shallow trees, nearly all, are left to Swift.
enum NodeTeardown {
    /// Depth up to which Swift's own recursive release is safe on any thread's stack.
    static let recursionSafeDepth = 512

    /// Drops `nodes` (left empty) without recursion when they nest deeper than `recursionSafeDepth`. The caller
    /// must hold the last references to the trees, or whoever holds them later frees them the recursive way.
    static func release(_ nodes: inout [Node], depth: Int) {
        guard depth > recursionSafeDepth else {
            nodes = []
            return
        }
        // The roots move to the walk's stack: from here on it and `finished` hold the only references.
        var pending: [(node: Node, finished: Bool)] = nodes.map { ($0, false) }
        nodes = []
        var seen = Set<UnsafeRawPointer>()
        // Children arrays in the order their walk finished: a child always before every parent that holds it.
        var finished: [Children] = []
        while let (node, done) = pending.popLast() {
            guard let children = Children(node.value) else { continue }
            if done {
                finished.append(children)
            } else if seen.insert(children.identity).inserted {
                pending.append((node, true))
                children.forEachChild { pending.append(($0, false)) }
            }
        }
        // Parents first: a parent's release finds each child still held below it, so nothing recurses.
        while finished.popLast() != nil {}
    }

    /// One non-empty array of children, held.
    private enum Children {
        case elements(Node.Elements)
        case members(Node.Members)

        init?(_ value: Node.Value) {
            switch value {
            case .array(let elements) where !elements.isEmpty: self = .elements(elements)
            case .object(let members) where !members.isEmpty: self = .members(members)
            default: return nil
            }
        }

        /// The address of the array's storage: the same for every node that shares it.
        var identity: UnsafeRawPointer {
            switch self {
            case .elements(let elements): elements.identity!
            case .members(let members): members.identity!
            }
        }

        func forEachChild(_ body: (Node) -> Void) {
            switch self {
            case .elements(let elements): for element in elements { body(element) }
            case .members(let members): for member in members { body(member.value) }
            }
        }
    }
}
