/// What a rule proposes to change, said by structure (rename this key, remove that tag), not by bytes: rules do not
/// know the syntax. `FixResolver` turns a proposal into byte edits for the file's syntax, or refuses.
public struct FixProposal: Hashable, Sendable {
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
        /// The code points `scalars` of a string are replaced by `with` (forbidden characters in a name).
        case replaceScalars(StringValue, scalars: Range<Int>, with: String)
        /// A quoted number becomes the number: `"300"` -> `300` (`range` is the whole quoted scalar).
        case unquoteNumber(SourceRange, digits: String)
        /// A plain YAML scalar gets double quotes.
        case quote(SourceRange, text: String)
        /// Removes entry `index` of an object or list whose entries span `entries` (a member from its key to the
        /// end of its value). `container` is the object's or list's own range.
        case removeEntry(container: SourceRange, entries: [SourceRange], index: Int, isList: Bool)
    }
}

extension FixProposal.Change {
    /// Removes entry `index` of an object or list node.
    static func removing(entry index: Int, of container: Node) -> Self {
        switch container.value {
        case .object(let members):
            .removeEntry(container: container.range, entries: members.map {
                SourceRange(start: $0.keyRange.start, end: $0.value.range.end)
            }, index: index, isList: false)
        case .array(let elements):
            .removeEntry(container: container.range, entries: elements.map(\.range), index: index, isList: true)
        default:
            .removeEntry(container: container.range, entries: [], index: index, isList: false)
        }
    }
}
