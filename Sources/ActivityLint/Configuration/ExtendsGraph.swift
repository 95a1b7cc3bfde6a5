#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
// FoundationEssentials where it exists: full Foundation would link ICU's data into the binary (tens of MB).
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The files a configuration extends, each read once (by its resolved path) however many ways lead to it.
///
/// Following every `extends` in turn (bases first, later ones overriding earlier ones) applies a file shared by
/// several bases once per path to it: exponential in the depth of the graph. Every setting is either
/// last-writer-wins (disable, enable, severity, fail-on) or a list that only grows (include, exclude, rules), so
/// applying each file only at its last place in that sequence gives the same settings. That order is the reverse
/// of a depth-first walk that takes the bases last to first and skips files it has seen.
///
/// Files are read by a first walk in the order the `extends` lists give, so problems are reported in the order a
/// reader would meet them, and a loop is found there. A file that cannot be read, or a loop, is a problem of its
/// own; the walk goes on with the other files, so one run reports them all. Each walk costs one visit per file and edge and
/// keeps its own stack, so a long chain of files cannot overflow the thread's.
struct ExtendsGraph {
    /// The files in the order their settings apply, each with what first named it.
    let order: [(document: YAMLDocument, reference: SettingsFile.Reference?)]
    /// What could not be read, and loops, in the order met.
    let problems: [ConfigurationError]

    private struct File {
        var document: YAMLDocument
        var reference: SettingsFile.Reference?
        var bases: [Base]
    }

    private struct Base {
        var key: String
        var path: String
        var reference: SettingsFile.Reference
    }

    /// `bytes`, when given, are the root file's content (it is not read).
    init(root: String, namedBy reference: SettingsFile.Reference?, bytes: [UInt8]? = nil) {
        var files: [String: File] = [:]
        var problems = ProblemList()
        func read(_ key: String, _ path: String, _ reference: SettingsFile.Reference?, bytes: [UInt8]? = nil) {
            var unknownKeys = ProblemList()
            let document = problems.attempt { () throws(ConfigurationError) in
                try ConfigurationLoader.read(path: path, namedBy: reference, bytes: bytes, problems: &unknownKeys)
            }
            for problem in unknownKeys.problems { problems.record(problem) }
            guard let document else { return }
            let bases = problems.attempt { () throws(ConfigurationError) in try ConfigurationLoader.bases(of: document) } ?? []
            files[key] = File(document: document, reference: reference, bases: bases.map {
                Base(key: ExtendsGraph.resolved($0.path), path: $0.path, reference: $0.reference)
            })
        }
        let rootKey = ExtendsGraph.resolved(root)
        read(rootKey, root, reference, bytes: bytes)
        // A loop is reported and its edge not followed: the walk has met its file already.
        ExtendsGraph.walk(from: rootKey, bases: { files[$0]?.bases ?? [] }) { base, onChain in
            if onChain {
                let named = Quoting.code(base.reference.written ?? base.path)
                problems.record(ConfigurationError(file: base.reference.file ?? base.path, position: base.reference.position,
                                                   message: "`extends` loops back to \(named), which extends this file"))
                return
            }
            read(base.key, base.path, base.reference)
        }
        var reversed = files[rootKey].map { [$0] } ?? []
        ExtendsGraph.walk(from: rootKey, bases: { files[$0]?.bases.reversed() ?? [] }) { base, onChain in
            if !onChain, let file = files[base.key] { reversed.append(file) }
        }
        order = reversed.reversed().map { ($0.document, $0.reference) }
        self.problems = problems.problems
    }

    /// Depth-first from `root`, taking each file's bases in the order `bases` gives. `meet` is called for a base
    /// the walk has not seen, and for one on the current chain (a loop: `onChain` is true); a file already walked
    /// is skipped.
    private static func walk(from root: String, bases: (String) -> [Base], meet: (Base, _ onChain: Bool) -> Void) {
        var seen: Set<String> = [root]
        var onChain: Set<String> = [root]
        var chain: [(key: String, pending: ArraySlice<Base>)] = [(root, bases(root)[...])]
        while let last = chain.indices.last {
            guard let base = chain[last].pending.popFirst() else {
                onChain.remove(chain.removeLast().key)
                continue
            }
            if onChain.contains(base.key) { meet(base, true) }
            guard seen.insert(base.key).inserted else { continue }
            meet(base, false)
            chain.append((base.key, bases(base.key)[...]))
            onChain.insert(base.key)
        }
    }

    /// The path with links resolved, so two spellings of one file are one file.
    static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return URL(fileURLWithPath: path).standardizedFileURL.path }
        defer { free(real) }
        return String(cString: real)
    }
}
