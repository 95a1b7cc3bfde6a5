/// A diagnostic's identity, from its structure alone: the rule, the file, the resource, where in the request
/// (list positions left out) and the offending value. Never the message or a line: moving a request, reordering
/// its tags, re-indenting or adding lines above keeps every fingerprint, so baselines and code-scanning alerts
/// follow the finding. SARIF's `partialFingerprints` and the baseline both use it.
enum Fingerprint {
    static func of(_ diagnostic: Diagnostic) -> String {
        StableHash.hex(of: [
            diagnostic.ruleID, normalized(diagnostic.file), diagnostic.subject ?? "",
            structuralPointer(diagnostic.pointer), diagnostic.value,
        ])
    }

    /// How paths are compared, the one place that decides it: `./a/b.json` and `a/b.json` are the same file.
    static func normalized(_ path: String) -> String {
        var path = Substring(path)
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        return String(path)
    }

    /// The pointer with every list index as `*`: a tag is known by its key and value, not by its place in the list,
    /// and a plan's resource by its address, not by its place among the changes.
    static func structuralPointer(_ pointer: String) -> String {
        guard pointer.utf8.contains(where: { (0x30...0x39).contains($0) }) else { return pointer }
        return pointer.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            !segment.isEmpty && segment.utf8.allSatisfy { (0x30...0x39).contains($0) } ? "*" : segment
        }.joined(separator: "/")
    }
}
