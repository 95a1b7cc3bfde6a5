/// Turns a finished `LintReport` into the text a user or a tool reads.
///
/// `render` returns the whole output, ending with a newline; write it as it is (`fputs(output, stdout)`).
public protocol Reporter {
    func render(_ report: LintReport) -> String
}

/// The `--format` choices.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Compiler-style lines with source excerpts and carets, for people.
    case text
    /// The versioned `--format json` contract (see `JSONReporter`).
    case json
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    case sarif
    /// GitHub Actions workflow commands, shown as annotations on pull requests.
    case github

    /// The reporter for this format. `color` only matters for `text`; the CLI decides it
    /// (standard output is a terminal and `NO_COLOR` is not set).
    public func reporter(color: Bool, showSkipped: Bool = false) -> any Reporter {
        writer(color: color, showSkipped: showSkipped).reporter
    }

    /// The reporter for this format as the kind of output it writes; `sarif` is the reporter `sarif` uses (its caps).
    public func writer(color: Bool, showSkipped: Bool = false, sarif: SARIFReporter = SARIFReporter()) -> ReportWriter {
        switch self {
        case .text: .streaming(TextReporter(color: color, showSkipped: showSkipped))
        case .json: .document(JSONReporter())
        case .sarif: .document(sarif)
        case .github: .streaming(GitHubReporter())
        }
    }
}

/// A format's reporter as what it writes: file by file as each is done, or one document at the end.
///
/// A run asks this instead of casting an `any Reporter` to either protocol: the first cast of a type to a protocol
/// makes the Swift runtime scan every conformance record in the binary, four scans that were a seventh of the
/// instructions of a one-file run.
public enum ReportWriter {
    case streaming(any StreamingReporter)
    case document(any DocumentReporter)

    public var reporter: any Reporter {
        switch self {
        case .streaming(let reporter): reporter
        case .document(let reporter): reporter
        }
    }
}
