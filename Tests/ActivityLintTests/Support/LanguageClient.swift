@_spi(Internals) @testable import ActivityLint

/// Drives a `LanguageServer` in-process as an editor would, keeping everything it sent.
final class LanguageClient {
    private(set) var sent: [JSONValue] = []
    private(set) var server: LanguageServer!
    private var nextID = 1

    init(options: LanguageServer.Options = .init(debounce: .milliseconds(50))) {
        server = LanguageServer(options: options) { [unowned self] in self.sent.append($0) }
    }

    /// Sends a request and returns the server's answer to it.
    @discardableResult
    func request(_ method: String, _ params: JSONValue = .object([])) -> JSONValue? {
        let id = nextID
        nextID += 1
        server.receive(.object([
            ("jsonrpc", .string("2.0")), ("id", .integer(id)), ("method", .string(method)), ("params", params),
        ]))
        return sent.last { $0["id"] == .integer(id) && $0["method"] == nil }
    }

    func notify(_ method: String, _ params: JSONValue = .object([])) {
        server.receive(.object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)]))
    }

    /// `initialize` offering `encodings` (nil: the client says nothing, so UTF-16), then `initialized`.
    @discardableResult
    func initialize(encodings: [String]? = nil, root: String? = nil) -> JSONValue? {
        var capabilities: [(String, JSONValue)] = [
            ("workspace", .object([("didChangeWatchedFiles", .object([("dynamicRegistration", .bool(true))]))])),
        ]
        if let encodings {
            capabilities.append(("general", .object([("positionEncodings", .array(encodings.map(JSONValue.string)))])))
        }
        var params: [(String, JSONValue)] = [("capabilities", .object(capabilities))]
        if let root { params.append(("rootUri", .string(DocumentURI.uri(root)))) }
        let answer = request("initialize", .object(params))
        notify("initialized")
        return answer
    }

    func open(_ uri: String, _ text: String, language: String = "yaml", version: Int = 1) {
        notify("textDocument/didOpen", .object([("textDocument", .object([
            ("uri", .string(uri)), ("languageId", .string(language)), ("version", .integer(version)),
            ("text", .string(text)),
        ]))]))
    }

    /// An incremental change replacing `range` with `text`.
    func change(_ uri: String, version: Int, range: (Int, Int, Int, Int)?, _ text: String) {
        var change: [(String, JSONValue)] = []
        if let range {
            change.append(("range", Self.range(range)))
        }
        change.append(("text", .string(text)))
        notify("textDocument/didChange", .object([
            ("textDocument", .object([("uri", .string(uri)), ("version", .integer(version))])),
            ("contentChanges", .array([.object(change)])),
        ]))
    }

    func codeActions(_ uri: String, range: (Int, Int, Int, Int), only: [String]? = nil) -> [JSONValue] {
        var context: [(String, JSONValue)] = [("diagnostics", .array([]))]
        if let only { context.append(("only", .array(only.map(JSONValue.string)))) }
        let answer = request("textDocument/codeAction", .object([
            ("textDocument", .object([("uri", .string(uri))])), ("range", Self.range(range)),
            ("context", .object(context)),
        ]))
        return answer?["result"]?.array ?? []
    }

    /// The diagnostics last published for `uri`, or nil when none were.
    func published(_ uri: String) -> [JSONValue]? {
        sent.last { $0["method"]?.string == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.string == uri }?[
            "params"]?["diagnostics"]?.array
    }

    func clearSent() {
        sent = []
    }

    static func range(_ range: (Int, Int, Int, Int)) -> JSONValue {
        .object([
            ("start", .object([("line", .integer(range.0)), ("character", .integer(range.1))])),
            ("end", .object([("line", .integer(range.2)), ("character", .integer(range.3))])),
        ])
    }
}

/// Applies LSP text edits to a text the way a client does, counting characters in `encoding`: written apart from
/// the server's conversion, so a test of one checks the other.
enum ClientEdits {
    static func apply(_ edits: [JSONValue], to text: String, encoding: String) -> String {
        var bytes = Array(text.utf8)
        let located = edits.map { edit -> (Int, Int, String) in
            let range = edit["range"]!
            return (offset(range["start"]!, in: text, encoding), offset(range["end"]!, in: text, encoding),
                    edit["newText"]!.string!)
        }
        for (start, end, replacement) in located.sorted(by: { $0.0 > $1.0 }) {
            bytes.replaceSubrange(start..<end, with: Array(replacement.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The UTF-8 offset of an LSP position in a text with LF line ends.
    static func offset(_ position: JSONValue, in text: String, _ encoding: String) -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = position["line"]!.integer!
        let character = position["character"]!.integer!
        let before = lines[..<line].reduce(0) { $0 + $1.utf8.count + 1 }
        return before + prefixBytes(String(lines[line]), units: character, encoding)
    }

    /// The text a range covers in `text`.
    static func covered(_ range: JSONValue, in text: String, encoding: String) -> String {
        let bytes = Array(text.utf8)
        let start = offset(range["start"]!, in: text, encoding)
        let end = offset(range["end"]!, in: text, encoding)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private static func prefixBytes(_ line: String, units: Int, _ encoding: String) -> Int {
        switch encoding {
        case "utf-8": return units
        case "utf-32": return String(String.UnicodeScalarView(line.unicodeScalars.prefix(units))).utf8.count
        default: return String(line.utf16.prefix(units))!.utf8.count
        }
    }
}
