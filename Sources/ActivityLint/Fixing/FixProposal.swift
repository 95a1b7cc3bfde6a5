/// What a rule proposes to change, said by structure (rename this key, remove that tag), not by bytes: rules do not
/// know the syntax. `FixResolver` turns a proposal into byte edits for the file's syntax, or refuses.
@_spi(Internals) public struct FixProposal: Hashable, Sendable {
    public var title: String
    public var applicability: Fix.Applicability
    public var change: Change

    public init(_ title: String, _ applicability: Fix.Applicability, _ change: Change) {
        self.title = title
        self.applicability = applicability
        self.change = change
    }

    public enum Change: Hashable, Sendable {
        /// A string (a key or a value) gets new text, written in the string's own quoting style.
        case replaceText(StringValue, with: String)
        /// The characters of a string at `range` (where the rule found them) are replaced by `with`: a forbidden
        /// character, the part of a name over its length.
        case replaceCharacters(StringValue, range: SourceRange, with: String)
        /// A quoted number becomes the number: `"300"` -> `300` (`range` is the whole quoted scalar).
        case unquoteNumber(SourceRange, digits: String)
        /// A plain YAML scalar gets double quotes.
        case quote(SourceRange, text: String)
        /// Removes one entry of an object or list (a member from its key to the end of its value), given the
        /// entries beside it: the separator between them goes too. `container` is the object's or list's range.
        case removeEntry(
            container: SourceRange, entry: SourceRange, previous: SourceRange?, next: SourceRange?, isList: Bool)
    }
}

extension FixProposal.Change {
    /// Removes entry `index` of an object or list node.
    static func removing(entry index: Int, of container: Node) -> Self? {
        let spans: (Int) -> SourceRange?
        let count: Int
        switch container.value {
        case .object(let members):
            count = members.count
            spans = { members.indices.contains($0) ? SourceRange(start: members[$0].keyRange.start, end: members[$0].value.range.end) : nil }
        case .array(let elements):
            count = elements.count
            spans = { elements.indices.contains($0) ? elements[$0].range : nil }
        default:
            return nil
        }
        guard let entry = spans(index), count > 1 else { return nil }
        return .removeEntry(
            container: container.range, entry: entry, previous: spans(index - 1), next: spans(index + 1),
            isList: container.elements != nil)
    }
}
