#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Path arithmetic on strings, without Foundation's URL (which costs microseconds a call on Linux, and runs once
/// per file).
enum PathText {
    /// The absolute form of `path` with `.` and `..` segments and repeated slashes removed (symbolic links are
    /// not resolved).
    static func standardized(_ path: String, in directory: String) -> String {
        let absolute = path.hasPrefix("/") ? path : directory + "/" + path
        var segments: [Substring] = []
        for segment in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        return "/" + segments.joined(separator: "/")
    }

    /// `path` relative to `base` (both standardized), or nil when it is not inside `base`.
    static func relative(_ path: String, to base: String) -> String? {
        if base == "/" { return String(path.dropFirst()) }
        guard path.hasPrefix(base + "/") else { return nil }
        return String(path.dropFirst(base.count + 1))
    }

    /// The working directory.
    static var currentDirectory: String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The path with every symbolic link resolved, or nil when it does not exist (`errno` says why).
    static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// The last component of a path (the whole path when it has no `/`), without splitting the rest.
    static func lastComponent(_ path: String) -> Substring {
        // A byte search: `/` is ASCII, so the index after it starts a character.
        path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[path.utf8.index(after: $0)...] } ?? Substring(path)
    }

    /// The folder holding the standardized absolute `path` (`/` for `/`).
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// Whether the standardized absolute `path` is `root` or inside it.
    static func isWithin(_ path: String, _ root: String) -> Bool {
        path == root || relative(path, to: root) != nil
    }

    /// How a path is reported: relative to the repository root when inside it, else absolute.
    static func display(standardized path: String, root: String) -> String {
        if path == root { return "." }
        return relative(path, to: root) ?? path
    }
}
