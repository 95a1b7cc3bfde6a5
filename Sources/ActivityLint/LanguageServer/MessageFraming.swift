/// JSON-RPC message framing over a byte stream, as the language server protocol defines it: header lines
/// (`Content-Length: N`, optionally `Content-Type`) ended by an empty line, then exactly N bytes of JSON.
///
/// A malformed frame is reported and skipped, so the stream stays in step; a frame over `maxContentLength` is
/// read past in small pieces, never held, so no header can make the server allocate what it claims.
@_spi(Internals) public struct MessageReader: Sendable {
    /// What the next frame held.
    public enum Frame: Equatable {
        case message([UInt8])
        /// The frame could not be used; the reader has moved past it.
        case malformed(String)
        case endOfStream
    }

    /// Reads up to `count` bytes into the buffer, returning how many (0 at end of stream).
    public typealias Read = @Sendable (UnsafeMutableRawPointer, Int) -> Int

    public let maxContentLength: Int
    /// Headers longer than this are not a protocol client's.
    static let maxHeaderBytes = 8 * 1024
    private let read: Read
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false

    public init(maxContentLength: Int, read: @escaping Read) {
        self.maxContentLength = maxContentLength
        self.read = read
    }

    public mutating func next() -> Frame {
        var contentLength: Int?
        var headerBytes = 0
        var problem: String?
        while true {
            guard let line = readLine() else {
                return headerBytes == 0 && problem == nil ? .endOfStream : .malformed("the stream ended inside a header")
            }
            headerBytes += line.count + 2
            if line.isEmpty {
                // Blank lines between frames are tolerated, as some clients send them.
                if headerBytes == 2 { headerBytes = 0; continue }
                break
            }
            if headerBytes > Self.maxHeaderBytes {
                problem = problem ?? "the header is longer than \(Self.maxHeaderBytes) bytes"
                continue
            }
            let text = String(decoding: line, as: UTF8.self)
            guard let colon = text.firstIndex(of: ":") else {
                problem = problem ?? "header line without a colon: \(text.prefix(80))"
                continue
            }
            let name = text[..<colon].trimmingSpaces.lowercased()
            let value = text[text.index(after: colon)...].trimmingSpaces
            if name == "content-length" {
                guard let length = Int(value), length >= 0 else {
                    problem = problem ?? "Content-Length is not a number: \(value.prefix(40))"
                    continue
                }
                contentLength = length
            }
        }
        if let problem { return .malformed(problem) }
        guard let contentLength else { return .malformed("the header has no Content-Length") }
        guard contentLength <= maxContentLength else {
            discard(contentLength)
            return .malformed("the message has \(contentLength) bytes, over the limit of \(maxContentLength)")
        }
        guard let body = readBytes(contentLength) else { return .malformed("the stream ended inside a message") }
        return .message(body)
    }

    /// One header line without its CR LF (a bare LF is accepted too), or nil at end of stream.
    private mutating func readLine() -> [UInt8]? {
        // Relative to `start`, which moves when `fill` drops consumed bytes.
        var scanned = 0
        while true {
            if let newline = buffer[(start + scanned)...].firstIndex(of: 0x0A) {
                var end = newline
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                let line = Array(buffer[start..<end])
                start = newline + 1
                return line
            }
            scanned = buffer.count - start
            // A line longer than any header is cut here; the caller reports it.
            if scanned > Self.maxHeaderBytes {
                let line = Array(buffer[start...])
                start = buffer.count
                return line
            }
            guard fill() else { return nil }
        }
    }

    private mutating func readBytes(_ count: Int) -> [UInt8]? {
        while buffer.count - start < count {
            guard fill(atLeast: count - (buffer.count - start)) else { return nil }
        }
        let body = Array(buffer[start..<start + count])
        start += count
        return body
    }

    /// Reads past `count` bytes holding at most one chunk of them.
    private mutating func discard(_ count: Int) {
        var remaining = count
        while remaining > 0 {
            let available = buffer.count - start
            if available == 0 {
                guard fill() else { return }
                continue
            }
            let taken = min(available, remaining)
            start += taken
            remaining -= taken
        }
    }

    /// Appends what the stream has to the buffer (dropping what was consumed); false at end of stream.
    private mutating func fill(atLeast wanted: Int = 0) -> Bool {
        if atEnd { return false }
        if start > 0 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        let chunk = max(64 * 1024, min(wanted, 16 * 1024 * 1024))
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        let got = buffer.withUnsafeMutableBytes { read($0.baseAddress! + old, chunk) }
        buffer.removeSubrange((old + max(got, 0))...)
        if got <= 0 { atEnd = true }
        return got > 0
    }
}

/// Frames one message for the wire.
@_spi(Internals) public enum MessageWriter {
    public static func frame(_ message: JSONValue) -> [UInt8] {
        let body = Array(message.serialized.utf8)
        return Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
