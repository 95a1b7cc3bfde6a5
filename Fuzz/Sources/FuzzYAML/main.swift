@_spi(Internals) import ActivityLint
import FuzzSupport

/// libFuzzer entry point: the YAML loader (libyaml events composed into nodes) on one input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard isParserInput(bytes) else { return -1 }
    let source = SourceText(bytes: bytes)
    let limits = ParseLimits(maxDepth: 64, maxAliases: 100, maxFileSize: 1 << 20)
    let parsed = YAMLLoader.load(source, limits: limits)
    checkParsed(parsed, in: source)
    return 0
}

runFuzzer(fuzzYAML)
