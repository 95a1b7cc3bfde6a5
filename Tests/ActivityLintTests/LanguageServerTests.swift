import Foundation
import Testing
@_spi(Internals) @testable import ActivityLint

/// The language server as an editor sees it: the messages it answers and publishes for what a client sends.
@Suite struct LanguageServerTests {
    static let uri = "file:///nonexistent/requests/orders-activity.yaml"

    // MARK: Lifecycle

    @Test func initializeAnswersCapabilitiesAndShutdownThenExitGivesZero() throws {
        let client = LanguageClient()
        let before = client.request("textDocument/codeAction")
        #expect(before?["error"]?["code"] == .integer(-32002), "requests before initialize are refused")
        let answer = try #require(client.initialize())
        let capabilities = try #require(answer["result"]?["capabilities"])
        #expect(capabilities["positionEncoding"] == .string("utf-16"))
        #expect(capabilities["textDocumentSync"]?["change"] == .integer(2))
        #expect(capabilities["textDocumentSync"]?["openClose"] == .bool(true))
        #expect(capabilities["codeActionProvider"]?["codeActionKinds"]?.array?.contains(.string("source.fixAll.activity-lint")) == true)
        #expect(answer["result"]?["serverInfo"]?["name"] == .string("activity-lint"))
        #expect(client.request("initialize")?["error"]?["code"] == .integer(-32600), "a second initialize is refused")
        // The file watcher is registered only once `initialized` came, as the protocol asks.
        #expect(client.sent.contains { $0["method"]?.string == "client/registerCapability" })
        #expect(client.request("shutdown")?["result"] == .null)
        #expect(client.request("textDocument/codeAction")?["error"]?["code"] == .integer(-32600))
        #expect(client.server.exitStatus == nil)
        client.notify("exit")
        #expect(client.server.exitStatus == 0)
    }

    @Test func exitWithoutShutdownGivesOneAndSoDoesAClosedStream() {
        let client = LanguageClient()
        client.initialize()
        client.notify("exit")
        #expect(client.server.exitStatus == 1)
        let closed = LanguageClient()
        closed.initialize()
        closed.server.receiveEndOfStream()
        #expect(closed.server.exitStatus == 1)
    }

    @Test(arguments: [
        (nil, "utf-16"), (["utf-16"], "utf-16"), (["utf-16", "utf-8"], "utf-8"), (["utf-32", "utf-16"], "utf-32"),
        (["utf-7"], "utf-16"),
    ] as [([String]?, String)])
    func positionEncodingIsNegotiated(offered: [String]?, chosen: String) {
        let client = LanguageClient()
        let answer = client.initialize(encodings: offered)
        #expect(answer?["result"]?["capabilities"]?["positionEncoding"] == .string(chosen))
    }

    // MARK: Diagnostics

    /// A name with CJK characters and an emoji before the space: each encoding's range must cover the space alone.
    @Test(arguments: ["utf-16", "utf-8", "utf-32"])
    func rangesUnderlineTheRightCharactersAfterEmojiAndCJK(encoding: String) throws {
        let client = LanguageClient()
        client.initialize(encodings: [encoding])
        let text = "# 注文 😀\nname: \"注文😀👍🏽 worker\"\n"
        client.open(Self.uri, text)
        let diagnostics = try #require(client.published(Self.uri))
        let forbidden = try #require(diagnostics.first { $0["code"] == .string("name-forbidden-character") })
        let range = try #require(forbidden["range"])
        #expect(range["start"]?["line"] == .integer(1))
        #expect(ClientEdits.covered(range, in: text, encoding: encoding) == " ")
        #expect(forbidden["severity"] == .integer(1))
        #expect(forbidden["source"] == .string("activity-lint"))
        #expect(forbidden["codeDescription"]?["href"]?.string?.hasSuffix("/docs/rules/name-forbidden-character.md") == true)
        #expect(forbidden["message"]?.string?.contains("U+0020 SPACE") == true)
    }

