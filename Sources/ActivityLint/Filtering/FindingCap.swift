/// At most `limit` findings of one rule in one file: the first ones in source order, then one `too-many-findings`
/// diagnostic, at the first one left out, saying how many more there are. A file of one repeated mistake (16 MiB of
/// bad tags gives 700,000 warnings) then costs a reader a page of output, not 600 MB.
///
/// The summary has the severity of the rule it stands for, or `too-many-findings`' own when that is higher (its
/// catalog severity, `info`, is only a floor a configuration can raise). The findings kept include the first of
/// every capped rule, so a file fails the run exactly when it would have without the cap.
public struct FindingCap: Sendable {
    public static let ruleID = "too-many-findings"
    public static let defaultLimit = 100

    /// The most findings of one rule reported per file; 0 reports every one.
    public var limit: Int

    public init(limit: Int = FindingCap.defaultLimit) {
        self.limit = limit
    }

    /// `file` with each rule's findings beyond the limit left out; its diagnostics are in source order and stay so.
    func apply(to file: FileResult, engine: RuleEngine) -> FileResult {
        guard limit > 0, file.diagnostics.count > limit else { return file }
        var kept: [Diagnostic] = []
        var counts: [String: Int] = [:]
        /// Per capped rule: where its summary goes in `kept`, the first finding left out, how many were left out.
        var capped: [String: (slot: Int, first: Diagnostic, dropped: Int)] = [:]
        for diagnostic in file.diagnostics {
            let count = counts[diagnostic.ruleID, default: 0] + 1
            counts[diagnostic.ruleID] = count
            if count <= limit {
                kept.append(diagnostic)
            } else if let summary = capped[diagnostic.ruleID] {
                capped[diagnostic.ruleID]!.dropped = summary.dropped + 1
            } else {
                capped[diagnostic.ruleID] = (kept.count, diagnostic, 1)
                kept.append(diagnostic)  // a placeholder for the summary
            }
        }
        guard !capped.isEmpty else { return file }
        var unused: [Int] = []
        for (ruleID, summary) in capped {
            let finding = Finding(
                ruleID: Self.ruleID,
                message: "… and \(Self.grouped(summary.dropped)) more \(ruleID) findings in this file (the first "
                    + "\(Self.grouped(limit)) of each rule are reported; --max-findings-per-rule N changes the cap, "
                    + "0 reports all)",
                range: summary.first.range, pointer: summary.first.pointer, documentIndex: summary.first.documentIndex)
            // None when the configuration turned the rule off: the cap still holds, only the summary goes.
            guard var diagnostic = engine.diagnostics(for: [finding], file: summary.first.file).first else {
                unused.append(summary.slot)
                continue
            }
            diagnostic.severity = max(diagnostic.severity, summary.first.severity)
            kept[summary.slot] = diagnostic
        }
        for slot in unused.sorted(by: >) { kept.remove(at: slot) }
        var result = file
        result.diagnostics = kept
        result.sourceLines?.keep(only: kept)
        return result
    }

    /// `699000` as `699,000`.
    static func grouped(_ number: Int) -> String {
        var digits = Array(String(number))
        var index = digits.count - 3
        while index > (digits.first == "-" ? 1 : 0) {
            digits.insert(",", at: index)
            index -= 3
        }
        return String(digits)
    }
}
