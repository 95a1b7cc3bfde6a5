import Glibc

/// Reads an input's bytes with plain POSIX calls: no Foundation `Data` round trip on the hot path.
public enum InputReader {
    public struct Failure: Error, Sendable {
        public var message: String
    }

    public static func read(_ source: InputItem.Source, displayPath: String) -> Result<[UInt8], Failure> {
        switch source {
        case .file(let path):
            let descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { return .failure(Failure(message: "cannot be read: \(errorText())")) }
            defer { close(descriptor) }
            return readAll(descriptor, displayPath: displayPath)
        case .standardInput:
            return readAll(STDIN_FILENO, displayPath: displayPath)
        case .unusable(let reason):
            return .failure(Failure(message: reason))
        }
    }

    private static func readAll(_ descriptor: Int32, displayPath: String) -> Result<[UInt8], Failure> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(Failure(message: "cannot be read: \(errorText())"))
            }
            if count == 0 { return .success(bytes) }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    private static func errorText() -> String {
        String(cString: strerror(errno))
    }
}
