#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One input to lint, in the order the run reports it.
public struct InputItem: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        case file(String)
        case standardInput
        /// The path could not be used; the reason is reported and the other inputs are still linted.
        case unusable(String)
        /// The path is not linted, for a reason reported as a skip (not an error).
        case skipped(SkipReason)
    }

    /// The path as reports show it: relative to the repository root when inside it, else absolute.
    public var displayPath: String
    public var source: Source
    /// Named on the command line rather than found in a directory.
    public var isExplicit: Bool

    public init(displayPath: String, source: Source, isExplicit: Bool = true) {
        self.displayPath = displayPath
        self.source = source
        self.isExplicit = isExplicit
    }
}

/// Turns command-line arguments into the list of inputs: files as given, directories searched recursively.
///
/// Symbolic links are followed only while they stay inside the repository root (see `RepositoryRoot`): a link
/// committed in a pull request (`env.yaml -> /proc/self/environ`, `root -> /`) is reported as skipped, naming the
/// link, and its target is never opened. A path named on the command line that lies outside the root itself (the
/// user chose it) is read, and links under it may not lead out of it.
public struct InputDiscovery: Sendable {
    /// File name endings linted when found inside a directory (files named explicitly are always linted).
    public static let extensions: Set<String> = ["json", "yaml", "yml"]
    /// Directories never descended into (besides hidden ones, whose names start with a dot).
    public static let skippedDirectories: Set<String> = ["node_modules"]

    public var stdinFilename: String
    /// The physical path of the repository root; reported paths are relative to it.
    public var root: String

    public init(stdinFilename: String = "<stdin>", root: String? = nil) {
        self.stdinFilename = stdinFilename
        self.root = root ?? RepositoryRoot.find(from: PathText.currentDirectory)
    }

    public func discover(_ arguments: [String]) -> [InputItem] {
        var items: [InputItem] = []
        discover(arguments) { items.append($0) }
        return items
    }

    /// Hands each input to `found` as the walk comes to it, in the same order `discover(_:)` lists them.
    public func discover(_ arguments: [String], found: (InputItem) -> Void) {
        // The walk keeps `found` only while this call runs.
        withoutActuallyEscaping(found) { found in
            var walk = Walk(workingDirectory: PathText.currentDirectory, repositoryRoot: root, found: found)
            for argument in arguments {
                if argument == "-" {
                    walk.found(InputItem(displayPath: stdinFilename, source: .standardInput))
                    continue
                }
                walk.argument(argument)
            }
        }
    }

    /// The state of one discovery: files already listed, directories already entered.
    private struct Walk {
        enum Kind {
            case file, directory, special, link
            case missing(String)
        }

        let workingDirectory: String
        let repositoryRoot: String
        /// Takes each input found.
        let found: (InputItem) -> Void
        /// Hashes of the standardized paths listed so far (a run may list a hundred thousand files).
        var seenFiles = Set<UInt64>()
        /// Resolved directory paths, so a symbolic-link loop is entered once only.
        var visitedDirectories = Set<String>()

        init(workingDirectory: String, repositoryRoot: String, found: @escaping (InputItem) -> Void) {
            self.workingDirectory = workingDirectory
            self.repositoryRoot = repositoryRoot
            self.found = found
        }

        mutating func argument(_ path: String) {
            let standard = PathText.standardized(path, in: workingDirectory)
            let display = PathText.display(standardized: standard, root: repositoryRoot)
            // What links under this argument may not lead out of.
            let boundary: String
            if PathText.isWithin(standard, repositoryRoot) {
                boundary = repositoryRoot
                if let escape = linkEscape(path, boundary: boundary) {
                    return found(InputItem(displayPath: display, source: escape))
                }
            } else {
                boundary = PathText.resolved(path) ?? standard
            }
            var kind = Walk.kind(of: path)
            if case .link = kind { kind = Walk.kind(following: path) }
            switch kind {
            case .missing(let reason):
                found(InputItem(displayPath: display, source: .unusable(reason)))
            case .directory:
                directory(path, display: display, boundary: boundary)
            case .file, .link:
                file(path, display: display, key: StableHash.fnv1a64(standard.utf8), explicit: true)
            case .special:
                // Only `-` reads a stream: a FIFO nobody writes to would block the run.
                found(InputItem(displayPath: display, source: .unusable("is not a regular file (a FIFO, socket or "
                    + "device); only - reads a stream: use `activity-lint - < \(path)`")))
            }
        }

        /// Why `path` may not be read when following its links leads outside `boundary` (or cannot be worked
        /// out), or nil when it stays inside.
        private func linkEscape(_ path: String, boundary: String) -> InputItem.Source? {
            guard let resolved = PathText.resolved(path) else {
                if errno == ENOENT || errno == ELOOP { return nil }  // reported as missing or a loop
                return .unusable("cannot be read: \(String(cString: strerror(errno)))")
            }
            if PathText.isWithin(resolved, boundary) { return nil }
            return .skipped(SkipReason(.outsideRepository, "a symbolic link (or a path through one) to a place "
                + "outside \(boundary == repositoryRoot ? "the repository" : "the folder named"); not followed"))
        }