    @Test func incrementalAndFullChangesAreLintedAfterTheDebounce() throws {
        let client = LanguageClient()
        client.initialize()
        let text = "name: \"😀orders\"\n"
        let codes = { client.published(Self.uri)?.compactMap { $0["code"]?.string } }
        client.open(Self.uri, text)
        #expect(codes() == ["name-cloudwatch-safe"], "the emoji is only a warning")
        // Insert " x" after the emoji and "orders": character 15 in UTF-16 (the emoji counts two).
        client.clearSent()
        client.change(Self.uri, version: 2, range: (0, 15, 0, 15), " x")
        #expect(client.published(Self.uri) == nil, "nothing is published while the debounce runs")
        #expect(client.server.nextDeadline != nil)
        client.server.runDue(now: .now)
        #expect(client.published(Self.uri) == nil, "the debounce has not passed yet")
        client.server.flush()
        let diagnostics = try #require(client.published(Self.uri))
        let range = try #require(diagnostics.first { $0["code"] == .string("name-forbidden-character") }?["range"])
        #expect(ClientEdits.covered(range, in: "name: \"😀orders x\"\n", encoding: "utf-16") == " ")
        let publication = client.sent.last { $0["method"]?.string == "textDocument/publishDiagnostics" }
        #expect(publication?["params"]?["version"] == .integer(2))
        // Deleting the inserted text, then a full replacement, each leave a clean request.
        client.change(Self.uri, version: 3, range: (0, 15, 0, 17), "")
        client.server.flush()
        #expect(codes() == ["name-cloudwatch-safe"])
        client.change(Self.uri, version: 4, range: nil, "name: a b\n")
        client.server.flush()
        #expect(codes() == ["name-forbidden-character"])
    }

    @Test func closingClearsDiagnosticsAndOtherDocumentsGetNone() throws {
        let client = LanguageClient()
        client.initialize()
        client.open(Self.uri, "name: a b\n")
        #expect(client.published(Self.uri)?.count == 1)
        client.notify("textDocument/didClose", .object([("textDocument", .object([("uri", .string(Self.uri))]))]))
        #expect(client.published(Self.uri) == [])
        // Classified as on the command line: a package manifest is not an activity document.
        let manifest = "file:///nonexistent/package.json"
        client.open(manifest, #"{"name": "my app", "version": "1.0.0", "private": true}"#, language: "json")
        #expect(client.published(manifest) == [])
    }

    @Test func aDocumentOverTheSizeLimitGetsOneDiagnostic() throws {
        var limits = ParseLimits.default
        limits.maxFileSize = 1_000
        let client = LanguageClient(options: .init(debounce: .zero, limits: limits))
        client.initialize()
        client.open(Self.uri, "name: \"" + String(repeating: "a b ", count: 1_000) + "\"\n")
        let diagnostics = try #require(client.published(Self.uri))
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?["code"] == .string("file-too-large"))
    }

    @Test func relatedLocationsBecomeRelatedInformation() throws {
        let text = "name: orders\n---\nname: orders\n"
        let source = SourceText(text)
        let first = SourceRange(start: source.position(atOffset: 6), end: source.position(atOffset: 12))
        let second = SourceRange(start: source.position(atOffset: 23), end: source.position(atOffset: 29))
        let diagnostic = Diagnostic(
            ruleID: "activity-duplicate-tags", severity: .warning, message: "same name, other tags", file: "/r/a.yaml",
            range: second, related: [
                RelatedLocation(file: "/r/a.yaml", range: first, message: "first created here"),
                RelatedLocation(file: "/r/b.yaml", range: first, message: "also here"),
            ])
        let converted = ProtocolDiagnostics(
            [diagnostic], converter: PositionConverter(source: source, encoding: .utf16), documentFile: "/r/a.yaml",
            documentURI: "file:///r/a.yaml", uri: DocumentURI.uri
        ).json(diagnostic)
        let related = try #require(converted["relatedInformation"]?.array)
        #expect(related.count == 2)
        #expect(related[0]["location"]?["uri"] == .string("file:///r/a.yaml"))
        #expect(ClientEdits.covered(related[0]["location"]!["range"]!, in: text, encoding: "utf-16") == "orders")
        #expect(related[1]["location"]?["uri"] == .string("file:///r/b.yaml"))
        #expect(related[0]["message"] == .string("first created here"))
        #expect(converted["severity"] == .integer(2))
    }

    // MARK: Code actions

