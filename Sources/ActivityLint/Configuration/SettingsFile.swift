#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Configuration files, rule packs and baselines come from the pull request like the inputs do. Each is read only
/// when it is a regular file (after following links) under its size limit, so `extends: /dev/zero` or a baseline
/// linked to a FIFO is an error, not an endless read; and no error quotes what such a file holds.
enum SettingsFile {
    enum Kind {
        case configuration, rulePack, baseline

        /// Bytes at most. Configurations and packs are a few lines; a baseline holds one entry per finding.
        var limit: Int {
            switch self {
            case .configuration, .rulePack: 1 << 20
            case .baseline: 64 << 20
            }
        }

        var limitText: String {
            switch self {
            case .configuration: "1 MiB limit for configuration files"
            case .rulePack: "1 MiB limit for rule packs"
            case .baseline: "64 MiB limit for baselines"
            }
        }
    }

    /// What named the file: a key of a configuration file (with the value as written and its position) or a
    /// command-line flag.
    struct Reference: Sendable {
        var key: String
        var file: String?
        var position: SourcePosition?
        var written: String?

        static func flag(_ flag: String) -> Reference { Reference(key: flag) }
    }

    /// The file's bytes, or an error at the reference that named it.
    static func read(_ path: String, as kind: Kind, namedBy reference: Reference?) throws(ConfigurationError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw error("cannot be read: \(String(cString: strerror(errno)))", path: path, reference: reference)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw error("it is \(fileType(info.st_mode)), not a regular file", path: path, reference: reference)
        }
        guard Int(info.st_size) <= kind.limit else {
            throw error("it is \(info.st_size) bytes, over the \(kind.limitText)", path: path, reference: reference)
        }
        // The limit holds even if the file changes between the check and the read.
        switch InputReader.read(.file(path), displayPath: path, maxBytes: kind.limit) {
        case .success(let bytes): return bytes
        case .failure(let failure):
            let reason = failure.tooLarge == nil ? failure.message : "it is over the \(kind.limitText)"
            throw error(reason, path: path, reference: reference)
        }
    }

    /// An error inside a file that a configuration named, with where it was named.
    static func within<Result>(
        _ path: String, namedBy reference: Reference?, _ body: () throws(ConfigurationError) -> Result
    ) throws(ConfigurationError) -> Result {
        do {
            return try body()
        } catch {
            guard let reference, let file = reference.file else { throw error }
            let place = reference.position.map { "\(file):\($0.line):\($0.column)" } ?? file
            var problems = ProblemList()
            for var problem in error.all {
                if problem.file == path { problem.message += " (in the file `\(reference.key)` names at \(place))" }
                problems.record(problem)
            }
            throw problems.error ?? error
        }
    }

    private static func error(_ reason: String, path: String, reference: Reference?) -> ConfigurationError {
        guard let reference else { return ConfigurationError(file: path, position: nil, message: reason) }
        guard let file = reference.file else {
            return ConfigurationError(file: path, position: nil, message: "\(reason) (given with \(reference.key))")
        }
        return ConfigurationError(file: file, position: reference.position,
                                  message: "`\(reference.key)` names \(Quoting.code(reference.written ?? path)): \(reason)")
    }

    private static func fileType(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a directory"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        default: "not a file"
        }
    }

    /// A parser's finding in a settings file, told without the parser's message: those quote keys, scalars and
    /// libyaml's context from the file, and the file may not be a configuration at all (`extends: /etc/passwd`).
    static func syntaxError(_ finding: Finding, in path: String, format: String) -> ConfigurationError {
        let reason = switch finding.ruleID {
        case "invalid-encoding": "the file is not UTF-8 text without NUL bytes"
        case "duplicate-key": "a key appears twice in one mapping"
        case "nesting-too-deep": "nested deeper than the limit"
        case "alias-limit": "more aliases than the limit"
        default: "not valid \(format)"
        }
        return ConfigurationError(file: path, position: finding.range.start, message: reason + " (\(finding.ruleID))")
    }
}
