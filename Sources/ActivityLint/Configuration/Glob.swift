/// A path pattern from the configuration, matched against paths relative to the configuration's folder:
/// `*` matches within one path segment, `?` one character, `**` any number of segments. A pattern without a `/`
/// matches a file or folder name at any depth (as in .gitignore), and a pattern that matches a folder matches
/// everything inside it.
@_spi(Internals) public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    private let segments: [Substring]
    private let anchored: Bool

    public init(_ pattern: String) {
        self.pattern = pattern
        var text = Substring(pattern)
        if text.hasPrefix("./") { text = text.dropFirst(2) }
        while text.hasSuffix("/") { text = text.dropLast() }
        anchored = text.contains("/")
        segments = text.split(separator: "/", omittingEmptySubsequences: true)
    }

    public var description: String { pattern }

    /// Whether `relativePath` (segments separated by `/`, no leading `./`) or one of its parent folders matches.
    public func matches(_ relativePath: String) -> Bool {
        let path = relativePath.split(separator: "/", omittingEmptySubsequences: true)
        if anchored {
            return (1...max(1, path.count)).contains { Glob.match(segments[...], path.prefix($0)) }
        }
        return path.contains { Glob.matchSegment(segments.first ?? "", $0) }
    }

    private static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            let rest = pattern.dropFirst()
            return (0...path.count).contains { match(rest, path.dropFirst($0)) }
        }
        guard let segment = path.first, matchSegment(first, segment) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    /// `*` and `?` within one segment, by iterative wildcard matching (linear in practice, no backtracking blow-up).
    static func matchSegment(_ pattern: Substring, _ text: Substring) -> Bool {
        let p = Array(pattern.unicodeScalars)
        let t = Array(text.unicodeScalars)
        var pi = 0, ti = 0
        var star = -1, mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] == "?" || p[pi] == t[ti] {
                pi += 1; ti += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi; mark = ti; pi += 1
            } else if star >= 0 {
                pi = star + 1; mark += 1; ti = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
