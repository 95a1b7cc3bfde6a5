/// Applies fixes to a file's bytes: each fix whole or not at all, in file order, a fix that overlaps one already
/// taken waiting for the next round (the file is linted again after each round).
enum FixApplier {
    static func apply(_ fixes: [Fix], to bytes: [UInt8]) -> (bytes: [UInt8], applied: Int) {
        let ordered = fixes.filter { $0.edits.allSatisfy { $0.offset <= $0.endOffset && $0.endOffset <= bytes.count } }
            .sorted { ($0.edits.map(\.offset).min() ?? 0) < ($1.edits.map(\.offset).min() ?? 0) }
        // Kept sorted by offset: fixes come in file order, so nearly every edit goes at the end, and a binary search
        // finds the neighbours a new edit could collide with.
        var taken: [TextEdit] = []
        var applied = 0
        for fix in ordered {
            let edits = fix.edits.sorted { $0.offset < $1.offset }
            let overlapsItself = zip(edits, edits.dropFirst()).contains { $0.endOffset > $1.offset }
            guard !overlapsItself, !edits.contains(where: { collides($0, with: taken) }) else { continue }
            for edit in edits { taken.insert(edit, at: insertionIndex(of: edit, in: taken)) }
            applied += 1
        }
        guard applied > 0 else { return (bytes, 0) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var next = 0
        for edit in taken {
            result += bytes[next..<edit.offset]
            result += edit.replacement.utf8
            next = edit.endOffset
        }
        result += bytes[next...]
        return (result, applied)
    }

    private static func insertionIndex(of edit: TextEdit, in taken: [TextEdit]) -> Int {
        var low = 0
        var high = taken.count
        while low < high {
            let middle = (low + high) / 2
            if taken[middle].offset <= edit.offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Whether `edit` collides with an edit already taken: only its neighbours in offset order can.
    private static func collides(_ edit: TextEdit, with taken: [TextEdit]) -> Bool {
        let index = insertionIndex(of: edit, in: taken)
        return (index > 0 && overlaps(taken[index - 1], edit)) || (index < taken.count && overlaps(taken[index], edit))
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
