#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a fixed file in place: the same file (its permissions, owner and links kept), truncated and rewritten.
enum FixedFileWriter {
    /// nil on success, else why the file could not be written.
    static func rewrite(_ path: String, with bytes: [UInt8]) -> String? {
        let descriptor = open(path, O_WRONLY | O_TRUNC)
        guard descriptor >= 0 else { return "the fixed file could not be written (\(String(cString: strerror(errno))))" }
        defer { close(descriptor) }
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in write(descriptor, buffer.baseAddress! + done, bytes.count - done) }
            if count < 0 {
                if errno == EINTR { continue }
                return "the fixed file could not be written whole (\(String(cString: strerror(errno))))"
            }
            done += count
        }
        return nil
    }
}
