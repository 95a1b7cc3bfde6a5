/// An LSP 3.17 server for activity-lint: one message at a time in, messages out through `send`.
///
/// It is driven by `ServerLoop` over stdio, or directly by tests. It is not thread-safe: one thread calls it.
@_spi(Internals) public final class LanguageServer {
    public struct Options: Sendable {
        /// How long typing must pause before a changed document is linted.
        public var debounce: Duration
        public var limits: ParseLimits
        /// The most workspace files read for the rules across files: a client whose root is a home folder must
        /// not keep the server reading for minutes before it answers.
        public var workspaceFileLimit: Int

        public init(debounce: Duration = .milliseconds(100), limits: ParseLimits = .default, workspaceFileLimit: Int = 10_000) {
            self.debounce = debounce
            self.limits = limits
            self.workspaceFileLimit = workspaceFileLimit
        }
    }

    enum State {
        case uninitialized, running, shutDown
    }

    var options: Options
    let send: (JSONValue) -> Void
    var state = State.uninitialized
    var encoding = PositionEncoding.utf16
    var documents: [String: TrackedDocument] = [:]
    var linting: DocumentLinting
    /// The folders whose activity files the rules across files compare open documents with.
    var workspaceFolders: [String] = []
    /// The first request of each name in every open document and workspace file.
    var workspace = WorkspaceActivities()
    /// The workspace files (not open) whose summaries `workspace` holds.
    var diskFiles: Set<String> = []
    /// The configuration errors last published, by file, to publish only what changed and clear what is fixed.
    var publishedConfigurationErrors: [String: [String]] = [:]
    /// When each changed document is due to be linted.
    var due: [String: ContinuousClock.Instant] = [:]
    private var nextRequestID = 1
    /// Whether the client lets the server register file watchers.
    private var canWatchFiles = false
    /// Set once the client sent `exit` (or closed the stream): 0 after `shutdown`, 1 without.
    public private(set) var exitStatus: Int32?

    public init(options: Options = Options(), send: @escaping (JSONValue) -> Void) {
        self.options = options
        self.send = send
        linting = DocumentLinting(limits: options.limits)
    }

    /// The earliest time a debounced document is due, for the loop to wake at.
    public var nextDeadline: ContinuousClock.Instant? { due.values.min() }

    /// Handles one message as it came off the wire.
    public func receive(_ value: JSONValue) {
        switch JSONRPC.Message(value) {
        case .request(let id, let method, let params): request(id: id, method: method, params: params)
        case .notification(let method, let params): notification(method, params)
        case .response: break
        case .invalid(let id, let reason): send(JSONRPC.error(id: id, .invalidRequest, reason))
        }
    }

    /// A frame that could not be read or parsed: the protocol's answer has no id to give.
    public func receiveUnparsable(_ reason: String) {
        send(JSONRPC.error(id: .null, .parseError, reason))
    }

    /// The stream ended: the client is gone, which counts as `exit`.
    public func receiveEndOfStream() {
        if exitStatus == nil { exitStatus = state == .shutDown ? 0 : 1 }
    }

    /// Answers a request the loop saw cancelled before it was handled.
    public func cancelled(id: JSONValue) {
        send(JSONRPC.error(id: id, .requestCancelled, "the request was cancelled"))
    }

    /// Lints and publishes every document whose debounce time has passed by `now`.
    public func runDue(now: ContinuousClock.Instant = .now) {
        for (uri, time) in due where time <= now {
            due[uri] = nil
            lintAndPublish(uri)
        }
    }

    /// Lints every changed document now, whatever its debounce time.
    public func flush() {
        runDue(now: .now + .seconds(86_400))
    }

