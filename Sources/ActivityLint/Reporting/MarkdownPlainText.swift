/// A light Markdown-to-plain-text conversion for SARIF `text` fields, which must not contain Markdown.
///
/// It drops code fences, heading markers, backticks and `**`/`__` emphasis, and turns `[text](url)` into
/// `text (url)`. It is meant for rule documentation, not for arbitrary Markdown.
enum MarkdownPlainText {
    /// The whole document as plain text, line structure kept.
    static func plainText(_ markdown: String) -> String {
        var result: [UInt8] = []
        var inFence = false
        var firstLine = true
        for line in lines(of: markdown) {
            let trimmed = line.drop { $0 == space }
            if isFence(trimmed) {
                inFence.toggle()
                continue
            }
            if !firstLine { result.append(lineFeed) }
            firstLine = false
            if inFence {
                result += line
            } else if trimmed.first == UInt8(ascii: "#") {
                appendInline(trimmed.drop { $0 == UInt8(ascii: "#") }.drop { $0 == space }, to: &result)
            } else {
                appendInline(line, to: &result)
            }
        }
        return String(decoding: trimmingEdges(result[...]), as: UTF8.self)
    }

    /// The first prose paragraph (not a heading, not code), as one line of plain text, or nil.
    static func firstParagraph(_ markdown: String) -> String? {
        var paragraph: [UInt8] = []
        var inFence = false
        for line in lines(of: markdown) {
            let trimmed = line.drop { $0 == space || $0 == tab }
            if isFence(trimmed) {
                inFence.toggle()
                if !paragraph.isEmpty { break }
                continue
            }
            if inFence { continue }
            if trimmed.isEmpty || trimmed.first == UInt8(ascii: "#") {
                if !paragraph.isEmpty { break }
                continue
            }
            if !paragraph.isEmpty { paragraph.append(space) }
            paragraph += trimmingEdges(trimmed)
        }
        guard !paragraph.isEmpty else { return nil }
        var result: [UInt8] = []
        appendInline(paragraph[...], to: &result)
        return String(decoding: result, as: UTF8.self)
    }

    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let lineFeed = UInt8(ascii: "\n")

    /// The document's lines, as UTF-8 (every mark is ASCII, and a byte below 0x80 is never part of another
    /// character's encoding, so the conversion walks bytes).
    private static func lines(of markdown: String) -> [ArraySlice<UInt8>] {
        Array(markdown.utf8).split(separator: lineFeed, omittingEmptySubsequences: false)
    }

    private static func isFence(_ line: ArraySlice<UInt8>) -> Bool {
        line.starts(with: "```".utf8) || line.starts(with: "~~~".utf8)
    }

    /// Without leading and trailing spaces, tabs and line breaks.
    private static func trimmingEdges(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isSpace = { (byte: UInt8) in byte == space || byte == tab || byte == lineFeed || byte == UInt8(ascii: "\r") }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) })
        else { return [] }
        return text[first...last]
    }

    /// Appends `text` without its inline markup.
    private static func appendInline(_ text: ArraySlice<UInt8>, to result: inout [UInt8]) {
        // Where the next `]` and `)` are from each position: trying a link at every `[` then rescans nothing, so a
        // line of many brackets costs its length.
        let nextBracket = nextIndices(of: UInt8(ascii: "]"), in: text)
        let nextParenthesis = nextIndices(of: UInt8(ascii: ")"), in: text)
        func next(_ table: [Int], from index: Int) -> Int { table[index - text.startIndex] }
        /// `[text](url)` starting at `start`: appended as `text (url)`, and the index after it; nil when none.
        func appendLink(at start: Int) -> Int? {
            let close = next(nextBracket, from: start + 1)
            guard close + 1 < text.endIndex, text[close + 1] == UInt8(ascii: "(") else { return nil }
            let end = next(nextParenthesis, from: close + 2)
            guard end < text.endIndex else { return nil }
            var label: [UInt8] = []
            appendInline(text[(start + 1)..<close], to: &label)
            let url = text[(close + 2)..<end]
            result += label
            if !url.isEmpty, !label.elementsEqual(url) {
                result += " (".utf8
                result += url
                result.append(UInt8(ascii: ")"))
            }
            return end + 1
        }
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            let following: UInt8? = index + 1 < text.endIndex ? text[index + 1] : nil
            if byte == UInt8(ascii: "`") {
                index += 1
            } else if byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_"), following == byte {
                index += 2
            } else if byte == UInt8(ascii: "!"), following == UInt8(ascii: "["), let end = appendLink(at: index + 1) {
                index = end
            } else if byte == UInt8(ascii: "["), let end = appendLink(at: index) {
                index = end
            } else {
                result.append(byte)
                index += 1
            }
        }
    }

    /// For each offset into `text` (and its end), the index of the first `byte` at or after it, or `endIndex`.
    private static func nextIndices(of byte: UInt8, in text: ArraySlice<UInt8>) -> [Int] {
        var table = [Int](repeating: text.endIndex, count: text.count + 2)
        var found = text.endIndex
        for index in text.indices.reversed() {
            if text[index] == byte { found = index }
            table[index - text.startIndex] = found
        }
        return table
    }
}
