#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text a JSON or SARIF report holds until its end, kept in an unlinked temporary file so that a run's memory
/// stays flat however long its report grows. The first 256 KiB stay in memory (a small report touches no
/// disk; a run holds two spools); when no temporary file can be made or written (`TMPDIR` unwritable, disk
/// full), the rest stays in memory too, as before.
final class ReportSpool {
    /// Where one appended text is, to read it back whole.
    struct Piece {
        fileprivate enum Location {
            case file(offset: Int, count: Int)
            case memory(index: Int)
        }
        fileprivate let location: Location
    }

    /// Text kept in memory before a temporary file is tried.
    static let memoryLimit = 1 << 18
    private var memory: [String] = []
    /// The bytes held in memory.
    private(set) var memoryBytes = 0
    /// Where the temporary file is made; nil for `TMPDIR`, or `/tmp` when that is not set.
    private let directory: String?
    /// The temporary file, once opened (kept open after a failed write, for what it already holds); -1 until then.
    private var descriptor: Int32 = -1
    private var fileFailed = false
    private var fileBytes = 0

    init(directory: String? = nil) {
        self.directory = directory
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    func append(_ text: String) -> Piece {
        if memoryBytes + text.utf8.count > Self.memoryLimit, openFile(), let offset = write(text) {
            return Piece(location: .file(offset: offset, count: text.utf8.count))
        }
        memory.append(text)
        memoryBytes += text.utf8.count
        return Piece(location: .memory(index: memory.count - 1))
    }

    /// The text appended as `piece`.
    func text(of piece: Piece) -> String {
        switch piece.location {
        case .memory(let index):
            return memory[index]
        case .file(let offset, let count):
            guard count > 0 else { return "" }
            return String(unsafeUninitializedCapacity: count) { buffer in
                var done = 0
                while done < count {
                    let read = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
                    if read < 0 && errno == EINTR { continue }
                    // Text written to our own unlinked file that cannot be read back is an I/O failure of the
                    // machine, not of the input: stopping loudly beats writing a report with a hole in it.
                    guard read > 0 else {
                        preconditionFailure("activity-lint: the report's temporary file could not be read back "
                            + "(errno \(errno)); no report was written in full")
                    }
                    done += read
                }
                return done
            }
        }
    }

    /// Whether the temporary file is open, opening it the first time: made private to this process by
    /// `mkstemp` and unlinked at once, so nothing is left behind however the run ends.
    private func openFile() -> Bool {
        if fileFailed { return false }
        if descriptor >= 0 { return true }
        let directory = self.directory ?? getenv("TMPDIR").map { String(cString: $0) } ?? ""
        var template = Array(((directory.isEmpty ? "/tmp" : directory) + "/activity-lint-report-XXXXXX").utf8CString)
        descriptor = mkstemp(&template)
        if descriptor < 0 {
            fileFailed = true
            return false
        }
        unlink(template)
        return true
    }

    /// Writes `text` at the end of the file and returns its offset; nil, and the file given up, when a write fails.
    private func write(_ text: String) -> Int? {
        var text = text
        let offset = fileBytes
        let written = text.withUTF8 { bytes -> Bool in
            var done = 0
            while done < bytes.count {
                let count = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return false }
                done += count
            }
            return true
        }
        guard written else {
            // Later text goes to memory; what the file already holds is still read back from it.
            fileFailed = true
            return nil
        }
        fileBytes += text.utf8.count
        return offset
    }
}
