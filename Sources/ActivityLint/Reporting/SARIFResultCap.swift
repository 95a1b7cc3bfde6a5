/// The results of a SARIF run, held to what GitHub code scanning accepts: at most 25,000 results per run and a
/// file of at most 10 MB (gzip-compressed; capping the uncompressed size holds whatever gzip achieves). When more
/// are found, errors are kept before warnings before notes, earlier files before later ones; what is written keeps
/// the report's order. Only the kept results' text is held, in a `ReportSpool` (a temporary file past its first
/// 256 KiB), so memory stays flat however many results a run has.
struct SARIFResultCap {
    static let gitHubMaxResults = 25_000
    static let gitHubMaxBytes = 10_000_000

    /// The most results kept; `Int.max` for no cap.
    let maxResults: Int
    /// The largest document; `Int.max` for no cap.
    let maxBytes: Int
    /// The most bytes the kept results may take in the document: `maxBytes` until the rest is known.
    private var byteBudget: Int

    /// A rendered result and its place in the report.
    private struct Entry {
        var sequence: Int
        var text: ReportSpool.Piece
        /// The bytes it takes in the array, separator and indentation included.
        var cost: Int
    }

    /// Every result's text, kept or not; a left-out one is never read back.
    private let spool = ReportSpool()

    /// `runs[0].results` stands at this depth of the document.
    static let indent = 3
    /// Kept entries by severity (errors, warnings, notes), each in report order.
    private var kept: [[Entry]] = [[], [], []]
    private var keptCount = 0
    private var keptBytes = 0
    private var sequence = 0
    /// Results left out, by severity (errors, warnings, notes).
    private(set) var leftOut = [0, 0, 0]
    /// Which caps left something out.
    private(set) var countCapped = false
    private(set) var sizeCapped = false

    /// Caps of 0 mean no cap.
    init(maxResults: Int, maxBytes: Int) {
        self.maxResults = maxResults > 0 ? maxResults : .max
        self.maxBytes = maxBytes > 0 ? maxBytes : .max
        byteBudget = self.maxBytes
    }

    /// Every result added, kept or not.
    var total: Int { sequence }
    var totalLeftOut: Int { leftOut.reduce(0, +) }

    mutating func add(_ result: ReportJSON, severity: Severity) {
        var text = ""
        result.write(to: &text, indent: Self.indent + 1)
        let entry = Entry(
            sequence: sequence, text: spool.append(text), cost: text.utf8.count + 2 + 2 * (Self.indent + 1))
        sequence += 1
        let rank = Self.rank(severity)
        kept[rank].append(entry)
        keptCount += 1
        keptBytes += entry.cost
        trim()
    }

    /// Gives the results `bytes` (what the rest of the document leaves of `maxBytes`) and leaves out what no
    /// longer fits.
    mutating func fit(bytes: Int) {
        byteBudget = min(byteBudget, max(0, bytes))
        trim()
    }

    /// Leaves out the last result of the lowest severity until both caps hold.
    private mutating func trim() {
        while keptCount > maxResults || keptBytes > byteBudget {
            guard let rank = kept.lastIndex(where: { !$0.isEmpty }) else { return }
            if keptCount > maxResults { countCapped = true } else { sizeCapped = true }
            let entry = kept[rank].removeLast()
            keptCount -= 1
            keptBytes -= entry.cost
            leftOut[rank] += 1
        }
    }

    /// The kept results in report order, as the document's `results` array.
    var value: ReportJSON {
        var array = StreamedJSONArray(indent: Self.indent)
        var next = [0, 0, 0]
        while true {
            var chosen: Int?
            for rank in 0..<3 where next[rank] < kept[rank].count {
                if chosen == nil || kept[rank][next[rank]].sequence < kept[chosen!][next[chosen!]].sequence {
                    chosen = rank
                }
            }
            guard let rank = chosen else { break }
            array.append(rendered: spool.text(of: kept[rank][next[rank]].text))
            next[rank] += 1
        }
        return array.value
    }

    private static func rank(_ severity: Severity) -> Int {
        switch severity {
        case .error: 0
        case .warning: 1
        case .info: 2
        }
    }
}
