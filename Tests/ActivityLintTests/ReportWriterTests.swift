import Testing

@_spi(Internals) @testable import ActivityLint

/// A run writes text and annotations file by file and JSON and SARIF as one document; it learns which from the
/// format's writer, not by casting the reporter.
struct ReportWriterTests {
    @Test(arguments: OutputFormat.allCases)
    func textAndAnnotationsStreamJSONAndSARIFAreOneDocument(format: OutputFormat) {
        switch format.writer(color: false) {
        case .streaming(let reporter):
            #expect([.text, .github].contains(format))
            #expect(type(of: reporter) == type(of: format.reporter(color: false)))
        case .document(let reporter):
            #expect([.json, .sarif].contains(format))
            #expect(type(of: reporter) == type(of: format.reporter(color: false)))
        }
    }

    @Test func sarifWritesWithTheCapsItIsGiven() throws {
        let writer = OutputFormat.sarif.writer(color: false, sarif: SARIFReporter(maxResults: 7, maxBytes: 900))
        guard case .document(let reporter) = writer else {
            Issue.record("SARIF is not written as one document")
            return
        }
        let sarif = try #require(reporter as? SARIFReporter)
        #expect((sarif.maxResults, sarif.maxBytes) == (7, 900))
    }
}
