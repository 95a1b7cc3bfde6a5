/// A light Markdown-to-plain-text conversion for SARIF `text` fields, which must not contain Markdown.
///
/// It drops code fences, heading markers, backticks and `**`/`__` emphasis, and turns `[text](url)` into
/// `text (url)`. It is meant for rule documentation, not for arbitrary Markdown.
enum MarkdownPlainText {
    /// The whole document as plain text, line structure kept.
    static func plainText(_ markdown: String) -> String {
        var lines: [String] = []
        var inFence = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                inFence.toggle()
                continue
            }
            if inFence {
                lines.append(String(line))
            } else if trimmed.hasPrefix("#") {
                lines.append(inline(String(trimmed.drop { $0 == "#" }.drop { $0 == " " })))
            } else {
                lines.append(inline(String(line)))
            }
        }
        return String(lines.joined(separator: "\n").trimmingEdges())
    }

    /// The first prose paragraph (not a heading, not code), as one line of plain text, or nil.
    static func firstParagraph(_ markdown: String) -> String? {
        var paragraph: [Substring] = []
        var inFence = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                inFence.toggle()
                if !paragraph.isEmpty { break }
                continue
            }
            if inFence { continue }
            if trimmed.isEmpty || trimmed.hasPrefix("#") {
                if !paragraph.isEmpty { break }
                continue
            }
            paragraph.append(trimmed)
        }
        guard !paragraph.isEmpty else { return nil }
        return inline(paragraph.map { String($0.trimmingEdges()) }.joined(separator: " "))
    }

    /// Removes inline markup from one line.
    private static func inline(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            if character == "`" {
                index += 1
            } else if character == "*" || character == "_", next == character {
                index += 2
            } else if character == "!", next == "[", let link = link(in: characters, at: index + 1) {
                result += link.text
                index = link.end
            } else if character == "[", let link = link(in: characters, at: index) {
                result += link.text
                index = link.end
            } else {
                result.append(character)
                index += 1
            }
        }
        return result
    }

    /// `[text](url)` starting at `start`, as `text (url)`, and the index after it.
    private static func link(in characters: [Character], at start: Int) -> (text: String, end: Int)? {
        guard let close = characters[(start + 1)...].firstIndex(of: "]"), close + 1 < characters.count,
            characters[close + 1] == "(", let end = characters[(close + 2)...].firstIndex(of: ")")
        else { return nil }
        let label = inline(String(characters[(start + 1)..<close]))
        let url = String(characters[(close + 2)..<end])
        return (label == url || url.isEmpty ? label : label + " (" + url + ")", end + 1)
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and line breaks.
    fileprivate func trimmingEdges() -> SubSequence {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex..<endIndex]
        }
        return self[first...last]
    }
}
