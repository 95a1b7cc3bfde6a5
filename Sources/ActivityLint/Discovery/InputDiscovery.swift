import Foundation

/// One input to lint, in the order the run reports it.
public struct InputItem: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        case file(String)
        case standardInput
        /// The path could not be used; the reason is reported and the other inputs are still linted.
        case unusable(String)
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
        var seen = Set<String>()
        for argument in arguments {
            if argument == "-" {
                items.append(InputItem(displayPath: stdinFilename, source: .standardInput))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                let reason = isBrokenLink(argument) ? "is a broken symbolic link" : "does not exist"
                items.append(InputItem(displayPath: argument, source: .unusable(reason)))
                continue
            }
            if isDirectory.boolValue {
                var visited = Set<String>()
                walk(directory: argument, into: &items, visited: &visited, seen: &seen)
            } else if seen.insert(canonical(argument)).inserted {
                items.append(InputItem(displayPath: argument, source: .file(argument)))
            }
        }
        return items
    }

    /// Depth-first, entries sorted by name so results do not depend on the file system's order.
    /// `visited` holds resolved directory paths, so a symbolic-link loop is entered once only.
    private func walk(directory: String, into items: inout [InputItem], visited: inout Set<String>, seen: inout Set<String>) {
        guard visited.insert(canonical(directory)).inserted else { return }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            items.append(InputItem(displayPath: directory, source: .unusable("cannot be read: permission denied")))
            return
        }
        // Hidden entries (.git, .github, .activity-lint.yml) are not request files; name one explicitly to lint it.
        for entry in entries where !entry.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + entry : directory + "/" + entry
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                if !InputDiscovery.skippedDirectories.contains(entry) {
                    walk(directory: path, into: &items, visited: &visited, seen: &seen)
                }
            } else if let dot = entry.lastIndex(of: "."),
                      InputDiscovery.extensions.contains(entry[entry.index(after: dot)...].lowercased()),
                      seen.insert(canonical(path)).inserted {
                items.append(InputItem(displayPath: path, source: .file(path), isExplicit: false))
            }
        }
    }

    private func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }

    private func isBrokenLink(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }
}
