#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Inline suppressions written as YAML comments (and in HCL, as `#` or `//` line comments):
///
/// ```yaml
/// # activity-lint: disable-next-line name-cloudwatch-safe -- the dot is part of our naming scheme
/// name: orders.v2
/// name: orders.v2  # activity-lint: disable-line name-cloudwatch-safe
/// # activity-lint: disable-file tag-value-missing, tag-duplicate-pair -- generated file
/// ```
///
/// Rule ids are separated by commas or spaces; `all` names every rule; text after `--` is the reason. A directive
/// that suppresses nothing, names an unknown rule or cannot be read is itself reported (`unused-suppression`).
struct Suppressions {
    enum Scope: Hashable {
        case line(Int)
        case file
    }

    struct Directive {
        var scope: Scope
        var ruleIDs: [String]
        var range: SourceRange
        var problem: String?
    }

    static let marker = "activity-lint:"
    static let unusedRuleID = "unused-suppression"

    var directives: [Directive]

    /// Finds the directives in a YAML file's comments. A `#` starts a comment only outside every scalar (`scalars`,
    /// recorded by the loader for files that mention the marker) and after white space or at a line's start, so a
    /// directive written inside a string value is just text: it suppresses nothing and is not reported.
    init(source: SourceText, scalars: YAMLScalarSpans?) {
        directives = []
        guard let scalars else { return }
        let bytes = source.bytes
        var pendingNextLine: [Int] = []
        var cursor = 0
        for lineNumber in 1...source.lineStarts.count {
            let lineStart = source.lineStarts[lineNumber - 1]
            guard lineStart < scalars.knownUntil else { break }
            var lineEnd = lineNumber < source.lineStarts.count ? source.lineStarts[lineNumber] : bytes.count
            while lineEnd > lineStart, bytes[lineEnd - 1] == 0x0A || bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            var hasContent = false
            var comment: Int?
            for index in lineStart..<lineEnd {
                let byte = bytes[index]
                if byte == 0x20 || byte == 0x09 { continue }
                if byte == UInt8(ascii: "#"), index == lineStart || bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09,
                   !scalars.contains(index, cursor: &cursor) {
                    comment = index
                    break
                }
                hasContent = true
            }
            if hasContent {
                // The first content line after `disable-next-line` comments is the one they cover.
                for index in pendingNextLine { directives[index].scope = .line(lineNumber) }
                pendingNextLine = []
            }
            guard let comment, comment < scalars.knownUntil,
                  let directive = Suppressions.directive(commentAt: comment, markerLength: 1, lineEnd: lineEnd,
                                                         lineNumber: lineNumber, source: source)
            else { continue }
            if directive.scope == .line(0) { pendingNextLine.append(directives.count) }
            directives.append(directive)
        }
    }

    /// Finds the directives in the line comments (`#` or `//`) of an HCL file, which its parser found: a `#` inside
    /// a string or heredoc is no comment. A line holding only a comment (or white space) is no content line.
    init(source: SourceText, lineComments: [Int]) {
        directives = []
        guard !lineComments.isEmpty, Suppressions.mentionsMarker(source.bytes) else { return }
        let bytes = source.bytes
        var pendingNextLine: [Int] = []
        var next = 0
        for lineNumber in 1...source.lineStarts.count {
            let lineStart = source.lineStarts[lineNumber - 1]
            var lineEnd = lineNumber < source.lineStarts.count ? source.lineStarts[lineNumber] : bytes.count
            while lineEnd > lineStart, bytes[lineEnd - 1] == 0x0A || bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            while next < lineComments.count, lineComments[next] < lineStart { next += 1 }
            let comment = next < lineComments.count && lineComments[next] < lineEnd
                ? lineComments[next] : nil
            let contentEnd = comment ?? lineEnd
            if bytes[lineStart..<max(lineStart, contentEnd)].contains(where: { $0 != 0x20 && $0 != 0x09 }) {
                for index in pendingNextLine { directives[index].scope = .line(lineNumber) }
                pendingNextLine = []
            }
            guard let comment else { continue }
            let markerLength = bytes[comment] == UInt8(ascii: "#") ? 1 : 2
            guard let directive = Suppressions.directive(
                commentAt: comment, markerLength: markerLength, lineEnd: lineEnd, lineNumber: lineNumber,
                source: source)
            else { continue }
            if directive.scope == .line(0) { pendingNextLine.append(directives.count) }
            directives.append(directive)
        }
    }

