/// The edits that remove one member of an object or one element of a list, keeping the rest of the file as it is.
///
/// JSON and YAML flow collections lose the entry with the separator before it (or after it, for the first entry).
/// A YAML block collection loses the entry's whole lines, when the entry starts its line (after the indentation and,
/// for a list, its `- `) and nothing but a comment follows it on its last line. The only entry is never removed:
/// an empty block collection would read as null.
struct EntryRemoval {
    let bytes: [UInt8]
    let syntax: Syntax

    func edits(
        container: SourceRange, entry: SourceRange, previous: SourceRange?, next: SourceRange?, isList: Bool
    ) -> [TextEdit]? {
        guard previous != nil || next != nil, container.end.offset <= bytes.count else { return nil }
        let first = container.start.offset
        let isFlow = syntax == .json
            || (first < bytes.count && (bytes[first] == UInt8(ascii: "{") || bytes[first] == UInt8(ascii: "[")))
        guard isFlow else { return blockEdits(entry: entry, isList: isList) }
        // `, entry` after the previous entry, or `entry, ` before the next.
        if let previous {
            guard onlySeparator(previous.end.offset, entry.start.offset) else { return nil }
            return [TextEdit(offset: previous.end.offset, endOffset: entry.end.offset, replacement: "")]
        }
        guard let next, onlySeparator(entry.end.offset, next.start.offset) else { return nil }
        return [TextEdit(offset: entry.start.offset, endOffset: next.start.offset, replacement: "")]
    }

    /// Between two entries there must be exactly one comma and white space: anything else (a comment) is kept by
    /// refusing.
    private func onlySeparator(_ from: Int, _ to: Int) -> Bool {
        guard from <= to, to <= bytes.count else { return false }
        var commas = 0
        for byte in bytes[from..<to] {
            switch byte {
            case UInt8(ascii: ","): commas += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0A, 0x0D: continue
            default: return false
            }
        }
        return commas == 1
    }

    private func blockEdits(entry: SourceRange, isList: Bool) -> [TextEdit]? {
        let start = entry.start.offset
        var lineStart = start
        while lineStart > 0, bytes[lineStart - 1] != 0x0A, bytes[lineStart - 1] != 0x0D { lineStart -= 1 }
        // Before the entry on its line: indentation, and for a list element its own `- ` (a member after a dash is
        // the first of a list item's mapping: removing its line would take the dash along).
        var dashes = 0
        for byte in bytes[lineStart..<start] {
            if byte == UInt8(ascii: "-") { dashes += 1 } else if byte != UInt8(ascii: " ") { return nil }
        }
        guard dashes == (isList ? 1 : 0) else { return nil }
        // A value that ends at a line break (a block scalar) ends on the line before.
        var end = entry.end.offset
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        var lineEnd = end
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
        let rest = bytes[end..<lineEnd].drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard rest.isEmpty || rest.first == UInt8(ascii: "#") else { return nil }
        // The line break goes with the line (CR LF whole).
        if lineEnd < bytes.count, bytes[lineEnd] == 0x0D { lineEnd += 1 }
        if lineEnd < bytes.count, bytes[lineEnd] == 0x0A { lineEnd += 1 }
        return [TextEdit(offset: lineStart, endOffset: lineEnd, replacement: "")]
    }
}
