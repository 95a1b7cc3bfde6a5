/// GitHub Actions workflow commands (`::error file=…,line=…::message`), which turn into annotations on the pull
/// request. Values are escaped by GitHub's rules and by nothing else: `%`, CR and LF in messages; additionally `:`
/// and `,` in properties. The runner reads one command a line, so with no raw line break a value cannot start a
/// command, and with no raw `:` or `,` a property cannot end its own or add another. GitHub undoes exactly these
/// escapes, so `file=` names the file as it is on disk, control characters and all (terminal escapes such as `\e`
/// would name a file that does not exist).
public struct GitHubReporter: StreamingReporter, Sendable {
    public init() {}

    public func render(file: FileResult) -> String {
        var lines: [String] = []
        do {
            if let failure = file.failure {
                lines.append("::error file=\(Self.property(file.path)),title=input-error::\(Self.data(failure))")
            }
            for diagnostic in file.diagnostics {
                let command = switch diagnostic.severity {
                case .error: "error"
                case .warning: "warning"
                case .info: "notice"
                }
                let range = diagnostic.range
                var properties = [
                    "file=" + Self.property(diagnostic.file),
                    "line=\(range.start.line)",
                    "col=\(range.start.column)",
                    "endLine=\(range.end.line)",
                ]
                if range.end.line == range.start.line { properties.append("endColumn=\(range.end.column)") }
                properties.append("title=" + Self.property(diagnostic.ruleID))
                lines.append("::\(command) \(properties.joined(separator: ","))::\(Self.data(diagnostic.messageWithSubject))")
            }
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// The plain summary, after a notice on the pull request when the configuration turned rules off or kept
    /// files out: a change to `.activity-lint.yml` cannot silence the linter unseen.
    public func summary(_ totals: ReportTotals, afterOutput: Bool) -> String {
        var output = ""
        if totals.configuration.turnsSomethingOff || totals.configuration.turnsEveryRuleOff {
            output += "::notice title=activity-lint configuration::" + Self.data(totals.configuration.sentence) + "\n"
        }
        // One plain line, so it can never be read as a workflow command.
        let line = TextReporter.summary(totals) + ". " + totals.configuration.sentence
        return output + Self.data(line) + "\n"
    }

    /// Escapes a command's message by GitHub's rules.
    static func data(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Escapes a property value (`file=`, `title=`).
    static func property(_ text: String) -> String {
        var result = ""
        for scalar in data(text).unicodeScalars {
            switch scalar {
            case ":": result += "%3A"
            case ",": result += "%2C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
