/// The whole pipeline for a run: read, check encoding, parse, extract payloads, run rules, sort.
public struct Linter: Sendable {
    public let engine: RuleEngine
    public let limits: ParseLimits
    /// What the inputs are; `auto` decides per document.
    public let inputKind: InputKind

    public init(engine: RuleEngine, limits: ParseLimits = .default, inputKind: InputKind = .auto) {
        self.engine = engine
        self.limits = limits
        self.inputKind = inputKind
    }

    /// A linter with every built-in rule at its default severity.
    public static func builtIn() -> Linter {
        // The built-in catalog binds by construction; the catalog tests prove it.
        Linter(engine: try! RuleEngine(rules: RuleCatalog.builtIn.rules))
    }

    /// Lints one input held in memory. `path` is used in diagnostics and to choose the parser. Requests in the
    /// input that share a name are compared with each other.
    public func lint(bytes: [UInt8], path: String, syntax: Syntax? = nil) -> FileResult {
        var duplicates = DuplicateActivities()
        return addDuplicateFindings(to: check(bytes: bytes, path: path, syntax: syntax), &duplicates)
    }

    /// Lints in-memory text (see `lint(bytes:path:syntax:)`).
    public func lint(text: String, path: String = "<memory>", syntax: Syntax? = nil) -> FileResult {
        lint(bytes: Array(text.utf8), path: path, syntax: syntax)
    }

    /// Lints every input on all cores; results keep the inputs' order. Requests that share a name are compared
    /// across all inputs.
    public func lint(_ inputs: [InputItem]) -> LintReport {
        var files: [FileResult] = []
        files.reserveCapacity(inputs.count)
        lint(inputs) { files.append($0) }
        return LintReport(files: files, rules: engine.descriptors)
    }

    /// Lints every input on all cores and hands each result to `each` in input order as soon as it is ready,
    /// keeping no list of results: memory stays flat however many files a run has.
    public func lint(_ inputs: [InputItem], each: (FileResult) -> Void) {
        lint(discovering: { add in inputs.forEach(add) }, each: each)
    }

    /// Lints inputs while `discover` is still finding them (it runs on the caller's thread and hands each input
    /// to the closure it gets), so the cores need not wait for a directory walk to end.
    public func lint(discovering discover: ((InputItem) -> Void) -> Void, each: (FileResult) -> Void) {
        var duplicates = DuplicateActivities()
        OrderedParallelMap.run(produce: discover, transform: { check(input: $0) }) { checked in
            each(addDuplicateFindings(to: checked, &duplicates))
        }
    }

    /// A file's result and the activities its requests would create.
    struct CheckedFile: Sendable {
        var result: FileResult
        var activities: [DuplicateActivities.Activity]
    }

    private func check(input: InputItem) -> CheckedFile {
        switch InputReader.read(input.source, displayPath: input.displayPath, maxBytes: limits.maxFileSize) {
        case .success(let bytes):
            return check(bytes: bytes, path: input.displayPath, syntax: nil)
        case .failure(let failure) where failure.tooLarge != nil:
            let finding = Finding(
                ruleID: "file-too-large",
                message: "the input has \(failure.tooLarge!) bytes or more, over the limit of \(limits.maxFileSize) "
                    + "bytes (a CreateActivity request is at most 1 MB); it was not read. Raise --max-file-size "
                    + "if this is intended",
                range: SourceRange(at: .start))
            let diagnostics = engine.diagnostics(for: [finding], file: input.displayPath)
            return CheckedFile(result: FileResult(path: input.displayPath, source: nil, diagnostics: diagnostics), activities: [])
        case .failure(let failure):
            return CheckedFile(result: FileResult(path: input.displayPath, source: nil, failure: failure.message), activities: [])
        }
    }

    private func check(bytes: [UInt8], path: String, syntax: Syntax?) -> CheckedFile {
        let source = SourceText(bytes: bytes)
        let encoding = EncodingCheck.check(source)
        var findings = encoding.findings
        var payloadCount = 0
        var suppressions: Suppressions?
        var activities: [DuplicateActivities.Activity] = []
        if encoding.canParse {
            let syntax = syntax ?? Syntax.detect(path: path, bytes: bytes, contentOffset: source.contentOffset)
            var parsed = syntax.parse(source, limits: limits)
            findings += parsed.findings
            // A scope of its own: the sites and payloads let go of their nodes before the documents are released.
            do {
                let extracted = PayloadExtractor.sites(in: parsed.documents, kind: inputKind)
                findings += extracted.findings
                payloadCount = extracted.sites.count
                for site in extracted.sites {
                    // One request's tags at a time: a plan with thousands of requests never holds them all.
                    let payload = site.payload()
                    findings += UnresolvedValues.findings(for: payload)
                    findings += engine.findings(for: payload)
                    if let activity = DuplicateActivities.activity(payload, file: path, source: source) {
                        activities.append(activity)
                    }
                }
            }
            parsed.releaseDocuments()
            // Only YAML has comments to carry suppressions.
            if syntax == .yaml { suppressions = Suppressions(source: source, scalars: parsed.scalarSpans) }
        }
        var diagnostics = engine.diagnostics(for: findings, file: path)
        if let suppressions, !suppressions.directives.isEmpty {
            let applied = suppressions.apply(to: diagnostics, knownRules: engine.ruleIDs)
            diagnostics = applied.kept + engine.diagnostics(for: applied.unused, file: path)
        }
        diagnostics.sort(by: Diagnostic.inSourceOrder)
        let result = FileResult(path: path, source: source, payloadCount: payloadCount, diagnostics: diagnostics)
        return CheckedFile(result: result, activities: activities)
    }

    /// Adds `activity-duplicate-*` findings for the file's requests whose names came earlier in the run.
    private func addDuplicateFindings(to file: CheckedFile, _ duplicates: inout DuplicateActivities) -> FileResult {
        var result = file.result
        for activity in file.activities {
            guard let finding = duplicates.check(activity) else { continue }
            let added = engine.diagnostics(for: [finding], file: activity.file)
            guard !added.isEmpty else { continue }
            result.diagnostics = (result.diagnostics + added).sorted(by: Diagnostic.inSourceOrder)
            let line = activity.range.start.line
            result.sourceLines?.add(line: line, text: activity.source.line(line))
        }
        return result
    }
}

extension Diagnostic {
    /// By position, then rule id: the order of every report.
    static func inSourceOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        (a.range.start.offset, a.range.end.offset, a.ruleID) < (b.range.start.offset, b.range.end.offset, b.ruleID)
    }
}
