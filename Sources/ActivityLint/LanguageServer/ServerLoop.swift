#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a `LanguageServer` over a byte stream: a reader thread frames and parses messages into a bounded queue,
/// and the caller's thread handles them one at a time, waking for debounced lints in between.
///
/// Reading ahead is what lets `$/cancelRequest` work: a cancellation that arrives while earlier messages are
/// handled reaches the queue before the request it cancels is taken from it, and that request is answered with
/// `RequestCancelled` instead of being run.
public enum ServerLoop {
    /// What the reader thread hands over.
    enum Incoming {
        case message(JSONValue)
        case unparsable(String)
        case end
    }

    /// Serves standard input and output until `exit` or the end of input; returns the exit status.
    public static func runOverStandardIO(debounce: Duration = .milliseconds(100), limits: ParseLimits = .default) -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        let server = LanguageServer(options: .init(debounce: debounce, limits: limits)) { message in
            let frame = MessageWriter.frame(message)
            frame.withUnsafeBytes { buffer in
                var written = 0
                while written < buffer.count {
                    let count = write(1, buffer.baseAddress! + written, buffer.count - written)
                    if count < 0 && errno == EINTR { continue }
                    if count <= 0 { return }
                    written += count
                }
            }
        }
        // A message may carry a document up to the size limit, escaped (up to 6 bytes per byte) and with room
        // for the rest of the message.
        let maxContent = limits.maxFileSize > Int.max / 8 ? Int.max : limits.maxFileSize * 6 + 1 << 20
        let reader = MessageReader(maxContentLength: maxContent) { buffer, count in
            while true {
                let got = systemRead(0, buffer, count)
                if got < 0 && errno == EINTR { continue }
                return got
            }
        }
        return run(server, reader: reader)
    }

    /// Serves `reader` until `exit` or its end.
    static func run(_ server: LanguageServer, reader: MessageReader) -> Int32 {
        let queue = IncomingQueue(capacity: 1024)
        ReaderThread.start(stackSize: 8 << 20) { [reader] in
            var reader = reader
            while true {
                let incoming: Incoming
                switch reader.next() {
                case .message(let bytes):
                    do throws(JSONValue.ParseError) {
                        incoming = .message(try JSONValue.parse(bytes))
                    } catch {
                        incoming = .unparsable("the message is not JSON: \(error.message)")
                    }
                case .malformed(let reason): incoming = .unparsable(reason)
                case .endOfStream: incoming = .end
                }
                queue.push(incoming)
                if case .end = incoming { return }
            }
        }
        var pending = PendingMessages()
        while server.exitStatus == nil {
            if pending.isEmpty {
                pending.append(queue.takeAll(waitingUntil: server.nextDeadline))
            } else {
                pending.append(queue.takeAll(waitingUntil: .now))
            }
            if let next = pending.popFirst() { handle(next, in: server) }
            server.runDue()
        }
        return server.exitStatus ?? 1
    }

    static func handle(_ next: PendingMessages.Entry, in server: LanguageServer) {
        switch next {
        case .cancelled(let id): server.cancelled(id: id)
        case .incoming(.message(let value)): server.receive(value)
        case .incoming(.unparsable(let reason)): server.receiveUnparsable(reason)
        case .incoming(.end): server.receiveEndOfStream()
        }
    }
}

/// Messages read and not yet handled. A `$/cancelRequest` turns the pending request it names into a cancelled
/// one, found by id in constant time.
struct PendingMessages {
    enum Entry {
        case incoming(ServerLoop.Incoming)
        case cancelled(id: JSONValue)
    }

    private var entries: [Entry?] = []
    private var head = 0
    /// Pending requests by the text of their id.
    private var requests: [String: Int] = [:]

    var isEmpty: Bool { head == entries.count }

    mutating func append(_ incoming: [ServerLoop.Incoming]) {
        for item in incoming {
            if case .message(let value) = item, let id = value["id"], value["method"] != nil {
                requests[id.serialized] = entries.count
            }
            if case .message(let value) = item, value["method"]?.string == "$/cancelRequest",
               let id = value["params"]?["id"], let index = requests.removeValue(forKey: id.serialized)
            {
                entries[index] = .cancelled(id: id)
            }
            entries.append(.incoming(item))
        }
    }

    mutating func popFirst() -> Entry? {
        guard head < entries.count else { return nil }
        let entry = entries[head]
        entries[head] = nil
        if case .incoming(.message(let value))? = entry, let id = value["id"] { requests[id.serialized] = nil }
        head += 1
        if head == entries.count {
            entries.removeAll(keepingCapacity: true)
            head = 0
        }
        return entry
    }
}

/// A bounded queue between the reader thread and the server: a client that writes faster than the server reads
/// waits on its pipe instead of filling memory.
final class IncomingQueue: @unchecked Sendable {
    private let condition = ConditionLock()
    private var items: [ServerLoop.Incoming] = []
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    func push(_ item: ServerLoop.Incoming) {
        condition.lock()
        while items.count >= capacity { condition.wait() }
        items.append(item)
        condition.broadcast()
        condition.unlock()
    }

    /// Everything queued, waiting for at least one item until `deadline` (nil: for as long as it takes).
    func takeAll(waitingUntil deadline: ContinuousClock.Instant?) -> [ServerLoop.Incoming] {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty {
            guard let deadline else {
                condition.wait()
                continue
            }
            let remaining = ContinuousClock.now.duration(to: deadline)
            if remaining <= .zero { return [] }
            let seconds = Double(remaining.components.seconds) + Double(remaining.components.attoseconds) / 1e18
            condition.wait(seconds: seconds)
        }
        let taken = items
        items = []
        condition.broadcast()
        return taken
    }
}
