/// The verdict on a whole file: linted (as which kind, with which of its documents) or skipped, and why.
struct FileVerdict: Sendable {
    /// The kind of the first document that holds requests; `notActivity` when none does.
    var kind: DocumentKind
    /// The kind of each parsed document, in stream order.
    var documentKinds: [DocumentKind] = []
    /// Set when the file is not linted.
    var skip: SkipReason?
}

/// Classifies a file from its parsed documents (or, for text that cannot be parsed, from what can be read).
/// A file is skipped only when it is certainly not an activity document: when a limit stopped the reading, or
/// the path names an activity, it is linted whatever it holds.
enum FileClassifier {
    /// Rules whose findings mean the reader stopped before seeing the whole document.
    private static let limitRules: Set<String> = ["nesting-too-deep", "alias-limit"]

    /// `text` is the file's bytes, searched only when parsing stopped before anything was read.
    static func classify(
        _ parsed: ParsedSource, forced: InputKind, pathNamesActivity: Bool, text: [UInt8] = []
    ) -> FileVerdict {
        if let kind = forced.documentKind {
            return FileVerdict(kind: kind, documentKinds: parsed.documents.map { _ in kind })
        }
        let verdicts = parsed.documents.map {
            DocumentClassifier.classify($0, pathNamesActivity: pathNamesActivity)
        }
        let kinds = verdicts.map(\.kind)
        if let first = kinds.first(where: \.holdsRequests) { return FileVerdict(kind: first, documentKinds: kinds) }
        if let keys = parsed.keysBeforeError {
            let broken = DocumentClassifier.classify(keysBeforeError: keys, pathNamesActivity: pathNamesActivity)
            if broken.kind.holdsRequests { return FileVerdict(kind: broken.kind, documentKinds: kinds) }
            if parsed.findings.contains(where: { limitRules.contains($0.ruleID) }) {
                return FileVerdict(kind: .undetermined, documentKinds: kinds)
            }
            return skipped(broken.reason!, kinds: kinds)
        }
        if parsed.findings.contains(where: { limitRules.contains($0.ruleID) }) {
            return FileVerdict(kind: .undetermined, documentKinds: kinds)
        }
        if verdicts.isEmpty {
            // Nothing but comments, or a syntax error before anything was read (a comment in JSON, unquoted keys):
            // a file that spells a member or resource type only CreateActivity has is still reported.
            if pathNamesActivity || mentionsActivity(text) {
                return FileVerdict(kind: parsed.kindWhenUnread, documentKinds: kinds)
            }
            let stopped = parsed.findings.first { $0.ruleID == "syntax-error" }
            return skipped(stopped.map { "it could not be parsed (syntax error at line \($0.range.start.line)), and "
                + "nothing before the error was an activity document" } ?? "it holds no document", kinds: kinds)
        }
        if verdicts.count == 1 { return skipped(verdicts[0].reason!, kinds: kinds) }
        return skipped("none of its \(verdicts.count) documents is an activity document (the first: "
            + "\(verdicts[0].reason!))", kinds: kinds)
    }

    /// A file the parsers cannot read. An empty one is a request only where the path names an activity. Text in
    /// UTF-16 or UTF-32, with NUL bytes or with bytes that are not UTF-8 is classified from a readable copy (the
    /// zero bytes of wide ASCII dropped, NUL and bad bytes read as `?`): a request saved in the wrong encoding, or
    /// with a NUL slipped in, is reported; a document of another kind, or binary content, is skipped.
    static func classifyUnparsable(
        _ source: SourceText, problem: EncodingCheck.Problem, limits: ParseLimits, pathNamesActivity: Bool,
        forced: InputKind
    ) -> FileVerdict {
        if problem == .empty {
            if forced.documentKind != nil || pathNamesActivity { return FileVerdict(kind: .apiRequest) }
            return skipped("an empty file", kinds: [])
        }
        if let kind = forced.documentKind { return FileVerdict(kind: kind) }
        let readable = SourceText(bytes: readableCopy(source.bytes, wide: problem == .wideEncoding))
        let syntax = Syntax.detect(path: "", bytes: readable.bytes, contentOffset: readable.contentOffset)
        var parsed = syntax.parse(readable, limits: limits)
        let verdict = classify(parsed, forced: .auto, pathNamesActivity: pathNamesActivity)
        parsed.releaseDocuments()
        guard let skip = verdict.skip else { return FileVerdict(kind: .undetermined) }
        return FileVerdict(kind: .notActivity, skip: SkipReason(.notActivity, "not UTF-8 text, and " + skip.detail))
    }

    /// A file over the size limit is not read whole; its first 64 KiB tell whether it is an activity document at
    /// all (a data dump is skipped, a large template or plan is reported as too large).
    static func classifyStart(ofFile file: String, reportedAs path: String) -> FileVerdict? {
        guard var start = InputReader.prefix(ofFile: file, count: 64 * 1024) else { return nil }
        // Cut at an arbitrary byte, the start may end inside a character: drop that character.
        for _ in 0..<3 where start.last.map({ $0 & 0xC0 == 0x80 }) == true { start.removeLast() }
        if let last = start.last, last >= 0xC0 { start.removeLast() }
        let source = SourceText(bytes: start)
        guard EncodingCheck.check(source).problem == nil else { return nil }
        let syntax = Syntax.detect(path: path, bytes: start, contentOffset: source.contentOffset)
        var parsed = syntax.parse(source, limits: .default)
        let verdict = classify(parsed, forced: .auto, pathNamesActivity: DocumentClassifier.pathNamesActivity(path))
        parsed.releaseDocuments()
        return verdict
    }

    /// Words that appear in CreateActivity requests, templates and plans and hardly anywhere else.
    private static let activityMarkers = PayloadExtractor.sources.flatMap { $0.textMarkers }.map { Array($0.utf8) }

    private static func mentionsActivity(_ text: [UInt8]) -> Bool {
        activityMarkers.contains { text.contains(bytes: $0) }
    }

    private static func skipped(_ reason: String, kinds: [DocumentKind]) -> FileVerdict {
        FileVerdict(kind: .notActivity, documentKinds: kinds, skip: SkipReason(.notActivity, reason))
    }

    /// The bytes with every NUL and every byte that is not well-formed UTF-8 replaced by `?` (for UTF-16/32, the
    /// zero bytes and the byte order mark dropped first), so a parser can tell what kind of document it is.
    private static func readableCopy(_ bytes: [UInt8], wide: Bool) -> [UInt8] {
        var copy = wide ? bytes.filter { $0 != 0 } : bytes.map { $0 == 0 ? UInt8(ascii: "?") : $0 }
        if wide, copy.starts(with: [0xFF, 0xFE]) || copy.starts(with: [0xFE, 0xFF]) { copy.removeFirst(2) }
        var from = 0
        while let bad = EncodingCheck.firstInvalidUTF8(copy, from: from) {
            copy[bad] = UInt8(ascii: "?")
            from = bad + 1
        }
        return copy
    }
}

extension InputKind {
    /// The kind every document takes when `--input-kind` forces it; nil for `auto`.
    var documentKind: DocumentKind? {
        PayloadExtractor.source(forcedBy: self)?.documentKinds.first
    }
}
