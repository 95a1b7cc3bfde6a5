#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an input's bytes with plain POSIX calls: no Foundation `Data` round trip on the hot path.
public enum InputReader {
    public struct Failure: Error, Sendable {
        public var message: String
        /// Set when the input is larger than the limit: its size so far, in bytes (it was not read whole).
        public var tooLarge: Int?
    }

    public static func read(
        _ source: InputItem.Source, displayPath: String, maxBytes: Int = .max
    ) -> Result<[UInt8], Failure> {
        switch source {
        case .file(let path):
            // O_NONBLOCK so that opening a FIFO nobody writes to cannot block the run; reads block again after.
            let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else { return .failure(Failure(message: "cannot be read: \(errorText())")) }
            defer { close(descriptor) }
            var info = stat()
            let isRegular = fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
            if isRegular, Int(info.st_size) > maxBytes {
                return .failure(Failure(message: "too large", tooLarge: Int(info.st_size)))
            }
            // Reads of a regular file never wait, whatever the flag; a FIFO's must block again.
            if !isRegular { _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK) }
            return readAll(descriptor, maxBytes: maxBytes, expected: isRegular ? Int(info.st_size) : 0)
        case .standardInput:
            return readAll(STDIN_FILENO, maxBytes: maxBytes)
        case .unusable(let reason):
            return .failure(Failure(message: reason))
        case .skipped(let reason):
            return .failure(Failure(message: reason.detail))
        }
    }

    /// The first `count` bytes of a regular file (fewer when it is shorter), or nil when it cannot be read.
    public static func prefix(ofFile path: String, count: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        guard case .success(let bytes) = readAll(descriptor, maxBytes: count, expected: count) else { return nil }
        return bytes
    }

    /// Reads to the end, or stops once past `maxBytes` (pipes and devices have no size to check first).
    /// Reads to the end. `expected` (a regular file's size when opened) sizes the buffer so that one read straight
    /// into the result does, with no second read to meet the end; standard input or a FIFO goes on in chunks.
    private static func readAll(_ descriptor: Int32, maxBytes: Int, expected: Int = 0) -> Result<[UInt8], Failure> {
        var failed = false
        var atEnd = false
        var bytes = [UInt8](unsafeUninitializedCapacity: max(expected + 1, 4096)) { buffer, initialized in
            while initialized < buffer.count {
                let count = systemRead(descriptor, buffer.baseAddress! + initialized, buffer.count - initialized)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 {
                    failed = count < 0
                    atEnd = true
                    return
                }
                initialized += count
                if initialized == expected {
                    atEnd = true
                    return
                }
            }
        }
        if failed { return .failure(Failure(message: "cannot be read: \(errorText())")) }
        if bytes.count > maxBytes { return .failure(Failure(message: "too large", tooLarge: bytes.count)) }
        if atEnd { return .success(bytes) }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(Failure(message: "cannot be read: \(errorText())"))
            }
            if count == 0 { return .success(bytes) }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > maxBytes { return .failure(Failure(message: "too large", tooLarge: bytes.count)) }
        }
    }

    private static func errorText() -> String {
        String(cString: strerror(errno))
    }
}

/// read(2) by its module's name, for types that have a `read` of their own (`InputReader`, the server loop).
func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(descriptor, buffer, count)
    #elseif canImport(Darwin)
    Darwin.read(descriptor, buffer, count)
    #endif
}
