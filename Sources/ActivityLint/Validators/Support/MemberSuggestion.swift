/// Finds the member a misspelt key most likely meant: `Name` → `name`, `kms_key_id` → `kmsKeyId`, `tag` → `tags`,
/// `nmae` → `name`.
enum MemberSuggestion {
    static func closest(to key: String, among known: [String]) -> String? {
        suggestion(for: key, among: known)?.member
    }

    /// The nearest known member, and whether it is the only one that near (a fix may rename only then).
    static func suggestion(for key: String, among known: [String]) -> (member: String, isUnambiguous: Bool)? {
        let word = Spelling.normalized(key)
        let exact = known.filter { Spelling.normalized($0) == word }
        if let first = exact.first { return (first, exact.count == 1) }
        // Near enough: one edit per four letters of the member, at least one.
        let near = known.compactMap { member -> (String, Int)? in
            let limit = max(1, member.count / 4)
            let distance = Spelling.distance(word, Spelling.normalized(member), limit: limit)
            return distance <= limit ? (member, distance) : nil
        }
        guard let best = near.min(by: { $0.1 < $1.1 }) else { return nil }
        return (best.0, near.filter { $0.1 == best.1 }.count == 1)
    }
}
