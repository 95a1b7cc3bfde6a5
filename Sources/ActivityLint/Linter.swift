import Dispatch

/// The whole pipeline for a run: read, check encoding, parse, extract payloads, run rules, sort.
public struct Linter: Sendable {
    public let engine: RuleEngine
    public let limits: ParseLimits

    public init(engine: RuleEngine, limits: ParseLimits = .default) {
        self.engine = engine
        self.limits = limits
    }

    /// A linter with every built-in rule at its default severity.
    public static func builtIn() -> Linter {
        // The built-in catalog binds by construction; the catalog tests prove it.
        Linter(engine: try! RuleEngine(rules: RuleCatalog.builtIn.rules))
    }

    /// Lints one input held in memory. `path` is used in diagnostics and to choose the parser.
    public func lint(bytes: [UInt8], path: String, syntax: Syntax? = nil) -> FileResult {
        let source = SourceText(bytes: bytes)
        let encoding = EncodingCheck.check(source)
        var findings = encoding.findings
        var payloadCount = 0
        var suppressions: Suppressions?
        if encoding.canParse {
            let syntax = syntax ?? Syntax.detect(path: path, bytes: bytes, contentOffset: source.contentOffset)
            let parsed = syntax.parse(source, limits: limits)
            findings += parsed.findings
            let extracted = PayloadExtractor.payloads(in: parsed.documents)
            findings += extracted.findings
            payloadCount = extracted.payloads.count
            for payload in extracted.payloads {
                findings += engine.findings(for: payload)
            }
            // Only YAML has comments to carry suppressions.
            if syntax == .yaml { suppressions = Suppressions(source: source) }
        }
        var diagnostics = engine.diagnostics(for: findings, file: path)
        if let suppressions, !suppressions.directives.isEmpty {
            let applied = suppressions.apply(to: diagnostics, knownRules: engine.ruleIDs)
            diagnostics = applied.kept + engine.diagnostics(for: applied.unused, file: path)
        }
        diagnostics.sort {
            ($0.range.start.offset, $0.range.end.offset, $0.ruleID) < ($1.range.start.offset, $1.range.end.offset, $1.ruleID)
        }
        return FileResult(path: path, source: source, payloadCount: payloadCount, diagnostics: diagnostics)
    }

    /// Lints in-memory text (see `lint(bytes:path:syntax:)`).
    public func lint(text: String, path: String = "<memory>", syntax: Syntax? = nil) -> FileResult {
        lint(bytes: Array(text.utf8), path: path, syntax: syntax)
    }

    /// Lints every input on all cores; results keep the inputs' order.
    public func lint(_ inputs: [InputItem]) -> LintReport {
        let results = ResultSlots(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            let input = inputs[index]
            switch InputReader.read(input.source, displayPath: input.displayPath, maxBytes: limits.maxFileSize) {
            case .success(let bytes):
                results[index] = lint(bytes: bytes, path: input.displayPath)
            case .failure(let failure) where failure.tooLarge != nil:
                let finding = Finding(
                    ruleID: "file-too-large",
                    message: "the input has \(failure.tooLarge!) bytes or more, over the limit of \(limits.maxFileSize) "
                        + "bytes (a CreateActivity request is at most 1 MB); it was not read. Raise --max-file-size "
                        + "if this is intended",
                    range: SourceRange(at: .start))
                results[index] = FileResult(
                    path: input.displayPath, source: nil,
                    diagnostics: engine.diagnostics(for: [finding], file: input.displayPath))
            case .failure(let failure):
                results[index] = FileResult(path: input.displayPath, source: nil, failure: failure.message)
            }
        }
        return LintReport(files: results.values, rules: engine.descriptors)
    }
}

/// One slot per input, each written by exactly one worker, so no lock is needed.
private final class ResultSlots: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<FileResult?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    subscript(index: Int) -> FileResult? {
        get { storage[index] }
        set { storage[index] = newValue }
    }

    var values: [FileResult] { storage.map { $0! } }
}
