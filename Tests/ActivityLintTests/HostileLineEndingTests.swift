import Foundation
import Testing

@_spi(Internals) @testable import ActivityLint

/// The `line-endings` info names exactly the kinds of line break a file holds, so a file mixing lone CR and CR LF
/// is not described as one that only uses CR LF.
struct HostileLineEndingTests {
    @Test(arguments: [
        ("name: orders\r\ntags: []\r\n", "the file uses CR LF line endings"),
        ("name: orders\rtags: []\r", "the file uses lone CR line endings"),
        ("name: orders\r\ntags: []\rencryptionConfiguration: {type: AWS_OWNED_KEY}\r\n", "the file mixes CR LF and lone CR line endings"),
        ("name: orders\r\ntags: []\n", "the file mixes CR LF and LF line endings"),
        ("name: orders\r\ntags: []\rencryptionConfiguration: {type: AWS_OWNED_KEY}\n", "the file mixes CR LF, lone CR and LF line endings"),
    ])
    func messageNamesTheKindsPresent(text: String, message: String) throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("request.yaml", text)
        let run = try Executable.run(["--format", "json", path])
        #expect(run.status == 0, "\(run.stdout)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let diagnostics = object?["diagnostics"] as? [[String: Any]] ?? []
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?["rule"] as? String == "line-endings")
        #expect((diagnostics.first?["message"] as? String)?.hasPrefix(message) == true, "\(diagnostics)")
        #expect(diagnostics.first?["line"] as? Int == 1)
        #expect(diagnostics.first?["column"] as? Int == 13)
    }
}
