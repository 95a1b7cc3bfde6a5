#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A JSON CloudFormation template's findings split by resource, so that an edit inside one resource re-parses and
/// re-checks that resource alone and keeps every other finding, moved by the edit's length.
///
/// The answer is the full lint's, by construction: each resource's findings depend on its own text only (its
/// site, its duplicate keys), and the template-wide ones (encoding, the template's and `Resources`' own keys)
/// come from text the edit does not touch. Anything else falls back to the full lint (`apply` returns nil): an
/// edit that adds or removes a line break, touches a resource's braces or anything outside `Resources`' values,
/// leaves the resource unparsable, changes whether it is an activity, or shares its line with text of another
/// resource (a minified template). Edits within one line keep every line and column outside the edited line,
/// so moving a finding is adding the length change to its byte offsets.
struct IncrementalTemplate {
    struct Resource {
        var logicalID: String
        var keyRange: SourceRange
        /// The value's braces: `{` at `valueStart`, `}` just before `valueEnd`.
        var valueStart: Int
        var valueEnd: Int
        var isActivity: Bool
        var hasTypeString: Bool
        /// Sorted in source order.
        var diagnostics: [Diagnostic]
        var activity: DuplicateActivities.Activity?
    }

    let linter: Linter
    let path: String
    private(set) var source: SourceText
    private var resources: [Resource]
    /// Findings of no resource, sorted in source order.
    private var templateDiagnostics: [Diagnostic]
    private let kind: DocumentKind
    private let payloadCount: Int
    /// What a fall back to the full lint found first.
    static let unreadable: Set<String> = ["syntax-error", "invalid-encoding", "nesting-too-deep", "file-too-large"]

    /// The split of a template's full check, or nil when the document is not a JSON template this applies to, or
    /// its findings do not split exactly into per-resource ones and the rest.
    init?(_ checked: Linter.CheckedFile, source: SourceText, path: String, syntax: Syntax, linter: Linter) {
        let result = checked.result
        guard syntax == .json, result.kind == .cloudFormation, result.skipped == nil, result.failure == nil,
              !result.diagnostics.contains(where: { Self.unreadable.contains($0.ruleID) })
        else { return nil }
        var parsed = JSONParser.parse(source, limits: linter.limits)
        defer { parsed.releaseDocuments() }
        guard parsed.documents.count == 1, let top = parsed.documents[0].members,
              top.count(where: { $0.key.text == "Resources" }) == 1,
              let entries = top.first(where: { $0.key.text == "Resources" })?.value.members
        else { return nil }
        (self.linter, self.path, self.source, kind, payloadCount) = (linter, path, source, result.kind, result.payloadCount)
        resources = []
        var remaining = Dictionary(result.diagnostics.map { ($0, 1) }, uniquingKeysWith: +)
        for entry in entries {
            // Duplicate keys inside the value (the resource's own key repeated is the `Resources` map's finding).
            let value = entry.value.range.start.offset..<entry.value.range.end.offset
            let parseFindings = parsed.findings.filter { value.contains($0.range.start.offset) }
            guard var resource = Self.resource(
                entry.key.text, keyRange: entry.keyRange, value: entry.value, parseFindings: parseFindings,
                source: source, linter: linter, path: path)
            else { return nil }
            resource.valueStart = entry.value.range.start.offset
            resource.valueEnd = entry.value.range.end.offset
            for diagnostic in resource.diagnostics {
                guard let count = remaining[diagnostic], count > 0 else { return nil }
                remaining[diagnostic] = count - 1
            }
            resources.append(resource)
        }
        templateDiagnostics = result.diagnostics.filter { diagnostic in
            guard let count = remaining[diagnostic], count > 0 else { return false }
            remaining[diagnostic] = count - 1
            return true
        }
    }

    /// The check of `new`, the text after one or more edits of the text last checked, or nil to fall back.
    mutating func apply(_ new: SourceText) -> Linter.CheckedFile? {
        let old = source
        guard let edit = Self.difference(old.bytes, new.bytes) else { return currentResult }
        let (start, oldEnd, newEnd) = edit
        let delta = newEnd - oldEnd
        let breaks: Set<UInt8> = [0x0A, 0x0D, 0x00]
        guard !old.bytes[start..<oldEnd].contains(where: breaks.contains),
              !new.bytes[start..<newEnd].contains(where: breaks.contains)
        else { return nil }
        let index = resources.partitioningIndex { $0.valueStart >= start }
        guard index > 0 else { return nil }
        let edited = resources[index - 1]
        // The edited line must lie inside the resource's braces, with nothing of any other finding on it.
        let line = old.position(atOffset: start).line
        guard line > 1, line < old.lineStarts.count else { return nil }
        let (lineStart, lineEnd) = (old.lineStarts[line - 1], old.lineStarts[line])
        guard edited.valueStart < lineStart, lineEnd < edited.valueEnd,
              !templateDiagnostics.contains(where: { Self.touches($0, lineStart..<lineEnd) })
        else { return nil }
        var limits = linter.limits
        limits.maxDepth -= 2  // the template's object and `Resources` hold the resource
        var parsed = JSONParser.parseValue(in: new, range: edited.valueStart..<(edited.valueEnd + delta), limits: limits)
        defer { parsed.releaseDocuments() }
        guard parsed.documents.count == 1, parsed.findings.allSatisfy({ $0.ruleID == "duplicate-key" }) else { return nil }
        let prefix = Self.pointer(edited.logicalID)
        let parseFindings = parsed.findings.map { finding in
            var finding = finding
            finding.pointer = prefix + finding.pointer
            return finding
        }
        guard var resource = Self.resource(
            edited.logicalID, keyRange: edited.keyRange, value: parsed.documents[0], parseFindings: parseFindings,
            source: new, linter: linter, path: path),
            resource.isActivity == edited.isActivity, resource.hasTypeString == edited.hasTypeString
        else { return nil }
        resource.valueStart = edited.valueStart
        resource.valueEnd = edited.valueEnd + delta
        resources[index - 1] = resource
        for later in index..<resources.count { Self.move(&resources[later], by: delta) }
        for position in templateDiagnostics.indices {
            Self.move(&templateDiagnostics[position], from: oldEnd, by: delta)
        }
        source = new
        return currentResult
    }

