import Testing
@testable import ActivityLint

/// The shortcuts the hot paths take agree with the slow, obvious answer.
struct FastPathTests {
    @Test func tagCharsetASCIIMasksMatchThePattern() {
        for value in 0..<128 {
            let scalar = Unicode.Scalar(UInt8(value))
            let category = scalar.properties.generalCategory
            let isLetterSpaceOrNumber = [
                .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
                .letterNumber, .otherNumber, .spaceSeparator, .lineSeparator, .paragraphSeparator,
            ].contains(category)
            let expected = isLetterSpaceOrNumber || "_.:/=+-@".unicodeScalars.contains(scalar)
            #expect(TagCharset.isAllowedASCII(UInt8(value)) == expected, "U+\(String(value, radix: 16))")
        }
        #expect(!TagCharset.isAllowedASCII(0x80))
        #expect(!TagCharset.isAllowedASCII(0xFF))
    }

    @Test(arguments: ["", "orders", "é", "e\u{301}", "日本語", "🙂x", "a\u{0}b", String(repeating: "ü", count: 300)])
    func textSummaryMatchesTheText(text: String) {
        let summary = TextSummary(text)
        #expect(summary.scalarCount == text.unicodeScalars.count)
        #expect(summary.hasNonASCII == !text.unicodeScalars.allSatisfy(\.isASCII))
        let allowsOnlyPresent = text.unicodeScalars.filter(\.isASCII).reduce(into: (UInt64(0), UInt64(0))) { mask, scalar in
            let value = UInt64(scalar.value)
            if value < 64 { mask.0 |= 1 << value } else { mask.1 |= 1 << (value - 64) }
        }
        #expect(summary.usesOnlyASCII(low: allowsOnlyPresent.0, high: allowsOnlyPresent.1) == !summary.hasNonASCII)
        if text.contains("o") { #expect(!summary.usesOnlyASCII(low: ~0, high: ~(1 << UInt64(0x6F - 64)))) }
    }

    @Test func tagKeysRepeatOnlyWhenTheirCodePointsAreEqual() {
        // "é" precomposed and decomposed are different keys to AWS, though Swift strings call them equal.
        let result = Linter.builtIn().lint(text: """
            {"name": "a", "tags": [{"key": "caf\u{E9}", "value": "1"}, {"key": "cafe\u{301}", "value": "2"},
                                   {"key": "team", "value": "x"}, {"key": "team", "value": "y"}]}
            """, path: "t.json")
        let repeated = result.diagnostics.filter { $0.ruleID == "tag-duplicate-key" }
        #expect(repeated.count == 1)
        #expect(repeated.first?.message.contains("team") == true)
    }

    @Test func manyTagsUseTheHashedPathWithTheSameAnswer() {
        let tags = (0..<70).map { #"{"key": "k\#($0 % 65)", "value": "v\#($0)"}"# }.joined(separator: ",")
        let result = Linter.builtIn().lint(text: #"{"name": "a", "tags": [\#(tags)]}"#, path: "t.json")
        #expect(result.diagnostics.filter { $0.ruleID == "tag-duplicate-key" }.count == 5)
        #expect(result.diagnostics.contains { $0.ruleID == "tags-too-many" && $0.message.hasPrefix("65 distinct tag keys") })
    }
}
