import Glibc

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

    /// The path as the user gave it (or as found under a directory they gave).
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
public struct InputDiscovery: Sendable {
    /// File name endings linted when found inside a directory (files named explicitly are always linted).
    public static let extensions: Set<String> = ["json", "yaml", "yml"]
    /// Directories never descended into (besides hidden ones, whose names start with a dot).
    public static let skippedDirectories: Set<String> = ["node_modules"]

    public var stdinFilename: String

    public init(stdinFilename: String = "<stdin>") {
        self.stdinFilename = stdinFilename
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
            var walk = Walk(workingDirectory: PathText.currentDirectory, found: found)
            for argument in arguments {
                if argument == "-" {
                    walk.found(InputItem(displayPath: stdinFilename, source: .standardInput))
                    continue
                }
                switch Walk.kind(of: argument) {
                case .missing(let reason):
                    walk.found(InputItem(displayPath: argument, source: .unusable(reason)))
                case .directory:
                    walk.directory(argument)
                case .file, .special:
                    // A named FIFO or device is read as the user asked (the reader never blocks on opening it).
                    walk.file(argument, explicit: true)
                }
            }
        }
    }

    /// The state of one discovery: files already listed, directories already entered.
    private struct Walk {
        enum Kind {
            case file, directory, special
            case missing(String)
        }

        let workingDirectory: String
        /// Takes each input found.
        let found: (InputItem) -> Void
        /// Hashes of the standardized paths listed so far (a run may list a hundred thousand files).
        var seenFiles = Set<UInt64>()
        /// Resolved directory paths, so a symbolic-link loop is entered once only.
        var visitedDirectories = Set<String>()

        mutating func file(_ path: String, explicit: Bool) {
            file(path, key: StableHash.fnv1a64(PathText.standardized(path, in: workingDirectory).utf8), explicit: explicit)
        }

        /// `key` is the hash of the standardized path, which a directory walk builds from its own without
        /// standardizing every child again.
        private mutating func file(_ path: String, key: UInt64, explicit: Bool) {
            guard seenFiles.insert(key).inserted else { return }
            found(InputItem(displayPath: path, source: .file(path), isExplicit: explicit))
        }

        /// Depth-first, entries sorted by name so results do not depend on the file system's order.
        mutating func directory(_ path: String) {
            guard let resolved = PathText.resolved(path), visitedDirectories.insert(resolved).inserted else { return }
            guard let handle = opendir(path) else {
                found(InputItem(displayPath: path, source: .unusable("cannot be read: \(String(cString: strerror(errno)))")))
                return
            }
            var entries: [(name: String, type: UInt8)] = []
            while let entry = readdir(handle) {
                let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
                guard let name = String(validating: bytes, as: UTF8.self) else {
                    let shown = String(decoding: bytes, as: UTF8.self)
                    if Walk.hasLintedExtension(shown) {
                        found(InputItem(
                            displayPath: (path.hasSuffix("/") ? path : path + "/") + shown,
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
                let child = path.hasSuffix("/") ? path + name : path + "/" + name
                let kind: Kind = switch Int32(type) {
                case Int32(DT_DIR): .directory
                case Int32(DT_REG): .file
                default: Walk.kind(of: child)  // links and file systems that do not report types
                }
                switch kind {
                case .directory where !InputDiscovery.skippedDirectories.contains(name): directory(child)
                case .file where Walk.hasLintedExtension(name):
                    var key = directoryKey
                    key.add(name.utf8)
                    file(child, key: key.value, explicit: false)
                case .special where Walk.hasLintedExtension(name):
                    // A FIFO or device inside a tree is not a request file, and reading it could block the run.
                    found(InputItem(displayPath: child, source: .unusable("is not a regular file (a FIFO, "
                        + "socket or device); name it explicitly to read it"), isExplicit: false))
                case .missing(let reason) where Walk.hasLintedExtension(name):
                    found(InputItem(displayPath: child, source: .unusable(reason), isExplicit: false))
                default: continue
                }
            }
        }

        static func hasLintedExtension(_ name: String) -> Bool {
            guard let dot = name.lastIndex(of: ".") else { return false }
            return InputDiscovery.extensions.contains(name[name.index(after: dot)...].lowercased())
        }

        static func kind(of path: String) -> Kind {
            var info = stat()
            guard stat(path, &info) == 0 else {
                if errno == ELOOP { return .missing("is a symbolic link loop") }
                var link = stat()
                let isLink = lstat(path, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK
                return .missing(isLink ? "is a broken symbolic link" : "does not exist")
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return .directory
            case S_IFREG: return .file
            default: return .special
            }
        }
    }
}
