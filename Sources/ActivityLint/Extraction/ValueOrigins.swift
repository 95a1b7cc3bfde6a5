/// Where an extractor found a request's values when it looked them up (a variable's default, a local value, a
/// provider's default tags), why it could not find others, and what every finding of the request must say (a
/// resource with `count` is many requests). The linter adds this to the request's findings, and moves those about a
/// value from another file of the module to where the request uses it (`ForeignValueZones`).
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
    /// The uses of values from the module's other files.
    var zones = ForeignValueZones()

    var isEmpty: Bool { origins.isEmpty && everyFinding.isEmpty && zones.isEmpty }

    /// The findings with their values' origins said. Origins are the same place or apart (a default, a local, a
    /// provider's tags), so the one a finding is in is the last that starts at or before it: a binary search.
    func annotate(_ findings: [Finding]) -> [Finding] {
        guard !isEmpty else { return findings }
        let sorted = origins.sorted { $0.range.start.offset < $1.range.start.offset }
        return findings.map { finding in
            var finding = finding
            let offset = finding.range.start.offset
            var low = 0
            var high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if sorted[middle].range.start.offset <= offset { low = middle + 1 } else { high = middle }
            }
            if low > 0, offset < sorted[low - 1].range.end.offset {
                let origin = sorted[low - 1]
                finding.message += " (\(origin.remark))"
                if let use = origin.use { finding.related.append(use) }
            }
            // The value's own notes first, then what holds for every finding of the request.
            finding = zones.localized(finding)
            finding.related += everyFinding
            return finding
        }
    }
}
