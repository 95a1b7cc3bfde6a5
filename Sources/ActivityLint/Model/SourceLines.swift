/// The source lines a report quotes: only those where a diagnostic starts, so a run over many files keeps a few
/// lines per file in memory instead of every file's bytes.
@_spi(Internals) public struct SourceLines: Sendable {
    private var lines: [Int: String]

    /// Keeps the lines of `source` on which one of `diagnostics` starts.
    @_spi(Internals) public init(_ source: SourceText, for diagnostics: [Diagnostic]) {
        var lines: [Int: String] = [:]
        for diagnostic in diagnostics where lines[diagnostic.range.start.line] == nil {
            let number = diagnostic.range.start.line
            if number >= 1, number <= source.lineStarts.count { lines[number] = source.line(number) }
        }
        self.lines = lines
    }

    /// Keeps one more line (for diagnostics added after the file was checked).
    mutating func add(line number: Int, text: String) {
        if lines[number] == nil { lines[number] = text }
    }

    /// Drops the lines no diagnostic of `diagnostics` starts on (after some were left out of a report).
    mutating func keep(only diagnostics: [Diagnostic]) {
        let needed = Set(diagnostics.map(\.range.start.line))
        lines = lines.filter { needed.contains($0.key) }
    }

    /// A kept line's text without its line break, or nil.
    public func line(_ number: Int) -> String? { lines[number] }
}
