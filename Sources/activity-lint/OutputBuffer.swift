#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output for a report written file by file, gathered into writes of 32 KiB or more when it goes to a
/// file or a pipe: a run over many files with a few findings each otherwise made a system call per file (4,000 on
/// 10,000 files). On a terminal each file's text goes out as soon as it is ready, for a person watching it arrive.
struct OutputBuffer {
    private static let size = 1 << 15
    private let immediate = isatty(STDOUT_FILENO) == 1
    private var pending = ""

    mutating func add(_ text: String) {
        if immediate { return Console.output(text) }
        if pending.isEmpty { pending.reserveCapacity(2 * OutputBuffer.size) }
        pending += text
        if pending.utf8.count >= OutputBuffer.size { flush() }
    }

    /// Writes what is gathered: before anything goes to standard error, and at the end.
    mutating func flush() {
        guard !pending.isEmpty else { return }
        Console.output(pending)
        pending.removeAll(keepingCapacity: true)
    }
}