    /// A fix built here (no rule fills `fix` yet): its WorkspaceEdit, applied as a client applies it, gives a text
    /// the linter no longer faults.
    @Test func quickFixEditsApplyAndTheFixedTextLintsClean() throws {
        let text = "{\"😀\": 1, \"Name\": \"orders\"}"
        let linter = Linter.builtIn()
        let before = linter.lint(text: text, path: "/r/orders-activity.json").diagnostics
        var unknown = try #require(before.first { $0.ruleID == "unknown-member" && $0.message.contains("\"Name\"") })
        let keyStart = Array(text.utf8).firstIndex(of: UInt8(ascii: "N"))!
        unknown.fix = Fix(title: "Rename `Name` to `name`", applicability: .safe, edits: [
            TextEdit(offset: keyStart, endOffset: keyStart + 4, replacement: "name"),
        ])
        var unsafe = unknown
        unsafe.fix = Fix(title: "Rename the activity", applicability: .unsafe, edits: [
            TextEdit(offset: keyStart + 8, endOffset: keyStart + 14, replacement: "orders-v2"),
        ])
        let document = OpenDocument(uri: "file:///r/orders-activity.json", version: 1, text: text)
        let converter = PositionConverter(source: document.source, encoding: .utf16)
        let protocolDiagnostics = ProtocolDiagnostics(
            [unknown, unsafe], converter: converter, documentFile: "/r/orders-activity.json",
            documentURI: document.uri, uri: DocumentURI.uri)
        let actions = CodeActions(
            document: document, diagnostics: [unknown, unsafe], protocolDiagnostics: protocolDiagnostics, isYAML: false
        ).actions(lines: 1...1, only: nil)
        let safeAction = try #require(actions.first { $0["title"] == .string("Rename `Name` to `name`") })
        #expect(safeAction["kind"] == .string("quickfix"))
        #expect(safeAction["isPreferred"] == .bool(true))
        let edits = try #require(safeAction["edit"]?["changes"]?[document.uri]?.array)
        let fixed = ClientEdits.apply(edits, to: text, encoding: "utf-16")
        #expect(fixed == "{\"😀\": 1, \"name\": \"orders\"}")
        let after = linter.lint(text: fixed, path: "/r/orders-activity.json").diagnostics
        #expect(!after.contains { $0.message.contains("\"Name\"") }, "\(after.map(\.message))")
        let unsafeAction = try #require(actions.first { $0["title"]?.string?.hasPrefix("Rename the activity") == true })
        #expect(unsafeAction["isPreferred"] == .bool(false))
        #expect(unsafeAction["title"]?.string?.contains("unsafe") == true)
        // The suppression comment is YAML's; JSON gets none.
        #expect(!actions.contains { $0["title"]?.string?.hasPrefix("Suppress") == true })
        // Fix all takes the safe fixes only.
        let fixAll = CodeActions(
            document: document, diagnostics: [unknown, unsafe], protocolDiagnostics: protocolDiagnostics, isYAML: false
        ).actions(lines: 1...1, only: ["source.fixAll"])
        #expect(fixAll.count == 1)
        let allEdits = try #require(fixAll.first?["edit"]?["changes"]?[document.uri]?.array)
        #expect(ClientEdits.apply(allEdits, to: text, encoding: "utf-16") == fixed)
    }

    @Test func suppressionCommentMatchesIndentationAndSilencesTheLine() throws {
        let client = LanguageClient()
        client.initialize()
        let text = "name: orders\ntags:\n  - key: \"aws:team\"\n    value: payments\n"
        client.open(Self.uri, text)
        let diagnostics = try #require(client.published(Self.uri))
        #expect(diagnostics.map { $0["code"]?.string } == ["tag-reserved-prefix"])
        let actions = client.codeActions(Self.uri, range: (2, 0, 2, 0))
        let suppress = try #require(actions.first { $0["title"] == .string("Suppress tag-reserved-prefix on this line") })
        #expect(suppress["isPreferred"] == .bool(false))
        let edits = try #require(suppress["edit"]?["changes"]?[Self.uri]?.array)
        let suppressed = ClientEdits.apply(edits, to: text, encoding: "utf-16")
        #expect(suppressed.contains("\n  # activity-lint: disable-next-line tag-reserved-prefix\n  - key: \"aws:team\"\n"))
        client.change(Self.uri, version: 2, range: nil, suppressed)
        client.server.flush()
        #expect(client.published(Self.uri) == [], "suppressed, and the comment is used")
        #expect(client.codeActions(Self.uri, range: (0, 0, 0, 0), only: ["source.fixAll"]).isEmpty)
    }

