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
/// Symbolic links are followed only while they stay inside the repository (see `RepositoryRoot`), and never into
/// its `.git` folder: a link committed in a pull request (`env.yaml -> /proc/self/environ`, `root -> /`) is
/// reported as skipped, naming the link, and its target is never opened; a link that cannot be resolved is
/// reported as broken, never opened. A path named on the command line outside the repository (the user chose
/// it), or any path when the run is in no repository, is read, and links under it may not lead out of the
/// folder named (of a named file, its folder).
public struct InputDiscovery: Sendable {
    /// File name endings linted when found inside a directory (files named explicitly are always linted).
    /// Any case of these; `tf.json` ends in `json`. Terraform and OpenTofu files (`.tf`, `.tofu`) only as those
    /// tools load them, in lower case (`TerraformFileKind`).
    public static let extensions: Set<String> = ["json", "yaml", "yml"]
    /// Directories never descended into (besides hidden ones, whose names start with a dot).
    public static let skippedDirectories: Set<String> = ["node_modules"]

    public var stdinFilename: String
    /// The physical path of the repository root (or the working directory); reported paths are relative to it.
    public var root: String
    /// Whether `root` is a git work tree; only then do links anywhere inside it count as inside.
    public var isRepository: Bool

    public init(stdinFilename: String = "<stdin>", root: String? = nil, isRepository: Bool? = nil) {
        self.stdinFilename = stdinFilename
        // Looked for only when the caller did not say (a run finds it once for reports and discovery alike).
        let found = root == nil || isRepository == nil ? RepositoryRoot.find(from: PathText.currentDirectory) : nil
        self.root = root ?? found ?? PathText.currentDirectory
        self.isRepository = isRepository ?? (found != nil)
    }

    /// Whether a folder's walk lints a file of this name (by its ending).
    static func lintsWhenFound(name: String) -> Bool {
        Walk.hasLintedExtension(name)
    }

