/// Collects the decoded text of one template literal with where each scalar came from, then makes the
/// `StringValue` (with a position table only when escapes, line breaks or removed indentation make positions
/// irregular).
struct HCLLiteralBuilder {
    private var scalars: [Unicode.Scalar] = []
    private var positions: [SourcePosition] = []
    private var end = SourcePosition.start
    /// Set after a `~}` strip marker: white space at the start of this literal is dropped.
    var trimsLeadingWhitespace: Bool

    init(trimsLeadingWhitespace: Bool = false) {
        self.trimsLeadingWhitespace = trimsLeadingWhitespace
    }

    var isEmpty: Bool { scalars.isEmpty }

    /// Adds a scalar whose source text spans `[start, end)`.
    mutating func append(_ scalar: Unicode.Scalar, from start: SourcePosition, to end: SourcePosition) {
        if trimsLeadingWhitespace {
            if scalar.properties.isWhitespace { return }
            trimsLeadingWhitespace = false
        }
        scalars.append(scalar)
        positions.append(start)
        self.end = end
    }

    /// Drops white space at the end, for a `${~` or `%{~` strip marker after this literal.
    mutating func trimTrailingWhitespace() {
        while let last = scalars.last, last.properties.isWhitespace {
            scalars.removeLast()
            end = positions.removeLast()
        }
    }

    /// The literal collected so far as a template part (nil when empty), leaving the builder empty.
    mutating func take() -> HCLTemplatePart? {
        defer {
            scalars.removeAll(keepingCapacity: true)
            positions.removeAll(keepingCapacity: true)
        }
        guard let first = positions.first else { return nil }
        return .literal(Self.value(scalars, positions), SourceRange(start: first, end: end))
    }

    /// A `StringValue` of `scalars`, which start at `positions`.
    static func value(_ scalars: [Unicode.Scalar], _ positions: [SourcePosition]) -> StringValue {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        let first = positions[0]
        var expected = first
        var isRegular = true
        for (scalar, position) in zip(scalars, positions) {
            if position != expected || position.line != expected.line || position.column != expected.column {
                isRegular = false
                break
            }
            expected.column += 1
            expected.offset += UTF8.width(scalar)
        }
        return StringValue(text: String(text), contentStart: first, scalarPositions: isRegular ? nil : positions)
    }
}