    @Test func findingsAboutTheWholeFileOfferNoSuppression() throws {
        let client = LanguageClient()
        client.initialize()
        client.open(Self.uri, "name: [orders\n")
        #expect(client.published(Self.uri)?.contains { $0["code"] == .string("syntax-error") } == true)
        let titles = client.codeActions(Self.uri, range: (0, 0, 1, 0)).compactMap { $0["title"]?.string }
        #expect(!titles.contains { $0.hasPrefix("Suppress") }, "\(titles)")
    }

    // MARK: Configuration

    @Test func nearestConfigurationAppliesAndABrokenOneIsShownWhileTheLastGoodOneStays() throws {
        let directory = try TemporaryDirectory()
        let configuration = try directory.write(".activity-lint.yml", "disable: [tag-reserved-prefix]\n")
        let request = try directory.write("requests/orders-activity.yaml", "name: a b\ntags: [{key: \"aws:x\", value: v}]\n")
        let uri = DocumentURI.uri(request)
        let client = LanguageClient()
        client.initialize()
        client.open(uri, try String(contentsOfFile: request, encoding: .utf8))
        #expect(client.published(uri)?.map { $0["code"]?.string } == ["name-forbidden-character"])
        try directory.write(".activity-lint.yml", "disable: [tag-reserved-prefix]\nseverity: {name-forbidden-character: loud}\n")
        client.notify("workspace/didChangeWatchedFiles", .object([("changes", .array([.object([
            ("uri", .string(DocumentURI.uri(configuration))), ("type", .integer(2)),
        ])]))]))
        let shown = try #require(client.published(DocumentURI.uri(configuration)))
        #expect(shown.count == 1)
        #expect(shown.first?["message"]?.string?.contains("severity must be error, warning, info or off") == true)
        #expect(shown.first?["range"]?["start"]?["line"] == .integer(1))
        #expect(client.published(uri)?.map { $0["code"]?.string } == ["name-forbidden-character"], "the last good one stays")
        try directory.write(".activity-lint.yml", "disable: [name-forbidden-character]\n")
        client.notify("workspace/didChangeWatchedFiles", .object([("changes", .array([]))]))
        #expect(client.published(DocumentURI.uri(configuration)) == [], "fixed: its diagnostic is cleared")
        #expect(client.published(uri)?.map { $0["code"]?.string } == ["tag-reserved-prefix"])
    }

    // MARK: Robustness

