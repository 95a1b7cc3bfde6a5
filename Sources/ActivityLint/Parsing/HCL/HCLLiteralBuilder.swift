/// Collects the decoded text of one template literal and where each scalar came from, then makes the
/// `StringValue`. While each scalar is one column of its own bytes on one line, as in most strings, only the first
/// position is kept; a table of every scalar's position is made at the first escape, line break or gap.
struct HCLLiteralBuilder {
    private var utf8: [UInt8] = []
    private var scalarCount = 0
    /// Where the first scalar starts; nil while the literal is empty.
    private var first: SourcePosition?
    /// Every scalar's start, once they are irregular.
    private var positions: [SourcePosition]?
    private var end = SourcePosition.start
    /// Set after a `~}` strip marker: white space at the start of this literal is dropped.
    var trimsLeadingWhitespace: Bool

    init(trimsLeadingWhitespace: Bool = false) {
        self.trimsLeadingWhitespace = trimsLeadingWhitespace
    }

    /// Adds a scalar whose source text spans `[start, end)`.
    mutating func append(_ scalar: Unicode.Scalar, from start: SourcePosition, to end: SourcePosition) {
        if trimsLeadingWhitespace {
            if scalar.properties.isWhitespace { return }
            trimsLeadingWhitespace = false
        }
        let width = UTF8.width(scalar)
        let first = self.first ?? start
        self.first = first
        // Regular: this scalar starts where the one before ended and spans one column and its own UTF-8 bytes (an
        // escape such as \u00e9 spans more).
        if positions == nil,
            start != regularPosition(first, scalarCount, utf8.count)
                || end != regularPosition(first, scalarCount + 1, utf8.count + width)
        {
            positions = regularPositions(from: first)
        }
        positions?.append(start)
        if width == 1 {
            utf8.append(UInt8(scalar.value))
        } else {
            utf8.append(contentsOf: UTF8.encode(scalar)!)
        }
        scalarCount += 1
        self.end = end
    }

    /// Adds a run of ASCII characters other than line breaks, which the source spells as they are, starting at
    /// `start`: the common case, added without a position per character.
    mutating func append(asciiRun run: UnsafeBufferPointer<UInt8>, from start: SourcePosition) {
        var run = run
        var start = start
        if trimsLeadingWhitespace {
            let kept = run.firstIndex { $0 != 0x20 && $0 != 0x09 && $0 != 0x0B && $0 != 0x0C } ?? run.endIndex
            start.column += kept
            start.offset += kept
            run = UnsafeBufferPointer(rebasing: run[kept...])
            guard !run.isEmpty else { return }
            trimsLeadingWhitespace = false
        }
        guard !run.isEmpty else { return }
        let first = self.first ?? start
        self.first = first
        if positions == nil, start != regularPosition(first, scalarCount, utf8.count) {
            positions = regularPositions(from: first)
        }
        if positions != nil {
            for index in 0..<run.count {
                positions!.append(SourcePosition(line: start.line, column: start.column + index, offset: start.offset + index))
            }
        }
        utf8.append(contentsOf: run)
        scalarCount += run.count
        end = SourcePosition(line: start.line, column: start.column + run.count, offset: start.offset + run.count)
    }

    /// Drops white space at the end, for a `${~` or `%{~` strip marker after this literal.
    mutating func trimTrailingWhitespace() {
        while let first, let (scalar, width) = lastScalar(), scalar.properties.isWhitespace {
            utf8.removeLast(width)
            scalarCount -= 1
            end = positions?.removeLast() ?? regularPosition(first, scalarCount, utf8.count)
            if scalarCount == 0 {
                self.first = nil
                positions = nil
            }
        }
    }

    /// The literal collected so far as a template part (nil when empty), leaving the builder empty.
    mutating func take() -> HCLTemplatePart? {
        guard let first else { return nil }
        let value = StringValue(
            text: String(decoding: utf8, as: UTF8.self), contentStart: first, scalarPositions: positions)
        utf8.removeAll(keepingCapacity: true)
        scalarCount = 0
        self.first = nil
        positions = nil
        return .literal(value, SourceRange(start: first, end: end))
    }

    /// Where scalar `index` (after `bytes` bytes of text) stands when every scalar is one column wide.
    private func regularPosition(_ first: SourcePosition, _ index: Int, _ bytes: Int) -> SourcePosition {
        SourcePosition(line: first.line, column: first.column + index, offset: first.offset + bytes)
    }

    /// The positions of the scalars so far, which are regular.
    private func regularPositions(from first: SourcePosition) -> [SourcePosition] {
        var result: [SourcePosition] = []
        result.reserveCapacity(scalarCount + 16)
        for (index, byte) in utf8.enumerated() where byte & 0xC0 != 0x80 {
            result.append(regularPosition(first, result.count, index))
        }
        return result
    }

    /// The last scalar of the text and its width in bytes.
    private func lastScalar() -> (Unicode.Scalar, Int)? {
        guard !utf8.isEmpty else { return nil }
        var start = utf8.count - 1
        while start > 0, utf8[start] & 0xC0 == 0x80 { start -= 1 }
        var decoder = UTF8()
        var iterator = utf8[start...].makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        return (scalar, utf8.count - start)
    }
}
