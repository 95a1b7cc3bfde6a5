import Foundation
import Testing
@_spi(Internals) @testable import ActivityLint

/// The three report formats on fixed inputs, byte for byte. After an intended change, regenerate with
/// `UPDATE_GOLDEN=1 swift test --filter GoldenOutputTests` and review the diff.
@Suite(.serialized)
struct GoldenOutputTests {
    static let inputs = [
        "Examples/invalid/name-problems.json", "Examples/invalid/encryption.yaml", "Examples/invalid/shape.json",
        "Examples/valid/orders-activity.json", "Examples/invalid/missing.json",
    ]

    @Test(arguments: ["text", "json", "sarif"])
    func format(_ format: String) throws {
        var run = try Executable.run(["--format", format, "--color", "never"] + Self.inputs)
        #expect(run.status == 2, "a missing input makes the run exit 2")
        // SARIF names the checkout's own folder as %SRCROOT%; the golden file holds a stand-in.
        let root = Executable.packageRoot.resolvingSymlinksInPath().path
        run.stdout = run.stdout.replacingOccurrences(of: "\"file://\(root)/\"", with: "\"file:///CHECKOUT/\"")
        let golden = Executable.packageRoot.appendingPathComponent("Tests/ActivityLintTests/Golden/examples.\(format)")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
            try run.stdout.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(run.stdout == expected, "output differs from \(golden.lastPathComponent)")
    }
}