        /// `key` is the hash of the standardized path, which a directory walk builds from its own without
        /// standardizing every child again.
        private mutating func file(_ path: String, display: String, key: UInt64, explicit: Bool) {
            guard seenFiles.insert(key).inserted else { return }
            found(InputItem(displayPath: display, source: .file(path), isExplicit: explicit))
        }

        /// Depth-first, entries sorted by name so results do not depend on the file system's order.
        mutating func directory(_ path: String, display: String, boundary: String) {
            guard let resolved = PathText.resolved(path) else {
                return found(InputItem(displayPath: display, source: .unusable(
                    "cannot be read: \(String(cString: strerror(errno)))")))
            }
            guard visitedDirectories.insert(resolved).inserted else { return }
            guard let handle = opendir(path) else {
                found(InputItem(displayPath: display, source: .unusable("cannot be read: \(String(cString: strerror(errno)))")))
                return
            }
            let prefix = path.hasSuffix("/") ? path : path + "/"
            let displayPrefix = display == "." ? "" : display.hasSuffix("/") ? display : display + "/"
            var entries: [(name: String, type: UInt8)] = []
            while let entry = readdir(handle) {
                let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
                guard let name = String(validating: bytes, as: UTF8.self) else {
                    let shown = String(decoding: bytes, as: UTF8.self)
                    if Walk.hasLintedExtension(shown) {
                        found(InputItem(
                            displayPath: displayPrefix + shown,
                            source: .unusable("the file name is not valid UTF-8; rename it to lint it"), isExplicit: false))
                    }
                    continue
                }
                // Hidden entries (.git, .github, .activity-lint.yml) are not request files; name one to lint it.
                if !name.hasPrefix(".") { entries.append((name, entry.pointee.d_type)) }
            }
            closedir(handle)
            entries.sort { $0.name < $1.name }
            // Children are neither `.` nor `..` (hidden names are skipped), so "dir/name" is already standard.
            var directoryKey = StableHash.Running()
            let standardDirectory = PathText.standardized(path, in: workingDirectory)
            directoryKey.add(standardDirectory.utf8)
            if standardDirectory != "/" { directoryKey.add(UInt8(ascii: "/")) }
            for (name, type) in entries {
                let child = prefix + name
                let childDisplay = displayPrefix + name
                var kind: Kind = switch Int32(type) {
                case Int32(DT_DIR): .directory
                case Int32(DT_REG): .file
                default: Walk.kind(of: child)  // links and file systems that do not report types
                }
                // A link is followed only while it stays inside the boundary; its target is not even looked at.
                if case .link = kind {
                    let interesting = Walk.hasLintedExtension(name) || Walk.isDirectory(child)
                    if !interesting { continue }
                    if let escape = linkEscape(child, boundary: boundary) {
                        found(InputItem(displayPath: childDisplay, source: escape, isExplicit: false))
                        continue
                    }
                    kind = Walk.kind(following: child)
                }
                switch kind {
                case .directory where !InputDiscovery.skippedDirectories.contains(name):
                    directory(child, display: childDisplay, boundary: boundary)
                case .file where Walk.hasLintedExtension(name):
                    var key = directoryKey
                    key.add(name.utf8)
                    file(child, display: childDisplay, key: key.value, explicit: false)
                case .special where Walk.hasLintedExtension(name):
                    // A FIFO or device inside a tree is not a request file, and reading it could block the run.
                    found(InputItem(displayPath: childDisplay, source: .unusable("is not a regular file (a FIFO, "
                        + "socket or device); it was not read"), isExplicit: false))
                case .missing(let reason) where Walk.hasLintedExtension(name):
                    found(InputItem(displayPath: childDisplay, source: .unusable(reason), isExplicit: false))
                default: continue
                }
            }
        }

        static func hasLintedExtension(_ name: String) -> Bool {
            guard let dot = name.lastIndex(of: ".") else { return false }
            return InputDiscovery.extensions.contains(name[name.index(after: dot)...].lowercased())
        }

        /// What `path` is without following a last symbolic link (`link` for one).
        static func kind(of path: String) -> Kind {
            var info = stat()
            guard lstat(path, &info) == 0 else { return missing() }
            return (info.st_mode & S_IFMT) == S_IFLNK ? .link : kind(mode: info.st_mode)
        }

        /// What a symbolic link leads to.
        static func kind(following path: String) -> Kind {
            var info = stat()
            guard stat(path, &info) == 0 else {
                if errno == ELOOP { return .missing("is a symbolic link loop") }
                if errno == ENOENT { return .missing("is a broken symbolic link") }
                return missing()
            }
            return kind(mode: info.st_mode)
        }

        static func isDirectory(_ path: String) -> Bool {
            var info = stat()
            return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
        }

        private static func kind(mode: mode_t) -> Kind {
            switch mode & S_IFMT {
            case S_IFDIR: .directory
            case S_IFREG: .file
            default: .special
            }
        }

        private static func missing() -> Kind {
            errno == ENOENT ? .missing("does not exist") : .missing("cannot be read: \(String(cString: strerror(errno)))")
        }
    }
}
