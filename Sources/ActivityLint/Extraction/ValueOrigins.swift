/// Where an extractor found a request's values when it looked them up (a variable's default, a local value, a
/// provider's default tags), why it could not find others, and what every finding of the request must say (a
/// resource with `count` is many requests). The linter adds this to the request's findings.
struct ValueOrigins: Sendable {
    /// Values that stand somewhere other than in the request: a finding inside `range` says `remark`, and points
    /// at where the request uses the value.
    struct Origin: Sendable {
        let range: SourceRange
        let remark: String
        let use: RelatedLocation?
    }

    var origins: [Origin] = []
    /// Why a computed value could not be looked up, by the offset where its node starts (`unresolved-value` says it).
    var unresolvedReasons: [Int: String] = [:]
    /// Told with every finding of the request.
    var everyFinding: [RelatedLocation] = []

    var isEmpty: Bool { origins.isEmpty && everyFinding.isEmpty }

    /// The findings with their values' origins said. Linear in findings times origins, and a request's values have
    /// a few origins at most (one per member looked up).
    func annotate(_ findings: [Finding]) -> [Finding] {
        guard !isEmpty else { return findings }
        return findings.map { finding in
            var finding = finding
            let offset = finding.range.start.offset
            if let origin = origins.first(where: { $0.range.start.offset <= offset && offset < $0.range.end.offset }) {
                finding.message += " (\(origin.remark))"
                if let use = origin.use { finding.related.append(use) }
            }
            finding.related += everyFinding
            return finding
        }
    }
}
