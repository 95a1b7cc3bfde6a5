/// Where a YAML file's scalars lie, in bytes, so that a `#` inside a string value is never read as a comment
/// (libyaml does not report comments, but it marks where every scalar starts and ends). The loader records them
/// only for files that mention the suppression marker.
struct YAMLScalarSpans: Sendable {
    /// Byte ranges of the scalars in source order: quotes, tags and anchors included; a block scalar from the
    /// end of its header line (a comment may follow `|` or `>`) to the end of its content.
    private(set) var spans: [Range<Int>] = []
    /// Where loading stopped early (a syntax error or a limit): the text from here on was not read as YAML, so
    /// nothing in it counts as a comment.
    var knownUntil = Int.max

    mutating func add(_ span: Range<Int>) {
        // Events arrive in source order; a span starting inside the previous one adds nothing.
        if let last = spans.last, span.lowerBound < last.upperBound {
            if span.upperBound > last.upperBound { spans[spans.count - 1] = last.lowerBound..<span.upperBound }
            return
        }
        spans.append(span)
    }

    /// Whether `offset` lies inside a scalar. `cursor` carries the search along: queries must not go backwards,
    /// so one walk over a file costs linear time in all.
    func contains(_ offset: Int, cursor: inout Int) -> Bool {
        while cursor < spans.count, spans[cursor].upperBound <= offset { cursor += 1 }
        return cursor < spans.count && spans[cursor].lowerBound <= offset
    }
}
