/// The whole pipeline for a run: read, check encoding, parse, extract payloads, run rules, sort.
public struct Linter: Sendable {
    public let engine: RuleEngine
    public let limits: ParseLimits
    /// What the inputs are; `auto` decides per document.
    public let inputKind: InputKind
    /// How many findings of one rule a file reports.
    public let findingCap: FindingCap
    /// Whether files are fixed as they are linted (`--fix`, `--diff`); nil only lints.
    public let fixMode: FixMode?
    /// How the other files of a Terraform file's module are found (the run's repository root and link rules);
    /// nil finds the repository from the working directory.
    var moduleDiscovery: InputDiscovery?
    /// Whether a JSON input's top-level `resource_changes` are checked one at a time as they are parsed
    /// (`PlanChangeStream`); off only for tests and fuzzing that hold that path to the whole tree's answers.
    @_spi(Internals) public var streamsPlanChanges = true

    public init(
        engine: RuleEngine, limits: ParseLimits = .default, inputKind: InputKind = .auto,
        findingCap: FindingCap = FindingCap(), fixMode: FixMode? = nil
    ) {
        self.engine = engine
        self.limits = limits
        self.inputKind = inputKind
        self.findingCap = findingCap
        self.fixMode = fixMode
    }

    /// A linter with every built-in rule at its default severity.
    public static func builtIn() -> Linter {
        // The built-in catalog binds by construction; the catalog tests prove it.
        Linter(engine: try! RuleEngine(rules: RuleCatalog.builtIn.rules))
    }

    /// Lints one input held in memory. `path` is used in diagnostics and to choose the parser. Requests in the
    /// input that share a name are compared with each other. Each rule reports at most `findingCap` findings.
    public func lint(bytes: [UInt8], path: String, syntax: Syntax? = nil) -> FileResult {
        lint(bytes: bytes, path: path, syntax: syntax, sentToBeLinted: false)
    }

    /// `sentToBeLinted`: text handed over to be linted (standard input, an editor's unsaved buffer) is a request
    /// unless it is a template or plan, whatever its name.
    /// `module`: where the other files of a Terraform file's module are read (nil: the text is read alone).
    func lint(
        bytes: [UInt8], path: String, syntax: Syntax?, sentToBeLinted: Bool, module: TerraformModuleContext? = nil
    ) -> FileResult {
        var duplicates = DuplicateActivities()
        let checked = check(bytes: bytes, path: path, syntax: syntax, sentToBeLinted: sentToBeLinted, module: module)
        return finish(checked, &duplicates)
    }

    /// One input's findings before the rules across inputs and the per-rule cap, with the activities its
    /// requests would create: for a caller that keeps inputs apart and compares them itself (the language server).
    func check(
        bytes: [UInt8], path: String, syntax: Syntax?, sentToBeLinted: Bool, module: TerraformModuleContext? = nil
    ) -> CheckedFile {
        if inputKind == .auto, let reason = PathRules.skipReason(path) {
            return CheckedFile(result: .skipped(path: path, kind: .notActivity, reason), activities: [])
        }
        let namesActivity = sentToBeLinted || DocumentClassifier.pathNamesActivity(path)
        return check(bytes: bytes, path: path, syntax: syntax, pathNamesActivity: namesActivity, module: module)
    }

