@_spi(Internals) import ActivityLint
import FuzzSupport

/// libFuzzer entry point: the strict JSON parser on one input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard isParserInput(bytes) else { return -1 }  // -1: do not add to the corpus
    let source = SourceText(bytes: bytes)
    let limits = ParseLimits(maxDepth: 64, maxAliases: 100, maxFileSize: 1 << 20)
    let parsed = JSONParser.parse(source, limits: limits)
    checkParsed(parsed, in: source)
    fuzzCheck(parsed.documents.count <= 1, "JSON gave \(parsed.documents.count) documents")
    if parsed.documents.isEmpty {
        // No value: either the file is blank or something was reported.
        let blank = bytes[source.contentOffset...].allSatisfy { [0x20, 0x09, 0x0A, 0x0D].contains($0) }
        fuzzCheck(blank || !parsed.findings.isEmpty, "no document and no finding")
    }
    return 0
}

runFuzzer(fuzzJSON)
