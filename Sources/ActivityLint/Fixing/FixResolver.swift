/// Turns a rule's `FixProposal` into byte edits for one file, or refuses: when a string's text is not exactly its
/// bytes (escapes, folded or multi-line YAML), when an edit would touch a YAML anchor that an alias uses elsewhere,
/// or when the entry cannot be removed without guessing at the layout. A refused proposal is no fix at all:
/// never a wrong one.
struct FixResolver {
    let bytes: [UInt8]
    let syntax: Syntax
    /// Byte ranges of YAML anchored nodes used by an alias.
    let aliasedRanges: [Range<Int>]

    init(source: SourceText, syntax: Syntax, aliasedRanges: [Range<Int>] = []) {
        bytes = source.bytes
        self.syntax = syntax
        self.aliasedRanges = aliasedRanges
    }

    func fix(for proposal: FixProposal) -> Fix? {
        // HCL strings have their own quoting and templates, which the edits here do not know: no fix at all.
        guard syntax != .hcl, let edits = edits(for: proposal.change), !edits.isEmpty,
              !edits.contains(where: touchesAliasedAnchor)
        else { return nil }
        return Fix(title: proposal.title, applicability: proposal.applicability, edits: edits)
    }

    private func edits(for change: FixProposal.Change) -> [TextEdit]? {
        switch change {
        case .replaceText(let string, let text):
            guard let content = contentRange(of: string) else { return nil }
            return replacing(content, in: string, with: text)
        case .replaceCharacters(let string, let range, let text):
            guard let content = contentRange(of: string), content.lowerBound <= range.start.offset,
                  range.start.offset <= range.end.offset, range.end.offset <= content.upperBound
            else { return nil }
            let style = ScalarStyle.Style(opening: content.lowerBound > 0 ? bytes[content.lowerBound - 1] : 0,
                                          closing: content.upperBound < bytes.count ? bytes[content.upperBound] : 0)
            // A plain scalar must not start anew: `-` or `?` first could turn it into a list or a key.
            if style == .plain, syntax != .yaml || range.start.offset == content.lowerBound { return nil }
            guard style.admits(text) else { return nil }
            return [TextEdit(offset: range.start.offset, endOffset: range.end.offset, replacement: text)]
        case .unquoteNumber(let range, let digits):
            let start = range.start.offset
            let end = range.end.offset
            guard end - start == digits.utf8.count + 2, end <= bytes.count, bytes[start] == UInt8(ascii: "\""),
                  bytes[end - 1] == UInt8(ascii: "\""), bytes[(start + 1)..<(end - 1)].elementsEqual(digits.utf8)
            else { return nil }
            return [TextEdit(offset: start, endOffset: end, replacement: digits)]
        case .quote(let range, let text):
            let start = range.start.offset
            let end = range.end.offset
            guard syntax == .yaml, end <= bytes.count, bytes[start..<end].elementsEqual(text.utf8),
                  let quoted = ScalarStyle.doubleQuoted(text)
            else { return nil }
            return [TextEdit(offset: start, endOffset: end, replacement: quoted)]
        case .removeEntry(let container, let entry, let previous, let next, let isList):
            return EntryRemoval(bytes: bytes, syntax: syntax)
                .edits(container: container, entry: entry, previous: previous, next: next, isList: isList)
        }
    }

    /// Where `string`'s text is in the file, when the bytes there are exactly its text (no escapes, no folding).
    /// Checked once per string: a name with thousands of reported characters asks thousands of times.
    private func contentRange(of string: StringValue) -> Range<Int>? {
        let start = string.contentStart.offset
        if let known = verified.ranges[start] { return known }
        var range: Range<Int>?
        let end = start + string.text.utf8.count
        if string.scalarPositions == nil, string.loneSurrogates.isEmpty, start >= 0, end <= bytes.count,
           bytes[start..<end].elementsEqual(string.text.utf8) {
            range = start..<end
        }
        verified.ranges[start] = .some(range)
        return range
    }

    /// The strings whose bytes were compared with their text, by where their content starts.
    private final class VerifiedStrings {
        var ranges: [Int: Range<Int>?] = [:]
    }

    private let verified = VerifiedStrings()

    /// Writes `text` over a string's content in the string's own style; a plain YAML scalar whose new text would
    /// not stay a plain string gets double quotes. The edit covers the whole text (a reader of the fix sees the new
    /// value, not a few changed letters).
    private func replacing(_ content: Range<Int>, in string: StringValue, with text: String) -> [TextEdit]? {
        let style = ScalarStyle.Style(opening: content.lowerBound > 0 ? bytes[content.lowerBound - 1] : 0,
                                      closing: content.upperBound < bytes.count ? bytes[content.upperBound] : 0)
        // A plain scalar exists only in YAML: JSON strings are always quoted.
        if style == .plain, syntax != .yaml { return nil }
        if style.admits(text), style != .plain || ScalarStyle.isPlainString(text) {
            return [TextEdit(offset: content.lowerBound, endOffset: content.upperBound, replacement: text)]
        }
        guard style == .plain, let quoted = ScalarStyle.doubleQuoted(text) else { return nil }
        return [TextEdit(offset: content.lowerBound, endOffset: content.upperBound, replacement: quoted)]
    }

    private func touchesAliasedAnchor(_ edit: TextEdit) -> Bool {
        aliasedRanges.contains { $0.lowerBound < max(edit.endOffset, edit.offset + 1) && edit.offset < $0.upperBound }
    }
}
