#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder every reported path is relative to, and that symbolic links may not lead out of: the git work
/// tree's top level (the nearest folder above the working directory holding `.git`), else the working directory
/// for reported paths, while links may then not lead out of each folder named on the command line.
enum RepositoryRoot {
    /// The physical (link-free) path of the git work tree holding `directory` (itself physical, as `getcwd`
    /// gives it), or nil outside any.
    static func find(from directory: String) -> String? {
        var candidate = directory
        while true {
            var info = stat()
            if lstat(candidate == "/" ? "/.git" : candidate + "/.git", &info) == 0 { return candidate }
            guard candidate != "/", let slash = candidate.lastIndex(of: "/") else { return nil }
            candidate = slash == candidate.startIndex ? "/" : String(candidate[..<slash])
        }
    }
}
