/// The rule id a misspelt one most likely meant (`name-forbiden-character` → `name-forbidden-character`), for every
/// place a user names rules: the configuration, suppression comments, `explain`.
public enum RuleSuggestion {
    public static func closest(to id: String, among known: some Sequence<String>) -> String? {
        // Sorted, so that a tie between two ids always suggests the same one.
        MemberSuggestion.closest(to: id, among: known.sorted())
    }

    /// "; did you mean `ID`?", or "" when no rule is close.
    public static func hint(for id: String, among known: some Sequence<String>) -> String {
        closest(to: id, among: known).map { "; did you mean `\($0)`?" } ?? ""
    }
}