    /// Whether `path` is a regular file, or a link to one.
    static func isRegularFile(_ path: String) -> Bool {
        if case .file = Walk.kind(following: path) { true } else { false }
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
            var walk = Walk(
                workingDirectory: PathText.currentDirectory, repositoryRoot: root, isRepository: isRepository,
                found: found)
            for argument in arguments {
                if argument == "-" {
                    walk.found(InputItem(displayPath: stdinFilename, source: .standardInput))
                    continue
                }
                walk.argument(argument)
            }
        }
    }

    /// The Terraform files of one folder, not of its subfolders, found by the same rules as a walk (hidden names
    /// skipped, links followed only while they stay inside the repository or the folder): the files of a module,
    /// beside the one being linted.
    func terraformFiles(inFolder folder: String) -> [InputItem] {
        var items: [InputItem] = []
        withoutActuallyEscaping({ (item: InputItem) in items.append(item) }) { found in
            var walk = Walk(
                workingDirectory: PathText.currentDirectory, repositoryRoot: root, isRepository: isRepository,
                found: found)
            walk.onlyTerraformFilesOfTheFolder = true
            walk.argument(folder)
        }
        return items
    }

    /// The state of one discovery: files already listed, directories already entered.
    private struct Walk {
        enum Kind {
            case file, directory, special, link
            case missing(String)
        }

        let workingDirectory: String
        let repositoryRoot: String
        let isRepository: Bool
        /// Takes each input found.
        let found: (InputItem) -> Void
        /// The reported (standardized) paths listed so far: the same file named twice is linted once. Paths are
        /// compared by their bytes: as Swift strings, `é` written as one code point and as `e` with a combining
        /// accent are equal, and the second of two such files (or folders) would be left out unseen.
        var seenFiles = Set<BytewiseKey>()
        /// Resolved directory paths, so a symbolic-link loop is entered once only.
        var visitedDirectories = Set<BytewiseKey>()
        /// Lists the Terraform files of the folder named and enters no subfolder (`terraformFiles(inFolder:)`).
        var onlyTerraformFilesOfTheFolder = false

        init(workingDirectory: String, repositoryRoot: String, isRepository: Bool, found: @escaping (InputItem) -> Void) {
            self.workingDirectory = workingDirectory
            self.repositoryRoot = repositoryRoot
            self.isRepository = isRepository
            self.found = found
        }

        mutating func argument(_ path: String) {
            let standard = PathText.standardized(path, in: workingDirectory)
            let display = PathText.display(standardized: standard, root: repositoryRoot)
            // What links under this argument may not lead out of: the repository, or the folder named (for a file,
            // its folder) when the argument is outside the repository or the run is in none.
            let boundary: String
            if isRepository, PathText.isWithin(standard, repositoryRoot) {
                boundary = repositoryRoot
            } else {
                let folder = Walk.isDirectory(path) ? standard : PathText.parent(of: standard)
                boundary = PathText.resolved(folder) ?? folder
            }
            if let escape = linkEscape(path, boundary: boundary) {
                return found(InputItem(displayPath: display, source: escape))
            }
            var kind = Walk.kind(of: path)
            if case .link = kind { kind = Walk.kind(following: path) }
            switch kind {
            case .missing(let reason):
                found(InputItem(displayPath: display, source: .unusable(reason)))
            case .directory:
                directory(path, display: display, boundary: boundary)
            case .file, .link:
                file(path, display: display, explicit: true)
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
                let reason = errno
                var info = stat()
                let isLink = lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
                // What cannot be resolved is never opened: a link to a deleted file under /proc still opens.
                if isLink { return .unusable(reason == ELOOP ? "is a symbolic link loop" : "is a broken symbolic link") }
                if reason == ENOENT { return nil }  // reported as missing
                return .unusable("cannot be read: \(String(cString: strerror(reason)))")
            }
            let escapes = !PathText.isWithin(resolved, boundary)
            // The repository's own `.git` folder holds credentials (a checkout's token): no link leads into it.
            guard escapes || PathText.relative(resolved, to: boundary).map(Walk.isInGitFolder) == true else { return nil }
            return .skipped(SkipReason(.outsideRepository, "a symbolic link (or a path through one) to a place "
                + "outside \(boundary == repositoryRoot ? "the repository" : "the folder named")"
                + (escapes ? "" : " or into its .git folder") + "; not followed"))
        }

        static func isInGitFolder(_ relative: String) -> Bool {
            relative == ".git" || relative.hasPrefix(".git/")
        }

        private mutating func file(_ path: String, display: String, explicit: Bool) {
            guard seenFiles.insert(BytewiseKey(display)).inserted else { return }
            found(InputItem(displayPath: display, source: .file(path), isExplicit: explicit))
        }

        /// Depth-first, entries sorted by name so results do not depend on the file system's order.
        mutating func directory(_ path: String, display: String, boundary: String) {
            guard let resolved = PathText.resolved(path) else {
                return found(InputItem(displayPath: display, source: .unusable(
                    "cannot be read: \(String(cString: strerror(errno)))")))
            }
            guard visitedDirectories.insert(BytewiseKey(resolved)).inserted else { return }
            guard let handle = opendir(path) else {
                found(InputItem(displayPath: display, source: .unusable("cannot be read: \(String(cString: strerror(errno)))")))
                return
            }
            let prefix = path.hasSuffix("/") ? path : path + "/"
            let displayPrefix = display == "." ? "" : display.hasSuffix("/") ? display : display + "/"
            var entries: [(name: String, type: UInt8)] = []
            while let entry = readdir(handle) {
                let bytes = Walk.nameBytes(of: entry)
                // An ASCII name (nearly every one) is valid UTF-8 without the validating decoder's slower look.
                guard let name = bytes.isASCII() ? String(decoding: bytes, as: UTF8.self)
                    : String(validating: bytes, as: UTF8.self)
                else {
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
            entries.sort { Walk.precedes($0.name, $1.name) }
            // Children are neither `.` nor `..` (hidden names are skipped), so "dir/name" is already standard.
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
                    let interesting = isListed(name) || !onlyTerraformFilesOfTheFolder && Walk.isDirectory(child)
                    if !interesting { continue }
                    if let escape = linkEscape(child, boundary: boundary) {
                        found(InputItem(displayPath: childDisplay, source: escape, isExplicit: false))
                        continue
                    }
                    kind = Walk.kind(following: child)
                }
                switch kind {
                case .directory where !onlyTerraformFilesOfTheFolder && !InputDiscovery.skippedDirectories.contains(name):
                    directory(child, display: childDisplay, boundary: boundary)
                case .file where isListed(name):
                    file(child, display: childDisplay, explicit: false)
                case .special where isListed(name):
                    // A FIFO or device inside a tree is not a request file, and reading it could block the run.
                    found(InputItem(displayPath: childDisplay, source: .unusable("is not a regular file (a FIFO, "
                        + "socket or device); it was not read"), isExplicit: false))
                case .missing(let reason) where isListed(name):
                    found(InputItem(displayPath: childDisplay, source: .unusable(reason), isExplicit: false))
                default: continue
                }
            }
        }

        /// The bytes of a directory entry's name, read in place up to its NUL. A `dirent` is only as long as its
        /// name: copying the whole `d_name` field (256 bytes) read past the end of readdir's buffer, and crashed
        /// when that buffer ended at the end of a page.
        static func nameBytes(of entry: UnsafeMutablePointer<dirent>) -> UnsafeBufferPointer<UInt8> {
            let name = UnsafeRawPointer(entry) + MemoryLayout<dirent>.offset(of: \dirent.d_name)!
            return UnsafeBufferPointer(
                start: name.assumingMemoryBound(to: UInt8.self), count: strlen(name.assumingMemoryBound(to: CChar.self)))
        }

        /// Names in the order of their UTF-8 bytes, as `LC_ALL=C ls` lists them. Swift's `<` compares canonical
        /// equivalents (`é` written as one code point or two) as equal, which would leave their order to the file
        /// system; bytes also compare with one memcmp.
        static func precedes(_ first: String, _ second: String) -> Bool {
            let inPlace = first.utf8.withContiguousStorageIfAvailable { a in
                second.utf8.withContiguousStorageIfAvailable { b in
                    let common = Swift.min(a.count, b.count)
                    let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
                    return order != 0 ? order < 0 : a.count < b.count
                }
            }
            return (inPlace ?? nil) ?? first.utf8.lexicographicallyPrecedes(second.utf8)
        }

        private func isListed(_ name: String) -> Bool {
            onlyTerraformFilesOfTheFolder ? TerraformFileKind.of(path: name) != nil : Walk.hasLintedExtension(name)
        }

        static func hasLintedExtension(_ name: String) -> Bool {
            // The last `.` found in the UTF-8, not among the characters: this runs for every entry of every folder,
            // and a backwards walk over characters works out grapheme clusters at each step.
            guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")) else { return false }
            if TerraformFileKind.of(path: name) != nil { return true }
            // In any letter case, compared as bytes: the extensions are ASCII letters, which no other character
            // lowercases to, and lowercasing the name and hashing it cost more than the rest of the walk.
            let start = name.utf8.distance(from: name.utf8.startIndex, to: dot) + 1
            var name = name
            return name.withUTF8 { bytes in
                Walk.extensionBytes.contains { known in
                    known.count == bytes.count - start
                        && known.indices.allSatisfy { known[$0] == bytes[start + $0] | 0x20 }
                }
            }
        }

        private static let extensionBytes = InputDiscovery.extensions.map { Array($0.utf8) }

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
