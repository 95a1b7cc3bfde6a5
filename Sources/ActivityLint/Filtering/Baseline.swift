/// Findings accepted as they are today, so a team can adopt the linter and see only what is new.
///
/// Each finding is keyed by its content (file, rule, JSON Pointer and message), not its line, so moving a request
/// or editing lines around it does not make a baselined finding reappear. Identical findings are counted.
public struct Baseline: Sendable {
    public static let formatVersion = 1
    private var counts: [String: Int]

    public init(diagnostics: [Diagnostic]) {
        counts = [:]
        for diagnostic in diagnostics { counts[Baseline.key(diagnostic), default: 0] += 1 }
    }

    /// Removes the findings the baseline holds (each counted occurrence once).
    public func filter(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var remaining = counts
        return diagnostics.filter { diagnostic in
            let key = Baseline.key(diagnostic)
            guard let count = remaining[key], count > 0 else { return true }
            remaining[key] = count - 1
            return false
        }
    }

    static func key(_ diagnostic: Diagnostic) -> String {
        StableHash.hex(of: [diagnostic.ruleID, normalized(diagnostic.file), diagnostic.pointer, diagnostic.message])
    }

    /// `./a/b.json` and `a/b.json` are the same file.
    static func normalized(_ path: String) -> String {
        var path = Substring(path)
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        return String(path)
    }

    /// The baseline file: versioned JSON, one entry per finding, readable in review.
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        let entries: [ReportJSON] = diagnostics.map { diagnostic in
            .object([
                ("file", .string(normalized(diagnostic.file))),
                ("rule", .string(diagnostic.ruleID)),
                ("pointer", .string(diagnostic.pointer)),
                ("message", .string(diagnostic.message)),
                ("fingerprint", .string(key(diagnostic))),
            ])
        }
        return ReportJSON.object([
            ("version", .int(formatVersion)), ("tool", .string(ToolInfo.name)), ("findings", .array(entries)),
        ]).rendered()
    }

    /// Reads a baseline file written by `render`.
    public static func parse(_ bytes: [UInt8], path: String) throws(ConfigurationError) -> Baseline {
        let parsed = JSONParser.parse(SourceText(bytes: bytes))
        if let problem = parsed.findings.first {
            throw ConfigurationError(file: path, position: problem.range.start, message: problem.message)
        }
        guard let root = parsed.documents.first, root.memberValue("version")?.numberInteger == formatVersion,
              let findings = root.memberValue("findings")?.elements
        else {
            throw ConfigurationError(file: path, position: .start, message: "not an activity-lint baseline (version "
                + "\(formatVersion)); write one with --write-baseline")
        }
        var baseline = Baseline(diagnostics: [])
        for entry in findings {
            guard let fingerprint = entry.memberValue("fingerprint")?.string?.text else {
                throw ConfigurationError(file: path, position: entry.range.start, message: "baseline entry has no fingerprint")
            }
            baseline.counts[fingerprint, default: 0] += 1
        }
        return baseline
    }
}

extension Node {
    /// The value of an integer number node that fits in `Int`.
    var numberInteger: Int? {
        if case .number(let number) = value { return number.integer }
        return nil
    }
}
