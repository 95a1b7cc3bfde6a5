/// Which parser findings of a linted file concern its requests. A template or plan is mostly about other
/// resources: a duplicate key in an S3 bucket's properties or `AWSTemplateFormatVersion: 2010-09-09` read as a
/// date by YAML 1.1 is no business of this linter. So:
/// - findings in documents that hold no requests are dropped;
/// - YAML 1.1 ambiguity warnings are kept only for the values the rules read (a request's name, tags and
///   encryption, wherever the request sits);
/// - duplicate keys are kept at the top level of a document and inside the resources that are requests;
/// - everything else (syntax errors, limits, empty documents) is kept.
struct FindingScope {
    /// Per document, at its index: the pointers whose subtrees the rules read, and those of the requests'
    /// resources. Arrays, not `[Int: Set<String>]`: the first dictionary keyed by `Int` costs a one-file run a scan
    /// of every conformance record in the binary (the Swift runtime looking up how `Int` hashes).
    private var readPointers: [Set<String>] = []
    private var scopePointers: [Set<String>] = []
    /// How deep the deepest of those pointers is, so a finding's pointer is looked up no deeper.
    private var deepest = 0
    private let documentKinds: [DocumentKind]

    init(sites: [PayloadSite], documentKinds: [DocumentKind]) {
        self.documentKinds = documentKinds
        for site in sites {
            let index = site.documentIndex
            while readPointers.count <= index {
                readPointers.append([])
                scopePointers.append([])
            }
            readPointers[index].formUnion(site.readPointers)
            scopePointers[index].insert(site.scopePointer)
            deepest = max(deepest, site.readPointers.map(Self.depth).max() ?? 0)
        }
    }

    func keeps(_ finding: Finding) -> Bool {
        let index = finding.documentIndex
        if index < documentKinds.count, !documentKinds[index].holdsRequests { return false }
        switch finding.ruleID {
        case "yaml-1-1-ambiguity":
            return Self.isWithin(finding.pointer, pointers(readPointers, index), deepest: deepest)
        case "duplicate-key":
            return Self.depth(finding.pointer) <= 1
                || Self.isWithin(finding.pointer, pointers(scopePointers, index), deepest: deepest)
        default:
            return true
        }
    }

    private func pointers(_ perDocument: [Set<String>], _ index: Int) -> Set<String> {
        perDocument.indices.contains(index) ? perDocument[index] : []
    }

    /// Whether `pointer` is one of `roots` or inside one, by looking up its ancestors no deeper than the deepest
    /// root (a few, however deep the pointer and however many requests: linear in the pointer's length).
    private static func isWithin(_ pointer: String, _ roots: Set<String>, deepest: Int) -> Bool {
        if roots.isEmpty { return false }
        if roots.contains("") { return true }
        var ancestors: [Substring.Index] = []
        var index = pointer.utf8.startIndex
        // The ends of the first `deepest` segments (`/a`, `/a/b`, …), and the pointer's end when it is shallower.
        while index < pointer.utf8.endIndex, ancestors.count <= deepest {
            index = pointer.utf8.index(after: index)
            let next = pointer.utf8[index...].firstIndex(of: UInt8(ascii: "/")) ?? pointer.utf8.endIndex
            ancestors.append(next)
            index = next
        }
        return ancestors.contains { roots.contains(String(pointer[..<$0])) }
    }

    private static func depth(_ pointer: String) -> Int {
        pointer.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) }
    }
}
