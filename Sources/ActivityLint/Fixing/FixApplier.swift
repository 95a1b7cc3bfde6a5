/// Applies fixes to a file's bytes: each fix whole or not at all, in file order, a fix that overlaps one already
/// taken waiting for the next round (the file is linted again after each round).
enum FixApplier {
    static func apply(_ fixes: [Fix], to bytes: [UInt8]) -> (bytes: [UInt8], applied: Int) {
        let ordered = fixes.filter { $0.edits.allSatisfy { $0.offset <= $0.endOffset && $0.endOffset <= bytes.count } }
            .sorted { ($0.edits.map(\.offset).min() ?? 0) < ($1.edits.map(\.offset).min() ?? 0) }
        var taken: [TextEdit] = []
        var applied = 0
        for fix in ordered {
            let edits = fix.edits.sorted { $0.offset < $1.offset }
            let overlapsItself = zip(edits, edits.dropFirst()).contains { $0.endOffset > $1.offset }
            guard !overlapsItself, !edits.contains(where: { edit in taken.contains { overlaps($0, edit) } }) else { continue }
            taken += edits
            applied += 1
        }
        guard applied > 0 else { return (bytes, 0) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var next = 0
        for edit in taken.sorted(by: { $0.offset < $1.offset }) {
            result += bytes[next..<edit.offset]
            result += edit.replacement.utf8
            next = edit.endOffset
        }
        result += bytes[next...]
        return (result, applied)
    }

    /// Two edits collide when their ranges share a byte, or when both insert at one place (their order would be
    /// a guess).
    private static func overlaps(_ a: TextEdit, _ b: TextEdit) -> Bool {
        if a.offset == a.endOffset || b.offset == b.endOffset {
            return a.offset == b.offset || (a.offset > b.offset && a.offset < b.endOffset)
                || (b.offset > a.offset && b.offset < a.endOffset)
        }
        return a.offset < b.endOffset && b.offset < a.endOffset
    }
}
