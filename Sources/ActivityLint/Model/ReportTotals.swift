/// The counts of a run, gathered file by file so a streamed run needs no list of all results.
public struct ReportTotals: Sendable, Equatable {
    public var files = 0
    public var unreadable = 0
    /// Files not linted, by why (not activity documents, links out of the repository, the linter's own files).
    public var skipped: [SkipReason.Category: Int] = [:]
    public var filesWithProblems = 0
    public var payloads = 0
    public var errors = 0
    public var warnings = 0
    public var infos = 0
    /// Diagnostics with a safe fix (`--fix` applies them), and with an unsafe one (`--unsafe-fixes`).
    public var fixable = 0
    public var unsafeFixable = 0
    /// What `--fix` applied (or `--diff` would apply), and to how many files.
    public var fixesApplied = 0
    public var filesFixed = 0
    /// What the configuration turned off, said by every report.
    public var configuration = ConfigurationSummary()
    /// The physical path of the repository root that reported paths are relative to (SARIF's `%SRCROOT%`).
    public var repositoryRoot: String?

    public init() {}

    /// How many files were skipped, whatever the reason.
    public var skippedFiles: Int { skipped.values.reduce(0, +) }

    /// Files that were read and linted.
    public var lintedFiles: Int { files - unreadable - skippedFiles }

    public init(_ files: [FileResult]) {
        for file in files { add(file) }
    }

    public mutating func add(_ file: FileResult) {
        files += 1
        if file.failure != nil { unreadable += 1 }
        if let skip = file.skipped { skipped[skip.category, default: 0] += 1 }
        if !file.diagnostics.isEmpty { filesWithProblems += 1 }
        payloads += file.payloadCount
        if let fixes = file.fixes {
            fixesApplied += fixes.applied
            filesFixed += 1
        }
        for diagnostic in file.diagnostics {
            switch diagnostic.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
            switch diagnostic.fix?.applicability {
            case .safe: fixable += 1
            case .unsafe: unsafeFixable += 1
            case nil: break
            }
        }
    }

}

/// A reporter that can write each file's part as soon as the file is done, so a run over many files keeps no
/// list of results (text and GitHub annotations; JSON and SARIF documents are written whole).
public protocol StreamingReporter: Reporter {
    /// The output for one file; empty when it has nothing to say.
    func render(file: FileResult) -> String
    /// The closing summary; `afterOutput` tells whether anything was written before it.
    func summary(_ totals: ReportTotals, afterOutput: Bool) -> String
}

extension StreamingReporter {
    public func render(_ report: LintReport) -> String {
        var output = ""
        for file in report.files { output += render(file: file) }
        return output + summary(ReportTotals(report.files), afterOutput: !output.isEmpty)
    }
}

/// A reporter whose output is one document (JSON, SARIF): each file's part is rendered as soon as the file is
/// done and kept as text (in a `ReportSpool`, not in memory), and the document is written around those parts at the
/// end. A run keeps no list of results.
public protocol DocumentReporter: Reporter {
    /// An empty document for a run with these rules in force.
    func document(rules: [RuleDescriptor]) -> any ReportDocument
}

/// The document a `DocumentReporter` fills during one run.
public protocol ReportDocument {
    mutating func add(_ file: FileResult)
    /// Writes the whole document, in pieces, to `write`.
    func finish(_ totals: ReportTotals, write: (String) -> Void)
}

extension DocumentReporter {
    public func render(_ report: LintReport) -> String {
        var document = document(rules: report.rules)
        for file in report.files { document.add(file) }
        var output = ""
        document.finish(ReportTotals(report.files)) { output += $0 }
        return output
    }
}

