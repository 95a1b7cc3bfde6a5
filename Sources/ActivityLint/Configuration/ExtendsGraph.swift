#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The files a configuration extends, each read once (by its resolved path) however many ways lead to it.
///
/// Following every `extends` in turn (bases first, later ones overriding earlier ones) applies a file shared by
/// several bases once per path to it: exponential in the depth of the graph. Every setting is either
/// last-writer-wins (disable, enable, severity, fail-on) or a list that only grows (include, exclude, rules), so
/// applying each file only at its last place in that sequence gives the same settings. That order is the reverse
/// of a depth-first walk that takes the bases last to first and skips files it has seen, which costs one visit per
/// file and edge. The walk keeps its own stack, so a long chain of files cannot overflow the thread's.
struct ExtendsGraph {
    /// The files in the order their settings apply, each with what first named it.
    let order: [(document: YAMLDocument, reference: SettingsFile.Reference?)]

    /// `bytes`, when given, are the root file's content (it is not read).
    init(root: String, namedBy reference: SettingsFile.Reference?, bytes: [UInt8]? = nil) throws(ConfigurationError) {
        var reversed: [(document: YAMLDocument, reference: SettingsFile.Reference?)] = []
        var seen: Set<String> = []
        // The files from the root to the one being walked, with the bases each has left to walk.
        var chain: [(key: String, pending: [(path: String, reference: SettingsFile.Reference)])] = []
        var onChain: Set<String> = []
        func enter(_ path: String, _ reference: SettingsFile.Reference?, bytes: [UInt8]? = nil) throws(ConfigurationError) {
            let key = ExtendsGraph.resolved(path)
            if onChain.contains(key) {
                throw ConfigurationError(file: reference?.file ?? path, position: reference?.position,
                                         message: "`extends` loops back to \(Quoting.code(reference?.written ?? path)), which extends this file")
            }
            guard seen.insert(key).inserted else { return }
            let document = try ConfigurationLoader.read(path: path, namedBy: reference, bytes: bytes)
            reversed.append((document, reference))
            chain.append((key, try ConfigurationLoader.bases(of: document)))
            onChain.insert(key)
        }
        try enter(root, reference, bytes: bytes)
        while let last = chain.indices.last {
            guard let base = chain[last].pending.popLast() else {
                onChain.remove(chain.removeLast().key)
                continue
            }
            try enter(base.path, base.reference)
        }
        order = reversed.reversed()
    }

    /// The path with links resolved, so two spellings of one file are one file.
    static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return URL(fileURLWithPath: path).standardizedFileURL.path }
        defer { free(real) }
        return String(cString: real)
    }
}