    private var currentResult: Linter.CheckedFile {
        var diagnostics = templateDiagnostics
        var activities: [DuplicateActivities.Activity] = []
        for resource in resources {
            diagnostics += resource.diagnostics
            if var activity = resource.activity {
                activity.source = source
                activities.append(activity)
            }
        }
        diagnostics.sort(by: Diagnostic.inSourceOrder)
        let result = FileResult(
            path: path, source: source, kind: kind, payloadCount: payloadCount, diagnostics: diagnostics)
        return Linter.CheckedFile(result: result, activities: activities)
    }

    /// One entry of `Resources` checked as the full lint checks it: its request, if it is one, and the duplicate
    /// keys inside it (which the full lint keeps only inside requests).
    private static func resource(
        _ logicalID: String, keyRange: SourceRange, value: Node, parseFindings: [Finding], source: SourceText,
        linter: Linter, path: String
    ) -> Resource? {
        guard case .object = value.value else { return nil }
        var resource = Resource(
            logicalID: logicalID, keyRange: keyRange, valueStart: 0, valueEnd: 0, isActivity: false,
            hasTypeString: value.memberValue("Type")?.string != nil, diagnostics: [], activity: nil)
        guard let site = CloudFormationExtractor.site(
            logicalID: logicalID, keyRange: keyRange, resource: value, documentIndex: 0)
        else { return resource }
        let checked = linter.check(site, path: path, source: source)
        resource.isActivity = true
        resource.activity = checked.activity
        let fixes = FixResolver(source: source, syntax: .json)
        resource.diagnostics = linter.engine.diagnostics(for: parseFindings + checked.findings, file: path, fixes: fixes)
            .sorted(by: Diagnostic.inSourceOrder)
        return resource
    }

    private static func pointer(_ logicalID: String) -> String {
        JSONPointer.appending(logicalID, to: "/Resources")
    }

    /// The one replacement that turns `old` into `new`: `old[start..<oldEnd]` became `new[start..<newEnd]`; nil
    /// when they are the same.
    private static func difference(_ old: [UInt8], _ new: [UInt8]) -> (Int, Int, Int)? {
        old.withUnsafeBufferPointer { old in
            new.withUnsafeBufferPointer { new in
                let shorter = min(old.count, new.count)
                // Whole blocks by memcmp first: the texts are megabytes that differ in a few bytes.
                let block = 4096
                var start = 0
                while start + block <= shorter, memcmp(old.baseAddress! + start, new.baseAddress! + start, block) == 0 {
                    start += block
                }
                while start < shorter, old[start] == new[start] { start += 1 }
                if start == old.count && start == new.count { return nil }
                var common = 0
                while common + block <= shorter - start,
                      memcmp(old.baseAddress! + old.count - common - block, new.baseAddress! + new.count - common - block, block) == 0
                {
                    common += block
                }
                while common < shorter - start, old[old.count - 1 - common] == new[new.count - 1 - common] { common += 1 }
                return (start, old.count - common, new.count - common)
            }
        }
    }

    /// Whether any place the diagnostic names (its range, related locations, fix edits) is on `line`'s bytes.
    private static func touches(_ diagnostic: Diagnostic, _ line: Range<Int>) -> Bool {
        var offsets = [diagnostic.range.start.offset, diagnostic.range.end.offset]
        offsets += diagnostic.related.flatMap { [$0.range.start.offset, $0.range.end.offset] }
        offsets += diagnostic.fix?.edits.flatMap { [$0.offset, $0.endOffset] } ?? []
        return offsets.contains(where: line.contains)
    }

    private static func move(_ resource: inout Resource, by delta: Int) {
        resource.valueStart += delta
        resource.valueEnd += delta
        resource.keyRange = moved(resource.keyRange, from: 0, by: delta)
        for index in resource.diagnostics.indices { move(&resource.diagnostics[index], from: 0, by: delta) }
        if let range = resource.activity?.range { resource.activity?.range = moved(range, from: 0, by: delta) }
    }

    /// Adds `delta` to every byte offset of the diagnostic at or after `from`.
    private static func move(_ diagnostic: inout Diagnostic, from: Int, by delta: Int) {
        diagnostic.range = moved(diagnostic.range, from: from, by: delta)
        for index in diagnostic.related.indices where diagnostic.related[index].file == diagnostic.file {
            diagnostic.related[index].range = moved(diagnostic.related[index].range, from: from, by: delta)
        }
        if var fix = diagnostic.fix {
            for index in fix.edits.indices {
                if fix.edits[index].offset >= from { fix.edits[index].offset += delta }
                if fix.edits[index].endOffset >= from { fix.edits[index].endOffset += delta }
            }
            diagnostic.fix = fix
        }
    }

    private static func moved(_ range: SourceRange, from: Int, by delta: Int) -> SourceRange {
        var range = range
        if range.start.offset >= from { range.start.offset += delta }
        if range.end.offset >= from { range.end.offset += delta }
        return range
    }
}
