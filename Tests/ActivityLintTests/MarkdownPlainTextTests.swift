import Testing
@_spi(Internals) @testable import ActivityLint

/// SARIF `text` fields carry rule documentation without Markdown: what each mark becomes, and that a line of
/// unmatched brackets (a rule pack's documentation is input from a pull request) costs its length.
struct MarkdownPlainTextTests {
    static let conversions: [(markdown: String, plain: String)] = [
        ("Use `name` here.", "Use name here."),
        ("**Bold** and __strong__ text", "Bold and strong text"),
        ("See [the API](https://docs.aws.amazon.com/x).", "See the API (https://docs.aws.amazon.com/x)."),
        ("A link to itself: [https://a.b](https://a.b)", "A link to itself: https://a.b"),
        ("![diagram](img.png) and [empty]()", "diagram (img.png) and empty"),
        ("[not a link] and [half](open", "[not a link] and [half](open"),
        ("# Heading\n\nText café — ünïcode `ok`", "Heading\n\nText café — ünïcode ok"),
        ("```json\n{\"name\": \"`x`\"}\n```\nAfter", "{\"name\": \"`x`\"}\nAfter"),
        ("  \n\tIndented\n  ", "Indented"),
    ]

    @Test(arguments: conversions)
    func markIsRemoved(_ markdown: String, _ plain: String) {
        #expect(MarkdownPlainText.plainText(markdown) == plain)
    }

    @Test
    func firstParagraphIsOneLineOfProse() {
        let documentation = "# Rule\n\n```\ncode\n```\n\nThe **name** must\n  be [short](u).\n\nMore."
        #expect(MarkdownPlainText.firstParagraph(documentation) == "The name must be short (u).")
        #expect(MarkdownPlainText.firstParagraph("# Only a heading\n```\ncode\n```") == nil)
    }

    @Test
    func manyUnmatchedBracketsAreKeptAsTheyAre() {
        let line = String(repeating: "[", count: 200_000) + "](" + String(repeating: "x", count: 10)
        #expect(MarkdownPlainText.plainText(line) == line)
        let links = String(repeating: "[a](b)", count: 50_000)
        #expect(MarkdownPlainText.plainText(links) == String(repeating: "a (b)", count: 50_000))
    }
}