    /// A quick scan for `activity-lint:` so files without directives (nearly all) skip the line-by-line pass.
    static func mentionsMarker(_ bytes: [UInt8]) -> Bool {
        bytes.contains(bytes: Array(Suppressions.marker.utf8))
    }

    /// Removes suppressed findings (all of rules in force) and adds findings for directives that suppressed nothing.
    func apply(to findings: [Finding], knownRules: Set<String>) -> [Finding] {
        // The rule ids each scope's valid directives name, and the rules of the diagnostics each scope suppressed:
        // a diagnostic looks up its own line and the file, so the cost is linear in diagnostics plus directives.
        var covered: [Scope: Set<String>] = [:]
        for directive in directives where directive.problem == nil {
            covered[directive.scope, default: []].formUnion(directive.ruleIDs)
        }
        var suppressedRules: [Scope: Set<String>] = [:]
        let kept = findings.filter { finding in
            guard finding.ruleID != Suppressions.unusedRuleID else { return true }
            var suppressed = false
            for scope in [Scope.file, .line(finding.range.start.line)] {
                guard let ids = covered[scope], ids.contains(finding.ruleID) || ids.contains("all") else { continue }
                suppressedRules[scope, default: []].insert(finding.ruleID)
                suppressed = true
            }
            return !suppressed
        }
        // A directive used an id when its scope suppressed that rule; it used `all` when its scope suppressed a rule
        // it does not name itself.
        let used = directives.map { directive -> Set<String> in
            let rules = suppressedRules[directive.scope] ?? []
            let named = Set(directive.ruleIDs)
            var used = named.intersection(rules)
            if named.contains("all"), rules.contains(where: { !named.contains($0) }) { used.insert("all") }
            return used
        }
        var unused: [Finding] = []
        for (index, directive) in directives.enumerated() {
            if let problem = directive.problem {
                unused.append(Finding(ruleID: Suppressions.unusedRuleID, message: problem, range: directive.range))
                continue
            }
            if directive.scope == .line(0) {
                unused.append(Finding(ruleID: Suppressions.unusedRuleID,
                                      message: "suppression comment is not followed by a line to apply to",
                                      range: directive.range))
                continue
            }
            for id in directive.ruleIDs where !used[index].contains(id) {
                let message = id == "all" || knownRules.contains(id)
                    ? "suppression of `\(id)` suppresses nothing here; remove it"
                    : "suppression names the unknown rule `\(id)`" + RuleSuggestion.hint(for: id, among: knownRules)
                unused.append(Finding(ruleID: Suppressions.unusedRuleID, message: message, range: directive.range))
            }
        }
        return kept + unused
    }

    /// Reads the directive of the comment whose `#` (or `//`, `markerLength` 2) is at byte `hash`, if it holds one.
    /// `.line(0)` marks "the next content line".
    private static func directive(
        commentAt hash: Int, markerLength: Int, lineEnd: Int, lineNumber: Int, source: SourceText
    ) -> Directive? {
        let comment = String(decoding: source.bytes[min(hash + markerLength, lineEnd)..<lineEnd], as: UTF8.self)
            .drop { $0 == " " }
        guard comment.hasPrefix(marker) else { return nil }
        let range = SourceRange(start: source.position(atOffset: hash), end: source.position(atOffset: lineEnd))
        let body = comment.dropFirst(marker.count)
        let beforeReason = body.split(separator: "--", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let words = beforeReason.split { $0 == " " || $0 == "," || $0 == "\t" }.map(String.init)
        guard let command = words.first else {
            return Directive(scope: .file, ruleIDs: [], range: range, problem: "empty activity-lint directive; "
                + "write disable-next-line, disable-line or disable-file and the rule ids")
        }
        let scope: Scope
        switch command {
        case "disable-next-line": scope = .line(0)
        case "disable-line": scope = .line(lineNumber)
        case "disable-file": scope = .file
        default:
            return Directive(scope: .file, ruleIDs: [], range: range, problem: "unknown activity-lint directive "
                + "\(Quoting.code(command)); use disable-next-line, disable-line or disable-file")
        }
        let ids = Array(words.dropFirst())
        guard !ids.isEmpty else {
            return Directive(scope: scope, ruleIDs: [], range: range, problem: "\(command) needs the rule ids to "
                + "suppress (or `all`)")
        }
        return Directive(scope: scope, ruleIDs: ids, range: range, problem: nil)
    }
}