    /// A checked input's result: its requests compared with those `duplicates` saw before, then the cap.
    func finish(_ checked: CheckedFile, _ duplicates: inout DuplicateActivities) -> FileResult {
        findingCap.apply(to: addDuplicateFindings(to: checked, &duplicates), engine: engine)
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
    ///
    /// `hide` takes out the findings a caller does not report (a baseline's) before the per-rule cap counts them.
    /// The order is suppressions, run-wide duplicates, `hide`, then the cap: a finding that is not reported must
    /// never count towards the cap and push a reported one out of the report.
    public func lint(
        discovering discover: ((InputItem) -> Void) -> Void, hiding hide: (inout FileResult) -> Void = { _ in },
        each: (FileResult) -> Void
    ) {
        var duplicates = DuplicateActivities()
        // Each module folder's declarations are read once in the run, by the first of its files that needs them.
        let modules = TerraformModuleCache(discovery: moduleDiscovery ?? InputDiscovery(), limits: limits)
        OrderedParallelMap.run(produce: discover, transform: { check(input: $0, modules: modules) }) { checked in
            var file = addDuplicateFindings(to: checked, &duplicates)
            hide(&file)
            each(findingCap.apply(to: file, engine: engine))
        }
    }

    /// A file's result and the activities its requests would create.
    struct CheckedFile: Sendable {
        var result: FileResult
        var activities: [DuplicateActivities.Activity]
    }

    private func check(input: InputItem, modules: TerraformModuleCache) -> CheckedFile {
        let path = input.displayPath
        if case .skipped(let reason) = input.source {
            return CheckedFile(result: .skipped(path: path, kind: .unread, reason), activities: [])
        }
        if inputKind == .auto, let reason = PathRules.skipReason(path) {
            return CheckedFile(result: .skipped(path: path, kind: .notActivity, reason), activities: [])
        }
        switch InputReader.read(input.source, displayPath: path, maxBytes: limits.maxFileSize) {
        case .success(let bytes):
            // What arrives on standard input was sent to be linted: it is a request unless it is a template or plan.
            let namesActivity = input.source == .standardInput || DocumentClassifier.pathNamesActivity(path)
            var module: TerraformModuleContext?
            if case .file(let file) = input.source, TerraformFileKind.of(path: file) != nil {
                module = TerraformModuleContext(cache: modules, path: file, displayPath: path)
            }
            let checked = check(bytes: bytes, path: path, syntax: nil, pathNamesActivity: namesActivity, module: module)
            guard let fixMode, case .file(let file) = input.source else { return checked }
            return fix(checked, bytes: bytes, file: file, mode: fixMode, pathNamesActivity: namesActivity, module: module)
        case .failure(let failure) where failure.tooLarge != nil:
            if inputKind == .auto, case .file(let file) = input.source,
               let verdict = FileClassifier.classifyStart(ofFile: file, reportedAs: path),
               let skip = verdict.skip
            {
                let reason = SkipReason(.notActivity, "larger than --max-file-size, and its start is not an activity "
                    + "document: " + skip.detail)
                return CheckedFile(result: .skipped(path: path, kind: .notActivity, reason), activities: [])
            }
            let finding = Finding(
                ruleID: "file-too-large",
                message: "the input has \(failure.tooLarge!) bytes or more, over the limit of \(limits.maxFileSize) "
                    + "bytes (a CreateActivity request is at most 1 MB); it was not read. Raise --max-file-size "
                    + "if this is intended",
                range: SourceRange(at: .start))
            let diagnostics = engine.diagnostics(for: [finding], file: path)
            let result = FileResult(path: path, source: nil, kind: .undetermined, diagnostics: diagnostics)
            return CheckedFile(result: result, activities: [])
        case .failure(let failure):
            return CheckedFile(result: FileResult(path: path, source: nil, failure: failure.message), activities: [])
        }
    }

    private func check(
        bytes: [UInt8], path: String, syntax: Syntax?, pathNamesActivity: Bool, module: TerraformModuleContext? = nil
    ) -> CheckedFile {
        let source = SourceText(bytes: bytes)
        let encoding = EncodingCheck.check(source)
        var findings = encoding.findings
        var payloadCount = 0
        var suppressions: Suppressions?
        var fixes: FixResolver?
        var activities: [DuplicateActivities.Activity] = []
        let kind: DocumentKind
        if let problem = encoding.problem {
            let verdict = FileClassifier.classifyUnparsable(
                source, problem: problem, limits: limits, pathNamesActivity: pathNamesActivity, forced: inputKind)
            if let skip = verdict.skip {
                return CheckedFile(result: .skipped(path: path, kind: verdict.kind, skip), activities: [])
            }
            kind = verdict.kind
        } else {
            let syntax = syntax ?? Syntax.detect(path: path, bytes: bytes, contentOffset: source.contentOffset)
            let stream = syntax == .json && streamsPlanChanges && [.auto, .terraformPlan].contains(inputKind)
                ? PlanChangeStream(linter: self, path: path, source: source) : nil
            var parsed = syntax.parse(source, limits: limits, handoff: stream)
            var verdict = FileClassifier.classify(
                parsed, forced: inputKind, pathNamesActivity: pathNamesActivity, text: bytes)
            // The changes checked as they were parsed count for a plan that parsed whole; anything else that had
            // a top-level `resource_changes` array (a template with such a member) is parsed again, keeping it.
            var streamed: PlanChangeStream?
            if let stream, stream.tookChanges, !parsed.documents.isEmpty {
                if verdict.documentKinds == TerraformPlanExtractor.documentKinds {
                    streamed = stream
                } else {
                    parsed.releaseDocuments()
                    parsed = syntax.parse(source, limits: limits)
                    verdict = FileClassifier.classify(
                        parsed, forced: inputKind, pathNamesActivity: pathNamesActivity, text: bytes)
                }
            }
            if let skip = verdict.skip {
                parsed.releaseDocuments()
                return CheckedFile(result: .skipped(path: path, kind: verdict.kind, skip), activities: [])
            }
            kind = verdict.kind
            // A scope of its own: the sites and payloads let go of their nodes before the documents are released.
            do {
                let extracted = PayloadExtractor.sites(in: parsed.documents, kinds: verdict.documentKinds, module: module)
                var requests = streamed?.requests ?? CheckedRequests()
                for site in extracted.sites { requests.check(site, linter: self, path: path, source: source) }
                // Most files parse without a finding: no scope to build for them.
                if !parsed.findings.isEmpty {
                    let sites = (streamed?.sites ?? []) + extracted.sites
                    let scope = FindingScope(sites: sites, documentKinds: verdict.documentKinds)
                    findings += parsed.findings.filter(scope.keeps)
                }
                findings += extracted.findings + requests.findings
                activities = requests.activities
                payloadCount = requests.count
                if inputKind != .auto, payloadCount == 0, !parsed.documents.isEmpty {
                    findings.append(Self.noRequestFound(kind: inputKind, in: parsed.documents[0]))
                }
            }
            parsed.releaseDocuments()
            // YAML and HCL have comments to carry suppressions.
            if syntax == .yaml { suppressions = Suppressions(source: source, scalars: parsed.scalarSpans) }
            if let comments = parsed.lineComments { suppressions = Suppressions(source: source, lineComments: comments) }
            fixes = FixResolver(source: source, syntax: syntax, aliasedRanges: parsed.aliasedRanges)
        }
        if let suppressions, !suppressions.directives.isEmpty {
            findings = suppressions.apply(to: findings.filter(engine.isInForce), knownRules: engine.ruleIDs)
        }
        let diagnostics = engine.diagnostics(for: findings, file: path, fixes: fixes).sorted(by: Diagnostic.inSourceOrder)
        let result = FileResult(
            path: path, source: source, kind: kind, payloadCount: payloadCount, diagnostics: diagnostics)
        return CheckedFile(result: result, activities: activities)
    }

    /// One request's findings and the activity it would create (nil when its name or settings are not literals).
    func check(_ site: PayloadSite, path: String, source: SourceText) -> (findings: [Finding], activity: DuplicateActivities.Activity?) {
        let payload = site.payload()
        let findings = site.origins.annotate(UnresolvedValues.findings(for: payload) + engine.findings(for: payload))
        var activity = DuplicateActivities.activity(payload, file: path, source: source)
        // A name from another file of the module is reported where this file uses it.
        if let range = activity?.range { activity?.range = site.origins.zones.localized(range) }
        return (findings, activity)
    }

    /// Fixes in-memory text as `--fix` would (`mode.writes` is not looked at): the fixed bytes, and the result of
    /// linting them, whose `fixes` says how many fixes were applied and gives the diff.
    public func fix(bytes: [UInt8], path: String, mode: FixMode) -> (bytes: [UInt8], result: FileResult) {
        let namesActivity = DocumentClassifier.pathNamesActivity(path)
        let checked = check(bytes: bytes, path: path, syntax: nil, pathNamesActivity: namesActivity)
        let fixed = fixRounds(checked, bytes: bytes, mode: mode, pathNamesActivity: namesActivity)
        var result = fixed.checked.result
        if fixed.applied > 0 {
            result.fixes = FileFixes(applied: fixed.applied, diff: UnifiedDiff.render(old: bytes, new: fixed.bytes, path: path))
        }
        return (fixed.bytes, result)
    }

    /// Fixes a file on disk (or, without `mode.writes`, keeps the diff of what it would change).
    private func fix(
        _ checked: CheckedFile, bytes original: [UInt8], file: String, mode: FixMode, pathNamesActivity: Bool,
        module: TerraformModuleContext?
    ) -> CheckedFile {
        var fixed = fixRounds(checked, bytes: original, mode: mode, pathNamesActivity: pathNamesActivity, module: module)
        guard fixed.applied > 0 else { return fixed.checked }
        if mode.writes, let failure = FixedFileWriter.rewrite(file, with: fixed.bytes) {
            fixed.checked.result.failure = failure
            return fixed.checked
        }
        let diff = mode.writes ? "" : UnifiedDiff.render(old: original, new: fixed.bytes, path: checked.result.path)
        fixed.checked.result.fixes = FileFixes(applied: fixed.applied, diff: diff)
        return fixed.checked
    }

    /// Applies the fixes `mode` admits, lints again and repeats while fixes apply (at most `FixMode.maxRounds`
    /// rounds). A round whose result no longer parses is undone: a fix never makes a file unreadable.
    private func fixRounds(
        _ checked: CheckedFile, bytes: [UInt8], mode: FixMode, pathNamesActivity: Bool,
        module: TerraformModuleContext? = nil
    ) -> (checked: CheckedFile, bytes: [UInt8], applied: Int) {
        var checked = checked
        var bytes = bytes
        var applied = 0
        for _ in 0..<FixMode.maxRounds {
            let fixes = checked.result.diagnostics.compactMap(\.fix).filter(mode.admits)
            let round = FixApplier.apply(fixes, to: bytes)
            guard round.applied > 0 else { break }
            let next = check(
                bytes: round.bytes, path: checked.result.path, syntax: nil, pathNamesActivity: pathNamesActivity,
                module: module)
            guard Self.unreadableCount(next.result) <= Self.unreadableCount(checked.result) else { break }
            (bytes, checked, applied) = (round.bytes, next, applied + round.applied)
        }
        return (checked, bytes, applied)
    }

    /// Findings that stop a file from being read at all.
    private static func unreadableCount(_ result: FileResult) -> Int {
        result.diagnostics.count { ["syntax-error", "invalid-encoding", "nesting-too-deep"].contains($0.ruleID) }
    }

    /// `--input-kind` said what the file is, and it holds no request of that kind: a green run would hide that
    /// the file is not what the user thinks.
    private static func noRequestFound(kind: InputKind, in document: Node) -> Finding {
        let what = PayloadExtractor.source(forcedBy: kind)?.noRequestDescription
            ?? "no CreateActivity request in this file"
        return Finding(
            ruleID: "no-request-found",
            message: "--input-kind \(kind.rawValue): \(what); lint it without --input-kind to have its kind detected",
            range: document.firstCharacterRange)
    }

    /// Adds `activity-duplicate-*` findings for the file's requests whose names came earlier in the run.
    private func addDuplicateFindings(to file: CheckedFile, _ duplicates: inout DuplicateActivities) -> FileResult {
        var result = file.result
        for activity in file.activities {
            guard let finding = duplicates.check(activity) else { continue }
            guard let added = engine.diagnostics(for: [finding], file: activity.file).first else { continue }
            // Into its place: the file's diagnostics are sorted already.
            let index = result.diagnostics.firstIndex { Diagnostic.inSourceOrder(added, $0) } ?? result.diagnostics.endIndex
            result.diagnostics.insert(added, at: index)
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
