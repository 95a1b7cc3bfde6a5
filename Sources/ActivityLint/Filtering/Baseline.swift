/// Findings accepted as they are today, so a team can adopt the linter and see only what is new.
///
/// Each finding is keyed by its structure (`Fingerprint`: rule, file, resource, pointer without list positions and
/// the offending value), never by its line or message, so moving a request, reordering tags, re-indenting or
/// rewording a message does not make a baselined finding reappear. Identical findings are counted.
/// An entry suppresses a finding only when its visible `rule` and `file` are the finding's too, not only its
/// fingerprint: an entry cannot say it is about one thing and hide another. Entries that suppress nothing in a
/// file the run linted are reported (`unused-baseline-entry`).
public struct Baseline: Sendable {
    public static let formatVersion = 2
    static let unusedRuleID = "unused-baseline-entry"

    /// One entry as the baseline file states it.
    struct Entry: Sendable {
        var rule: String
        /// As `Fingerprint.normalized` spells it.
        var file: String
        var fingerprint: String
        /// Where the entry is in the baseline file; nil for a baseline built in memory.
        var position: SourcePosition?
    }

    private struct Match: Hashable {
        var rule: String
        var file: String
        var fingerprint: String
    }

    private var entries: [Entry] = []
    /// The entries not used yet, by what they match, in file order.
    private var unused: [Match: ArraySlice<Int>] = [:]

    public init(diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            add(Entry(rule: diagnostic.ruleID, file: Fingerprint.normalized(diagnostic.file),
                      fingerprint: Baseline.key(diagnostic)))
        }
    }

    private mutating func add(_ entry: Entry) {
        unused[Match(rule: entry.rule, file: entry.file, fingerprint: entry.fingerprint), default: []].append(entries.count)
        entries.append(entry)
    }

    /// Removes the findings the baseline holds (each entry once).
    public func filter(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var baseline = self
        return baseline.apply(diagnostics)
    }

    /// Removes the findings the baseline holds and remembers which entries did so.
    mutating func apply(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { diagnostic in
            let match = Match(rule: diagnostic.ruleID, file: Fingerprint.normalized(diagnostic.file),
                              fingerprint: Baseline.key(diagnostic))
            return unused[match]?.popFirst() == nil
        }
    }

    /// The entries that suppressed nothing, among those about a file in `linted` (paths as `Fingerprint.normalized` spells
    /// them), in file order. Entries about other files are not judged: the run may lint only some files.
    func unusedEntries(linted: Set<String>) -> [Entry] {
        unused.values.joined().sorted().map { entries[$0] }.filter { linted.contains($0.file) }
    }

    static func key(_ diagnostic: Diagnostic) -> String { Fingerprint.of(diagnostic) }

    /// The baseline file: versioned JSON, one entry per finding, readable in review.
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        let entries: [ReportJSON] = diagnostics.map { diagnostic in
            .object([
                ("file", .string(Fingerprint.normalized(diagnostic.file))),
                ("rule", .string(diagnostic.ruleID)),
                ("subject", .string(orNull: diagnostic.subject)),
                ("pointer", .string(diagnostic.pointer)),
                ("message", .string(diagnostic.message)),
                ("fingerprint", .string(key(diagnostic))),
            ])
        }
        return ReportJSON.object([
            ("version", .int(formatVersion)), ("tool", .string(ToolInfo.name)), ("findings", .array(entries)),
        ]).rendered()
    }

    /// Reads a baseline file written by `render`. Errors give a position and never quote the file.
    public static func parse(_ bytes: [UInt8], path: String) throws(ConfigurationError) -> Baseline {
        let parsed = JSONParser.parse(SourceText(bytes: bytes))
        if let problem = parsed.findings.first {
            throw SettingsFile.syntaxError(problem, in: path, format: "JSON")
        }
        let version = parsed.documents.first?.memberValue("version")?.numberInteger
        if version == 1 {
            throw ConfigurationError(file: path, position: .start, message: "this baseline is of version 1, whose "
                + "entries were keyed by message text and no longer match; rewrite it with --write-baseline (version 2 "
                + "keys findings by rule, file, resource, pointer and value, so they survive moves and rewording)")
        }
        guard let root = parsed.documents.first, version == formatVersion,
              let findings = root.memberValue("findings")?.elements
        else {
            throw ConfigurationError(file: path, position: .start, message: "not an activity-lint baseline (version "
                + "\(formatVersion)); write one with --write-baseline")
        }
        var baseline = Baseline(diagnostics: [])
        for entry in findings {
            func text(_ key: String) throws(ConfigurationError) -> String {
                guard let text = entry.memberValue(key)?.string?.text else {
                    throw ConfigurationError(file: path, position: entry.range.start,
                                             message: "baseline entry has no `\(key)` string")
                }
                return text
            }
            baseline.add(Entry(rule: try text("rule"), file: Fingerprint.normalized(try text("file")),
                               fingerprint: try text("fingerprint"), position: entry.range.start))
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