    private func request(id: JSONValue, method: String, params: JSONValue?) {
        switch (state, method) {
        case (.uninitialized, "initialize"):
            send(JSONRPC.response(id: id, result: initialize(params)))
        case (.uninitialized, _):
            send(JSONRPC.error(id: id, .serverNotInitialized, "the server is not initialized; send `initialize` first"))
        case (.running, "initialize"):
            send(JSONRPC.error(id: id, .invalidRequest, "the server is already initialized"))
        case (.running, "shutdown"):
            state = .shutDown
            due = [:]
            send(JSONRPC.response(id: id, result: .null))
        case (.running, "textDocument/codeAction"):
            if let actions = codeActions(params) {
                send(JSONRPC.response(id: id, result: .array(actions)))
            } else {
                send(JSONRPC.error(id: id, .invalidParams, "textDocument/codeAction needs a textDocument and a range"))
            }
        case (.running, _):
            send(JSONRPC.error(id: id, .methodNotFound, "unknown method \(method)"))
        case (.shutDown, _):
            send(JSONRPC.error(id: id, .invalidRequest, "the server is shut down; send `exit`"))
        }
    }

    private func notification(_ method: String, _ params: JSONValue?) {
        if method == "exit" {
            exitStatus = state == .shutDown ? 0 : 1
            return
        }
        // Before `initialize` and after `shutdown`, notifications other than `exit` are dropped, as the protocol says.
        guard state == .running else { return }
        let handled: Bool
        switch method {
        case "textDocument/didOpen": handled = didOpen(params)
        case "textDocument/didChange": handled = didChange(params)
        case "textDocument/didSave": handled = didSave(params)
        case "textDocument/didClose": handled = didClose(params)
        case "workspace/didChangeWatchedFiles":
            watchedFilesChanged(params)
            handled = true
        case "initialized":
            // The first moment the protocol lets a server send requests of its own.
            if canWatchFiles { watchFiles() }
            scanWorkspace()
            handled = true
        default: handled = true  // `$/cancelRequest` (see `ServerLoop`), `$/setTrace` and others
        }
        if !handled { log("ignored \(method): its parameters are not what the protocol defines") }
    }

    private func initialize(_ params: JSONValue?) -> JSONValue {
        state = .running
        let capabilities = params?["capabilities"]
        let offered = capabilities?["general"]?["positionEncodings"]?.array?.compactMap(\.string)
        encoding = PositionEncoding.negotiate(offered: offered)
        if let milliseconds = params?["initializationOptions"]?["debounceMilliseconds"]?.integer, milliseconds >= 0 {
            options.debounce = .milliseconds(min(milliseconds, 10_000))
        }
        canWatchFiles = capabilities?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.bool == true
        workspaceFolders = Self.workspaceFolders(params).map { PathText.standardized($0, in: "/") }
        let result: JSONValue = .object([
            ("capabilities", .object([
                ("positionEncoding", .string(encoding.rawValue)),
                ("textDocumentSync", .object([
                    ("openClose", .bool(true)),
                    ("change", .integer(2)),  // incremental
                    ("save", .object([("includeText", .bool(false))])),
                ])),
                ("codeActionProvider", .object([
                    ("codeActionKinds", .array([.string("quickfix"), .string(CodeActions.fixAllKind)])),
                ])),
            ])),
            ("serverInfo", .object([("name", .string(ToolInfo.name)), ("version", .string(ToolInfo.version))])),
        ])
        return result
    }

    /// Asks the client to report changes to configuration files and to the files a workspace walk lints, which
    /// it sends as `didChangeWatchedFiles`.
    private func watchFiles() {
        let endings = (InputDiscovery.extensions.sorted() + ["tf", "tofu"]).joined(separator: ",")
        let watchers: JSONValue = .array([
            .object([("globPattern", .string("**/\(ConfigurationLoader.fileName)"))]),
            .object([("globPattern", .string("**/*.{\(endings)}"))]),
        ])
        let registration: JSONValue = .object([
            ("id", .string("activity-lint-configuration")),
            ("method", .string("workspace/didChangeWatchedFiles")),
            ("registerOptions", .object([("watchers", watchers)])),
        ])
        send(JSONRPC.request(
            id: nextRequestID, "client/registerCapability", .object([("registrations", .array([registration]))])))
        nextRequestID += 1
    }

    func log(_ message: String) {
        send(JSONRPC.notification(
            "window/logMessage", .object([("type", .integer(3)), ("message", .string("activity-lint: " + message))])))
    }
}