    @Test func malformedMessagesGetErrorsAndTheServerKeepsServing() {
        let client = LanguageClient()
        client.initialize()
        client.clearSent()
        client.server.receive(.array([]))
        client.server.receive(.object([("id", .integer(9)), ("method", .string("shutdown"))]))
        client.server.receive(.object([("jsonrpc", .string("2.0")), ("id", .bool(true)), ("method", .string("x"))]))
        client.server.receive(.object([("jsonrpc", .string("2.0")), ("id", .integer(10))]))
        client.server.receiveUnparsable("the message is not JSON")
        #expect(client.sent.map { $0["error"]?["code"] } == [
            .integer(-32600), .integer(-32600), .integer(-32600), .integer(-32600), .integer(-32700),
        ])
        #expect(client.sent[1]["id"] == .integer(9))
        #expect(client.request("textDocument/hover")?["error"]?["code"] == .integer(-32601))
        let count = client.sent.count
        client.notify("textDocument/unknownNotification")
        client.notify("textDocument/didChange", .object([("textDocument", .object([]))]))
        #expect(client.sent.count == count + 1, "unknown notifications are ignored; bad parameters are logged")
        #expect(client.sent.last?["method"] == .string("window/logMessage"))
        #expect(client.request("shutdown")?["result"] == .null)
    }

    @Test func aCancelledRequestIsAnsweredRequestCancelled() throws {
        let client = LanguageClient()
        client.initialize()
        client.clearSent()
        var pending = PendingMessages()
        let request = try JSONValue.parse(Array(#"{"jsonrpc":"2.0","id":"r7","method":"textDocument/codeAction","params":{}}"#.utf8))
        let cancel = try JSONValue.parse(Array(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"r7"}}"#.utf8))
        let other = try JSONValue.parse(Array(#"{"jsonrpc":"2.0","id":8,"method":"shutdown"}"#.utf8))
        pending.append([.message(request), .message(other), .message(cancel)])
        while let next = pending.popFirst() { ServerLoop.handle(next, in: client.server) }
        #expect(client.sent.count == 2)
        #expect(client.sent[0]["id"] == .string("r7"))
        #expect(client.sent[0]["error"]?["code"] == .integer(-32800))
        #expect(client.sent[1]["result"] == .null, "other requests are answered")
    }

    @Test func framingSkipsBadFramesAndNeverHoldsAnOversizedOne() {
        let body = #"{"jsonrpc":"2.0","method":"initialized"}"#
        let stream = "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
            + "Content-Length: 1500\r\n\r\n" + String(repeating: "x", count: 1_500)
            + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
        var reader = MessageReader(maxContentLength: 1_000, read: InMemoryStream(Array(stream.utf8)).read)
        #expect(reader.next() == .message(Array(body.utf8)))
        guard case .malformed(let oversized) = reader.next() else { Issue.record("oversized frame"); return }
        #expect(oversized.contains("over the limit"))
        #expect(reader.next() == .message(Array(body.utf8)), "the oversized body is skipped exactly")
        #expect(reader.next() == .endOfStream)
        var rest = MessageReader(maxContentLength: 1_000, read: InMemoryStream(Array(
            ("Content-Length: many\r\n\r\n" + "Content-Length: \(body.utf8.count)\n\n\(body)"
                + "Content-Length: 50\r\n\r\n{\"jsonrpc\"").utf8)).read)
        guard case .malformed(let reason) = rest.next() else { Issue.record("bad length"); return }
        #expect(reason.contains("not a number"))
        #expect(rest.next() == .message(Array(body.utf8)), "a bare LF header is read too")
        guard case .malformed(let truncated) = rest.next() else { Issue.record("truncated body"); return }
        #expect(truncated.contains("ended inside a message"))
        #expect(rest.next() == .endOfStream)
    }

    @Test func deeplyNestedOrNonUTF8MessagesAreRefusedNotCrashed() {
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(Array(repeating: UInt8(ascii: "["), count: 100_000)) }
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse([0x7B, 0xFF, 0x7D]) }
        #expect((try? JSONValue.parse(Array(#"{"a":[1,2.5,"\u00e9",null,true]}"#.utf8)))?.serialized
            == #"{"a":[1,2.5,"é",null,true]}"#)
    }

    // MARK: Over stdio

    @Test func theExecutableServesOverPipesAndExitsWithTheProtocolsStatus() throws {
        func frame(_ body: String) -> String { "Content-Length: \(body.utf8.count)\r\n\r\n\(body)" }
        let initialize = frame(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#)
        let open = frame(#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///nonexistent/orders-activity.json","languageId":"json","version":1,"text":"{\"name\": \"a b\"}"}}}"#)
        let shutdown = frame(#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#)
        let exit = frame(#"{"jsonrpc":"2.0","method":"exit"}"#)
        let clean = try Executable.run(["lsp"], stdin: initialize + open + "Content-Length: 2\r\n\r\n{]" + shutdown + exit)
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stdout.contains(#""id":1,"result":{"capabilities""#))
        #expect(clean.stdout.contains(#""code":"name-forbidden-character""#))
        #expect(clean.stdout.contains(#""id":null,"error":{"code":-32700"#))
        #expect(clean.stdout.contains(#""id":2,"result":null"#))
        #expect(try Executable.run(["lsp"], stdin: initialize + exit).status == 1)
        #expect(try Executable.run(["lsp"], stdin: initialize).status == 1, "the stream closed without exit")
    }
}

/// Bytes served to a `MessageReader` in small pieces, as a pipe delivers them.
final class InMemoryStream: @unchecked Sendable {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    func read(_ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        let taken = min(count, 7, bytes.count - position)
        bytes.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress! + position, byteCount: taken) }
        position += taken
        return taken
    }
}
