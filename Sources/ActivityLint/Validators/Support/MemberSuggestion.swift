/// Finds the member a misspelt key most likely meant: `Name` → `name`, `kms_key_id` → `kmsKeyId`, `tag` → `tags`.
enum MemberSuggestion {
    static func closest(to key: String, among known: [String]) -> String? {
        let normalizedKey = normalize(key)
        if let exact = known.first(where: { normalize($0) == normalizedKey }) { return exact }
        let scored = known.map { ($0, editDistance(normalizedKey, normalize($0))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(1, best.0.count / 4) else { return nil }
        return best.0
    }

    /// Lowercased, without `_`, `-` and spaces: catches PascalCase, snake_case and kebab-case spellings.
    private static func normalize(_ text: String) -> [Character] {
        Array(text.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " })
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        if a.count > 64 { return a.count }
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, cb) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
