@_spi(Internals) import ActivityLint

/// Limits small enough that libFuzzer spends its time on many inputs, not on one deep or aliased tree.
package let fuzzLimits = ParseLimits(maxDepth: 64, maxAliases: 100, maxFileSize: 1 << 20)

/// The built-in rules under `fuzzLimits`, as the targets that lint whole files run them.
package let fuzzLinter = Linter(engine: Linter.builtIn().engine, limits: fuzzLimits)

/// libFuzzer's input as a named file: the first byte picks one of `names` (so the parsers, content detection and
/// file names that name an activity are all reached), the rest is the file. nil for an empty input.
package func namedFile(_ data: UnsafePointer<UInt8>?, _ size: Int, names: [String]) -> (path: String, bytes: [UInt8])? {
    let all = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let selector = all.first else { return nil }
    return (names[Int(selector) % names.count], Array(all.dropFirst()))
}
