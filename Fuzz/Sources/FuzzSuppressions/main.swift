@_spi(Internals) import ActivityLint
import FuzzSupport

/// libFuzzer entry point: suppression comments next to YAML scalars of every style. A directive counts only in a
/// real comment, so for every input:
/// - no `unused-suppression` is reported at a `#` that lies inside a scalar;
/// - spoiling every `activity-lint:` marker that starts inside a scalar (its letters in upper case, so no byte
///   moves) adds no diagnostic of any rule: a directive written inside a string never hid one.
/// The scalars' spans come from the loaded tree's node ranges, not from the suppression scanner under test.
private let marker = Array("activity-lint:".utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSuppressions(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard isParserInput(bytes) else { return -1 }
    let markers = occurrences(of: marker, in: bytes)
    guard !markers.isEmpty else { return 0 }
    let source = SourceText(bytes: bytes)
    let spans = scalarSpans(YAMLLoader.load(source, limits: fuzzLimits), in: bytes)
    func inScalar(_ offset: Int) -> Bool { spans.contains { $0.contains(offset) } }

    let before = fuzzLinter.lint(bytes: bytes, path: "request.yaml").diagnostics
    for diagnostic in before where diagnostic.ruleID == "unused-suppression" {
        fuzzCheck(!inScalar(diagnostic.range.start.offset),
                  "a directive inside a scalar was read as a comment at \(diagnostic.range.start)")
    }
    var spoiled = bytes
    // A marker right after a backslash starts with the escape `\a`; upper case would make it `\A`, which is no
    // escape at all, and the change of meaning would be mistaken for a hidden diagnostic.
    for start in markers where inScalar(start) && (start == 0 || bytes[start - 1] != UInt8(ascii: "\\")) {
        for offset in start..<(start + marker.count) where spoiled[offset] >= 0x61 && spoiled[offset] <= 0x7A {
            spoiled[offset] -= 0x20
        }
    }
    guard spoiled != bytes else { return 0 }
    let after = fuzzLinter.lint(bytes: spoiled, path: "request.yaml").diagnostics
    // Counted per rule, not per position: a scalar's positions may be aligned differently once its text changed.
    let allowed = counts(before)
    for (rule, count) in counts(after) {
        // Keys compared with the changed text may now differ or collide: those rules are no evidence either way.
        if rule.contains("duplicate") || rule == "unknown-member" { continue }
        fuzzCheck(count <= allowed[rule, default: 0], "a \(rule) diagnostic was hidden by a directive inside a scalar")
    }
    return 0
}

private func counts(_ diagnostics: [Diagnostic]) -> [String: Int] {
    var result: [String: Int] = [:]
    for diagnostic in diagnostics { result[diagnostic.ruleID, default: 0] += 1 }
    return result
}

private func occurrences(of needle: [UInt8], in bytes: [UInt8]) -> [Int] {
    guard bytes.count >= needle.count else { return [] }
    return (0...(bytes.count - needle.count)).filter { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
}

/// The byte ranges of every scalar (values and keys) in the loaded documents, after its tag and anchor (spoiling an
/// anchor's name would break its aliases). A block scalar's `|` or `>` header may end in a real comment: its span
/// starts at the header's line break.
private func scalarSpans(_ parsed: ParsedSource, in bytes: [UInt8]) -> [Range<Int>] {
    var spans: [Range<Int>] = []
    func add(_ range: SourceRange) {
        var start = range.start.offset
        // Skip a tag and an anchor (`!!str &a |`), and comments after them (properties may stand on an earlier
        // line than the value: `!!str &a # note` then `|` below), to find where the value's text starts.
        while start < range.end.offset,
              bytes[start] == UInt8(ascii: "!") || bytes[start] == UInt8(ascii: "&") || bytes[start] == UInt8(ascii: "#")
        {
            if bytes[start] == UInt8(ascii: "#") {
                while start < range.end.offset, bytes[start] != 0x0A, bytes[start] != 0x0D { start += 1 }
            } else {
                while start < range.end.offset, !isBlank(bytes[start]) { start += 1 }
            }
            while start < range.end.offset, isBlank(bytes[start]) { start += 1 }
        }
        if start < range.end.offset, bytes[start] == UInt8(ascii: "|") || bytes[start] == UInt8(ascii: ">") {
            while start < range.end.offset, bytes[start] != 0x0A, bytes[start] != 0x0D { start += 1 }
        }
        if start < range.end.offset { spans.append(start..<range.end.offset) }
    }
    var stack = parsed.documents
    while let node = stack.popLast() {
        switch node.value {
        case .object(let members):
            for member in members {
                add(member.keyRange)
                stack.append(member.value)
            }
        case .array(let elements):
            stack.append(contentsOf: elements)
        default:
            // An alias stands for its anchor's node; its own range is the `*name`, no scalar.
            if node.aliasOf == nil { add(node.range) }
        }
    }
    return spans
}

private func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

runFuzzer(fuzzSuppressions)
