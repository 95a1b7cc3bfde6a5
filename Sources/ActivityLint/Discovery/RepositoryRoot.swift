#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder every reported path is relative to, and that symbolic links may not lead out of: the git work
/// tree's top level (the nearest folder above the working directory holding `.git`), else the working directory.
enum RepositoryRoot {
    /// The physical (link-free) path of the root, found from `workingDirectory` (itself physical, as `getcwd`
    /// gives it).
    static func find(from workingDirectory: String) -> String {
        var candidate = workingDirectory
        while true {
            var info = stat()
            if lstat(candidate == "/" ? "/.git" : candidate + "/.git", &info) == 0 { return candidate }
            guard candidate != "/", let slash = candidate.lastIndex(of: "/") else { return workingDirectory }
            candidate = slash == candidate.startIndex ? "/" : String(candidate[..<slash])
        }
    }
}
