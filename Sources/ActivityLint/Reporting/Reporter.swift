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
        switch self {
        case .text: TextReporter(color: color, showSkipped: showSkipped)
        case .json: JSONReporter()
        case .sarif: SARIFReporter()
        case .github: GitHubReporter()
        }
    }
}
