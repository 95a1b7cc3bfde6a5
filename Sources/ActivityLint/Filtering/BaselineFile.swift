/// The baseline a run uses (`--baseline FILE`): it filters each file's findings as the file is done and, at the
/// end, reports the entries that suppressed nothing in the files the run linted.
struct BaselineFile {
    let path: String
    private let source: SourceText
    private var baseline: Baseline
    /// Files linted in this run, as `Fingerprint.normalized` spells them.
    private var linted: Set<String> = []

    init(path: String) throws(ConfigurationError) {
        self.path = path
        source = SourceText(bytes: try SettingsFile.read(path, as: .baseline, namedBy: .flag("--baseline")))
        baseline = try Baseline.parse(source.bytes, path: path)
    }

    mutating func apply(to file: inout FileResult) {
        let found = file.diagnostics.count
        file.diagnostics = baseline.apply(file.diagnostics)
        hidden += found - file.diagnostics.count
        if file.failure == nil { linted.insert(Fingerprint.normalized(file.path)) }
    }

    /// How many findings the baseline has hidden so far.
    private(set) var hidden = 0

    /// The note a run ends with, so that what the baseline hides is never silent.
    func note(reportedAs reported: String) -> String {
        "the baseline \(reported) hid \(hidden) \(hidden == 1 ? "finding" : "findings")"
    }

    /// The unused entries as findings at their place in the baseline file, or nil when there are none (or the
    /// rule is off).
    func unusedEntries(engine: RuleEngine, reportedAs reported: String) -> FileResult? {
        let findings = baseline.unusedEntries(linted: linted).map { entry in
            Finding(ruleID: Baseline.unusedRuleID,
                    message: "baseline entry for \(Quoting.name(entry.rule)) in \(Quoting.code(entry.file)) matches no "
                        + "finding; remove it, or rewrite the baseline with --write-baseline",
                    range: SourceRange(at: entry.position ?? .start))
        }
        let diagnostics = engine.diagnostics(for: findings, file: reported)
        guard !diagnostics.isEmpty else { return nil }
        return FileResult(path: reported, source: source, diagnostics: diagnostics)
    }
}
