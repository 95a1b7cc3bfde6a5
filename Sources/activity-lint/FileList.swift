import ActivityLint

/// The paths of a `--files-from` list: one a line (a CR before the line break is dropped), or separated by NUL
/// bytes with `--null`. Empty entries are skipped. An entry `-` names a file called `-`, not standard input.
enum FileList {
    static func read(_ path: String, separator: UInt8) -> Result<[String], InputReader.Failure> {
        let source: InputItem.Source = path == "-" ? .standardInput : .file(path)
        return InputReader.read(source, displayPath: path).map { paths(in: $0, separator: separator) }
    }

    static func paths(in bytes: [UInt8], separator: UInt8) -> [String] {
        var paths: [String] = []
        for var entry in bytes.split(separator: separator, omittingEmptySubsequences: true) {
            if separator == UInt8(ascii: "\n"), entry.last == UInt8(ascii: "\r") { entry = entry.dropLast() }
            guard !entry.isEmpty else { continue }
            let path = String(decoding: entry, as: UTF8.self)
            paths.append(path == "-" ? "./-" : path)
        }
        return paths
    }
}
