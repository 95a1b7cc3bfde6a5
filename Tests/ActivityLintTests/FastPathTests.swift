import Testing
@_spi(Internals) @testable import ActivityLint

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
            #expect(TagCharset.allowedASCII.contains(UInt8(value)) == expected, "U+\(String(value, radix: 16))")
        }
        #expect(!TagCharset.allowedASCII.contains(0x80))
        #expect(!TagCharset.allowedASCII.contains(0xFF))
    }

    @Test(arguments: [
        "", "orders", "é", "e\u{301}", "日本語", "🙂x", "a\u{0}b", String(repeating: "ü", count: 300), "aws:", "AwS:team",
        "aws", "aws;x", "AWS\u{1A}", "xaws:", "ａws:",
    ])
    func textSummaryMatchesTheText(text: String) {
        let summary = TextSummary(text)
        #expect(summary.hasReservedPrefix == (text.prefix(4).map { $0.lowercased() }.joined() == "aws:"))
        #expect(summary.scalarCount == text.unicodeScalars.count)
        #expect(summary.bytesHash == StableHash.fnv1a64(text.utf8))
        #expect(summary.hasNonASCII == !text.unicodeScalars.allSatisfy(\.isASCII))
        let present = ASCIISet { text.unicodeScalars.contains($0) }
        #expect(summary.usesOnly(present) == !summary.hasNonASCII)
        if text.contains("o") { #expect(!summary.usesOnly(ASCIISet { $0 != "o" })) }
    }

    /// A known text is taken as a literal; every other text is decoded as before, so both give the same string.
    @Test func knownTextsAreTheirDecodedBytes() {
        let spellings = [
            "key", "Key", "name", "tags", "type", "Name", "Tags", "Type", "value", "Value", "kmsKeyId", "KmsKeyId",
            "Resources", "Properties", "AWS_OWNED_KEY", "encryptionConfiguration", "EncryptionConfiguration",
            "CUSTOMER_MANAGED_KMS_KEY", "kmsDataKeyReusePeriodSeconds", "KmsDataKeyReusePeriodSeconds",
            "AWS::StepFunctions::Activity",
        ]
        let others = [
            "", "k", "ke", "kez", "keys", "tagz", "team", "NAME", "valuE", "kmsKeyID", "Resource", "properties",
            "encryptionConfiguratioN", "CUSTOMER_MANAGED_KMS_KEZ", "AWS::StepFunctions::Activitx", "kéy", "日本",
        ]
        for text in spellings + others {
            let bytes = Array(text.utf8)
            let string = bytes.withUnsafeBufferPointer { KnownText.string($0) }
            #expect(string == text && Array(string.utf8) == bytes, "\(text)")
            let known = bytes.withUnsafeBufferPointer { KnownText.known($0) }
            #expect((known != nil) == spellings.contains(text), "\(text)")
        }
        // Bytes that are not UTF-8 are repaired as `String(decoding:as:)` repairs them.
        for bytes: [UInt8] in [[0x6B, 0x65, 0xFF], [0xC3], [0x6B, 0x65, 0x79, 0x80]] {
            let string = bytes.withUnsafeBufferPointer { KnownText.string($0) }
            #expect(string == String(decoding: bytes, as: UTF8.self))
        }
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

    @Test(arguments: [0, 1, 7, 8, 9, 100, 2_000])
    func firstOccurrencesMatchAFirstIndexSearch(count: Int) {
        var generator = SystemRandomNumberGenerator()
        // Few distinct texts, so most are repeats; "é" two ways differ in bytes.
        let alphabet = ["a", "b", "caf\u{E9}", "cafe\u{301}", "", "k1", "k10", "team"]
        let texts = (0..<count).map { _ in
            alphabet.randomElement(using: &generator)! + String(Int.random(in: 0..<(count / 4 + 1), using: &generator))
        }
        var table = FirstOccurrences(expecting: texts.count)
        for (position, text) in texts.enumerated() {
            let found = table.earlier(hash: TextSummary(text).bytesHash, storing: position) {
                texts[$0].utf8.elementsEqual(text.utf8)
            }
            let expected = texts.firstIndex { $0.utf8.elementsEqual(text.utf8) }
            #expect(found == (expected == position ? nil : expected), "\(text) at \(position)")
        }
    }

    @Test(arguments: [
        "", "Name", "name", "ActivityName", "kms_key_id", "KMS-Data-Key Reuse_Period", "TAGS", "@Z[`a{", "Énergie",
        "nAmE_É", "ǅ", "İd", "ß-tag",
    ])
    func normalizedSpellingMatchesLowercasingTheWholeText(key: String) {
        #expect(Spelling.normalized(key) == Spelling.withoutSeparators(key.lowercased().utf8))
    }

    @Test func wordTestsFindExactlyTheBytesAByteLoopFinds() {
        var generator = SystemRandomNumberGenerator()
        // Every byte value in every lane of a word of `a`s, then random words.
        var words: [UInt64] = []
        for value in 0...255 {
            for lane in UInt64(0)..<8 {
                let others: UInt64 = 0x6161_6161_6161_6161 & ~(0xFF << (8 * lane))
                words.append(others | UInt64(value) << (8 * lane))
            }
        }
        words += (0..<2_000).map { _ in UInt64.random(in: .min ... .max, using: &generator) }
        for word in words {
            var quotes: UInt64 = 0
            var stops: UInt64 = 0
            for lane in 0..<8 {
                let byte = UInt8(truncatingIfNeeded: word >> (8 * UInt64(lane)))
                let bit: UInt64 = 0x80 << (8 * UInt64(lane))
                if byte == 0x22 { quotes |= bit }
                if byte == 0x22 || byte == 0x5C || byte < 0x20 || byte >= 0x80 { stops |= bit }
            }
            #expect(ByteWord.matches(of: 0x22, in: word) == quotes, "\(String(word, radix: 16))")
            #expect(ByteWord.jsonStringStops(in: word) == stops, "\(String(word, radix: 16))")
        }
    }

    @Test func manyTagsUseTheHashedPathWithTheSameAnswer() {
        let tags = (0..<70).map { #"{"key": "k\#($0 % 65)", "value": "v\#($0)"}"# }.joined(separator: ",")
        let result = Linter.builtIn().lint(text: #"{"name": "a", "tags": [\#(tags)]}"#, path: "t.json")
        #expect(result.diagnostics.filter { $0.ruleID == "tag-duplicate-key" }.count == 5)
        #expect(result.diagnostics.contains { $0.ruleID == "tags-too-many" && $0.message.hasPrefix("65 distinct tag keys") })
    }

    @Test func positionsBeyondThirtyTwoBitsSaturateInsteadOfTrapping() {
        var position = SourcePosition(line: Int.max, column: -1, offset: Int.max)
        #expect(position.line == Int(Int32.max))
        #expect(position.column == -1)
        #expect(position.offset == Int.max)
        position.column = Int(Int32.max) + 10
        #expect(position.column == Int(Int32.max))
    }
}
