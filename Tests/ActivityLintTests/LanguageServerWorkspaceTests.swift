import Foundation
import Testing
@_spi(Internals) @testable import ActivityLint

/// The rules across files in the language server: open documents compared with each other and with the
/// workspace's activity files on disk, in the command line's order, the open text winning over the disk's.
@Suite struct LanguageServerWorkspaceTests {
    static func request(_ team: String) -> String {
        "name: orders\ntags:\n  - key: team\n    value: \(team)\n"
    }

    static func codes(_ client: LanguageClient, _ uri: String) -> [String]? {
        client.published(uri)?.compactMap { $0["code"]?.string }
    }

    @Test func openDocumentsAreComparedWithEachOtherAndTheWorkspacesFiles() throws {
        let directory = try TemporaryDirectory()
        let onDisk = try directory.write("a/orders-activity.yaml", Self.request("payments"))
        let second = DocumentURI.uri(directory.path + "/b/orders-activity.yaml")
        let third = DocumentURI.uri(directory.path + "/c/orders-activity.yaml")
        let client = LanguageClient()
        client.initialize(root: directory.path)
        // The watcher covers the files a walk lints, not only configurations.
        let registration = client.sent.first { $0["method"]?.string == "client/registerCapability" }
        let globs = registration?["params"]?["registrations"]?.array?.first?["registerOptions"]?["watchers"]?.array?
            .compactMap { $0["globPattern"]?.string }
        #expect(globs == ["**/.activity-lint.yml", "**/*.{json,yaml,yml,tf,tofu}"])

        client.open(second, Self.request("billing"))
        let duplicate = try #require(client.published(second)?.first)
        #expect(duplicate["code"] == .string("activity-duplicate-tags"))
        let related = try #require(duplicate["relatedInformation"]?.array?.first)
        #expect(related["location"]?["uri"] == .string(DocumentURI.uri(onDisk)), "the earlier file, never opened")
        #expect(related["location"]?["range"]?["start"]?["line"] == .integer(0))
        #expect(related["location"]?["range"]?["start"]?["character"] == .integer(6))

        // The third document is compared with the first file of the name, as the command line does.
        client.open(third, Self.request("billing")
            + "encryptionConfiguration:\n  type: CUSTOMER_MANAGED_KMS_KEY\n  kmsKeyId: alias/orders\n")
        let codes = Self.codes(client, third) ?? []
        #expect(codes.contains("activity-duplicate-encryption"), "\(codes)")
        #expect(client.published(third)?.first { $0["code"] == .string("activity-duplicate-encryption") }?[
            "relatedInformation"]?.array?.first?["location"]?["uri"] == .string(DocumentURI.uri(onDisk)))

        // Opening the disk file with the second's tags: its unsaved text wins, and the documents after it are
        // published again without being edited.
        let first = DocumentURI.uri(onDisk)
        client.clearSent()
        client.open(first, Self.request("billing"))
        #expect(Self.codes(client, first) == [])
        #expect(Self.codes(client, second) == [], "the second now matches the first")
        // Closing it brings the disk's text back.
        client.notify("textDocument/didClose", .object([("textDocument", .object([("uri", .string(first))]))]))
        #expect(Self.codes(client, second) == ["activity-duplicate-tags"])

        // An edit of the second that matches the disk file clears its finding; the third's stays (other encryption).
        client.change(second, version: 2, range: (3, 11, 3, 18), "payments")
        client.server.flush()
        #expect(Self.codes(client, second) == [])
    }

    @Test func aWatchedFileThatAppearsOrGoesIsComparedWithoutReLintingTheWorkspace() throws {
        let directory = try TemporaryDirectory()
        let open = DocumentURI.uri(directory.path + "/m/orders-activity.yaml")
        let client = LanguageClient()
        client.initialize(root: directory.path)
        client.open(open, Self.request("billing"))
        #expect(Self.codes(client, open) == [])

        // A file before the open one appears on disk: the client reports it, and the open document is compared.
        let earlier = try directory.write("a/orders-activity.yaml", Self.request("payments"))
        // A file after it, and one in a hidden folder, change nothing for it.
        try directory.write("z/orders-activity.yaml", Self.request("other"))
        try directory.write(".hidden/orders-activity.yaml", Self.request("other"))
        func changed(_ path: String, _ type: Int) {
            client.notify("workspace/didChangeWatchedFiles", .object([("changes", .array([.object([
                ("uri", .string(DocumentURI.uri(path))), ("type", .integer(type)),
            ])]))]))
        }
        changed(earlier, 1)
        #expect(Self.codes(client, open) == ["activity-duplicate-tags"])
        client.clearSent()
        changed(directory.path + "/z/orders-activity.yaml", 1)
        changed(directory.path + "/.hidden/orders-activity.yaml", 1)
        #expect(client.published(open) == nil, "nothing of the open document changed, so nothing is published")

        try FileManager.default.removeItem(atPath: earlier)
        changed(earlier, 3)
        #expect(Self.codes(client, open) == [])
    }

    @Test func aWorkspaceOverTheFileLimitIsReadInPartAndSaysSo() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a/orders-activity.yaml", Self.request("payments"))
        try directory.write("b/billing-activity.yaml", "name: billing\n")
        let open = DocumentURI.uri(directory.path + "/c/orders-activity.yaml")
        let client = LanguageClient(options: .init(debounce: .zero, workspaceFileLimit: 1))
        client.initialize(root: directory.path)
        let logged = client.sent.compactMap { $0["method"] == .string("window/logMessage") ? $0["params"]?["message"]?.string : nil }
        #expect(logged.contains { $0.contains("the first 1 are compared with open documents, 1 more are not") }, "\(logged)")
        // The first file is compared; the second, past the limit, is not.
        client.open(open, Self.request("other") + "---\n" + "name: billing\n" + "tags:\n  - key: team\n    value: x\n")
        #expect(Self.codes(client, open) == ["activity-duplicate-tags"])
        #expect(client.published(open)?.first?["relatedInformation"]?.array?.first?["location"]?["uri"]?.string
            == DocumentURI.uri(directory.path + "/a/orders-activity.yaml"))
    }

    @Test func theWalkOrderComparesFoldersByTheirNames() {
        #expect(WorkspaceActivities.precedes("/r/a/b.json", "/r/a-c.json"), "a folder's contents come at its name")
        #expect(WorkspaceActivities.precedes("/r/a.json", "/r/b.json"))
        #expect(!WorkspaceActivities.precedes("/r/b.json", "/r/a/z.json"))
        #expect(!WorkspaceActivities.precedes("/r/a.json", "/r/a.json"))
    }
}
