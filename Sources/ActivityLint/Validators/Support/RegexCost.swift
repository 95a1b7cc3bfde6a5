/// How big glibc's `regcomp` makes a POSIX extended regular expression, estimated from the pattern before it is
/// compiled: glibc expands a bounded repetition into copies of its operand (`x{0,255}` holds 255 copies of `x`),
/// so nested repetitions multiply, and `((a{0,255}){0,255}){0,255}` asks for 16 million nodes and gigabytes.
///
/// The estimate counts one element per literal, `.`, bracket expression, anchor, group and alternation, and
/// multiplies an operand by its repetition: n for `{m,n}` and `{n}`, m + 1 for `{m,}`, 2 for `+` (glibc copies
/// it once), 1 for `*` and `?`. The walk is one pass with its own stack of open groups.
enum RegexCost {
    /// Patterns over this many elements are refused; a real policy pattern is a few dozen.
    static let limit = 10_000
    static let limitText = "10,000"
    /// Groups nested deeper than this are refused: glibc parses groups recursively.
    static let maximumDepth = 100

    enum Verdict: Equatable {
        case fine
        case tooLarge
        case tooDeep
    }

    static func check(_ pattern: String) -> Verdict {
        let cap = limit + 1
        // Per open group: the alternatives closed so far, the current branch, and its last operand.
        var groups: [(closed: Int, branch: Int, last: Int)] = [(0, 0, 0)]
        var bytes = Array(pattern.utf8)[...]
        func operand(_ cost: Int) {
            groups[groups.count - 1].branch = min(cap, groups[groups.count - 1].branch + cost)
            groups[groups.count - 1].last = cost
        }
        func repeatLast(_ factor: Int) {
            var group = groups[groups.count - 1]
            guard group.last > 0 else { return operand(1) }
            let repeated = min(cap, group.last * max(factor, 1) + 1)
            group.branch = min(cap, group.branch - group.last + repeated)
            group.last = repeated
            groups[groups.count - 1] = group
        }
        while let byte = bytes.popFirst() {
            switch byte {
            case UInt8(ascii: "\\"):
                _ = bytes.popFirst()
                operand(1)
            case UInt8(ascii: "["):
                skipBracket(&bytes)
                operand(1)
            case UInt8(ascii: "("):
                groups.append((0, 0, 0))
                if groups.count > maximumDepth { return .tooDeep }
            case UInt8(ascii: ")") where groups.count > 1:
                let group = groups.removeLast()
                operand(min(cap, group.closed + group.branch + 1))
            case UInt8(ascii: "|"):
                let group = groups[groups.count - 1]
                groups[groups.count - 1] = (min(cap, group.closed + group.branch + 1), 0, 0)
            case UInt8(ascii: "*"), UInt8(ascii: "?"):
                repeatLast(1)
            case UInt8(ascii: "+"):
                repeatLast(2)
            case UInt8(ascii: "{"):
                if let factor = bound(&bytes) { repeatLast(factor) } else { operand(1) }
            default:
                operand(1)
            }
            // A group's cost counts in its parent when it closes, so the open group is the one to check.
            if let group = groups.last, group.closed + group.branch > limit { return .tooLarge }
        }
        return .fine
    }

    /// Skips a bracket expression after its `[`: `]` first is a member, and `[:class:]`, `[=x=]`, `[.x.]` nest.
    private static func skipBracket(_ bytes: inout ArraySlice<UInt8>) {
        if bytes.first == UInt8(ascii: "^") { bytes.removeFirst() }
        if bytes.first == UInt8(ascii: "]") { bytes.removeFirst() }
        while let byte = bytes.popFirst() {
            if byte == UInt8(ascii: "]") { return }
            if byte == UInt8(ascii: "["), let kind = bytes.first, [UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: ".")].contains(kind) {
                bytes.removeFirst()
                while let inner = bytes.popFirst() {
                    if inner == kind, bytes.first == UInt8(ascii: "]") {
                        bytes.removeFirst()
                        break
                    }
                }
            }
        }
    }

    /// The repetition count of `{m}`, `{m,}`, `{,n}` or `{m,n}` after its `{` (consumed), or nil (nothing consumed)
    /// when the brace does not start a bound.
    private static func bound(_ bytes: inout ArraySlice<UInt8>) -> Int? {
        var rest = bytes
        func number() -> Int? {
            var value: Int?
            while let digit = rest.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) {
                value = min(1_000_000, (value ?? 0) * 10 + Int(digit - UInt8(ascii: "0")))
                rest.removeFirst()
            }
            return value
        }
        let low = number()
        var factor = low
        if rest.first == UInt8(ascii: ",") {
            rest.removeFirst()
            let high = number()
            factor = high ?? low.map { $0 + 1 }
        }
        guard let factor, rest.first == UInt8(ascii: "}") else { return nil }
        rest.removeFirst()
        bytes = rest
        return factor
    }
}
