import Testing
@_spi(Internals) @testable import ActivityLint

/// How the catalog writes failing examples: markers for positions, and the mapping form for a fix pair.
struct CatalogExampleTests {
    func rule(examples: String) throws(CatalogError) -> RuleDescriptor {
        let text = "rules:\n  - id: name-length\n    severity: error\n    summary: s\n    examples:\n" + examples
        return try CatalogFileReader.rules(in: text, file: "Rules/test.yml")[0]
    }

    func error(examples: String) -> String? {
        do {
            _ = try rule(examples: examples)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func markersAreStrippedAndGiveByteOffsetsIntoTheText() {
        let example = RuleExample(#"{"name": "é↓ ↓↓q"}"#)
        #expect(example.text == #"{"name": "é q"}"#)
        #expect(example.markerOffsets == [12, 13, 13])
        #expect(RuleExample(#"{"name": "ok"}"#).markerOffsets.isEmpty)
    }

    @Test func aMarkerBeforeACombiningMarkIsStillAMarker() {
        let example = RuleExample("e↓\u{301}")
        #expect(example.text == "e\u{301}")
        #expect(example.markerOffsets == [1])
    }

    @Test func aFailingExampleIsAStringOrATextWithItsFixedForm() throws {
        let read = try rule(examples: """
                  fail:
                    - '{"name": ↓""}'
                    - text: '{"↓Name": "ok"}'
                      fixed: '{"name": "ok"}'
                  pass: ['{"name": "ok"}']

            """)
        #expect(read.failingExamples == [
            RuleExample(#"{"name": ↓""}"#), RuleExample(#"{"↓Name": "ok"}"#, fixed: #"{"name": "ok"}"#),
        ])
        #expect(read.passingExamples == [#"{"name": "ok"}"#])
    }

    @Test func malformedExamplesAreCatalogErrorsAtTheirPlace() {
        #expect(error(examples: "      fail:\n        - fixed: 'x'\n")
            == "Rules/test.yml:7:11: an example mapping needs `text`")
        #expect(error(examples: "      fail:\n        - text: 'x'\n          fixd: 'y'\n")
            == "Rules/test.yml:8:11: unknown key `fixd` in an example; did you mean `fixed`?")
        #expect(error(examples: "      fail:\n        - text: [x]\n")
            == "Rules/test.yml:7:17: `text` must be a string")
        #expect(error(examples: "      fail:\n        - [x]\n")
            == "Rules/test.yml:7:11: a failing example must be a string or a mapping with `text` and `fixed`")
        #expect(error(examples: "      pass:\n        - text: 'x'\n")
            == "Rules/test.yml:7:11: a passing example must be a string")
    }

    @Test func docsShowTheMarkersAndEachFixAsBeforeAndAfter() {
        let rule = RuleDescriptor(
            id: "unknown-member", validator: "unknown-member", severity: .error, exception: nil, summary: "s",
            documentation: "", passingExamples: ["name: ok\n"],
            failingExamples: [RuleExample(#"↓["orders"]"#), RuleExample(#"{"↓Name": "ok"}"#, fixed: #"{"name": "ok"}"#)])
        let page = RuleDocumentation.markdown(for: rule)
        #expect(page.hasSuffix("""
            ## Reported

            `↓` marks where each diagnostic starts; it is not part of the text.

            ```json
            ↓["orders"]
            ```

            ```json
            {"↓Name": "ok"}
            ```

            After the fix:

            ```json
            {"name": "ok"}
            ```

            ## Accepted

            ```yaml
            name: ok
            ```


            """))
    }
}
