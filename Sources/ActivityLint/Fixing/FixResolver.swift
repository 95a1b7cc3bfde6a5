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
        guard let edits = edits(for: proposal.change), !edits.isEmpty,
              !edits.contains(where: touchesAliasedAnchor)
        else { return nil }
        return Fix(title: proposal.title, applicability: proposal.applicability, edits: edits)
    }

    private func edits(for change: FixProposal.Change) -> [TextEdit]? {
        switch change {
        case .replaceText(let string, let text):
            guard let content = contentRange(of: string) else { return nil }
            return replacing(content, in: string, with: text)
        case .replaceScalars(let string, let scalars, let text):
            guard let content = contentRange(of: string) else { return nil }
            let utf8 = Array(string.text.unicodeScalars)
            guard scalars.lowerBound >= 0, scalars.upperBound <= utf8.count else { return nil }
            var replaced = String.UnicodeScalarView()
            replaced.append(contentsOf: utf8[..<scalars.lowerBound])
            replaced.append(contentsOf: text.unicodeScalars)
            replaced.append(contentsOf: utf8[scalars.upperBound...])
            return replacing(content, in: string, with: String(replaced))
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
    private func contentRange(of string: StringValue) -> Range<Int>? {
        guard string.scalarPositions == nil, string.loneSurrogates.isEmpty else { return nil }
        let start = string.contentStart.offset
        let end = start + string.text.utf8.count
        guard start >= 0, end <= bytes.count, bytes[start..<end].elementsEqual(string.text.utf8) else { return nil }
        return start..<end
    }

    /// Writes `text` over a string's content in the string's own style; a plain YAML scalar whose new text would
    /// not stay a plain string gets double quotes.
    private func replacing(_ content: Range<Int>, in string: StringValue, with text: String) -> [TextEdit]? {
        let opening = content.lowerBound > 0 ? bytes[content.lowerBound - 1] : 0
        let isQuoted = (opening == UInt8(ascii: "\"") || opening == UInt8(ascii: "'"))
            && content.upperBound < bytes.count && bytes[content.upperBound] == opening
        let replacement: String
        if isQuoted {
            guard let written = opening == UInt8(ascii: "\"")
                ? ScalarStyle.insideDoubleQuotes(text) : ScalarStyle.insideSingleQuotes(text)
            else { return nil }
            replacement = written
        } else {
            guard syntax == .yaml else { return nil }
            guard let written = ScalarStyle.isPlainString(text) ? text : ScalarStyle.doubleQuoted(text) else { return nil }
            replacement = written
        }
        return [TextEdit(offset: content.lowerBound, endOffset: content.upperBound, replacement: replacement)]
    }

    private func touchesAliasedAnchor(_ edit: TextEdit) -> Bool {
        aliasedRanges.contains { $0.lowerBound < max(edit.endOffset, edit.offset + 1) && edit.offset < $0.upperBound }
    }
}
