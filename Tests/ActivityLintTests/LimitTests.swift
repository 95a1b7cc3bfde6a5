import Foundation
import Testing
@_spi(Internals) @testable import ActivityLint

/// Limits keep hostile input bounded; each one gives a diagnostic, and the other inputs are still linted.
@Suite(.serialized)
struct LimitTests {
    @Test func fileOverTheSizeLimitIsReportedWithoutBeingRead() throws {
        let dir = try TemporaryDirectory()
        let big = try dir.write("big.json", "{\"name\": \"" + String(repeating: "a", count: 2_000) + "\"}")
        let run = try Executable.run(["--max-file-size", "1000", big, "Examples/valid/orders-activity.json"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("big.json:1:1: error: the input has 2012 bytes or more, over the limit of 1000 bytes"))
        #expect(run.stdout.contains("1 error in 1 of 2 files (1 payload)"), "\(run.stdout)")
    }

    @Test func aLargeFileThatStartsAsAnotherKindOfDocumentIsSkipped() throws {
        let dir = try TemporaryDirectory()
        let dependencies = (0..<200).map { "\"dependency-\($0)\": \"^1.0.\($0)\"" }.joined(separator: ", ")
        let manifest = try dir.write("package.json", "{\"name\": \"big-app\", \"version\": \"1.0.0\", "
            + "\"dependencies\": {\(dependencies)}}")
        let template = try dir.write("template.json", "{\"Resources\": {\"A\": {\"Type\": \"AWS::StepFunctions::Activity\", "
            + "\"Properties\": {\"Name\": \"" + String(repeating: "a", count: 2_000) + "\"}}}}")
        let run = try Executable.run(["--max-file-size", "1000", "-v", manifest, template])
        #expect(run.status == 1)
        #expect(run.stdout.contains("package.json: skipped (not an activity document): larger than --max-file-size, "
            + "and its start is not an activity document: \"name\" beside 2 members"), "\(run.stdout)")
        #expect(run.stdout.contains("template.json:1:1: error: the input has 2090 bytes or more"), "\(run.stdout)")
    }

    @Test func standardInputOverTheLimitIsCutOff() throws {
        let run = try Executable.run(["--max-file-size", "100", "-"], stdin: String(repeating: " ", count: 100_000))
        #expect(run.status == 1)
        #expect(run.stdout.contains("[file-too-large]"))
    }

    @Test func depthAndAliasLimitsAreFlags() throws {
        let deep = try Executable.run(["--max-depth", "2", "--stdin-filename", "a.json", "-"], stdin: #"{"tags": [{"key": "a"}]}"#)
        #expect(deep.stdout.contains("[nesting-too-deep]"), "\(deep.stdout)")
        let aliases = try Executable.run(["--max-aliases", "1", "--stdin-filename", "a.yaml", "-"], stdin: "a: &x 1\nb: *x\nc: *x\n")
        #expect(aliases.stdout.contains("[alias-limit]"), "\(aliases.stdout)")
        #expect(try Executable.run(["--max-depth", "0", "Examples/valid"]).status == 2)
    }
}
