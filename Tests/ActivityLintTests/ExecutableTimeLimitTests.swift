import Foundation
import Testing

/// The hang guard of every test that runs a child: a child that outlives its limit is killed and the test fails
/// with the command, instead of the run waiting for CI's own limit.
struct ExecutableTimeLimitTests {
    @Test func aChildThatOutlivesItsLimitIsKilledAndNamed() throws {
        let started = Date()
        #expect {
            _ = try Executable.tool(["sleep", "600"], timeLimit: 1)
        } throws: { error in
            "\(error)" == "env sleep 600 still ran after 1 s and was killed"
        }
        // Killed at its limit, not left to sleep out its ten minutes.
        #expect(Date().timeIntervalSince(started) < 300)
    }

    @Test func aChildWithinItsLimitGivesItsOutput() throws {
        let run = try Executable.tool(["sh", "-c", "echo out; echo err >&2; exit 3"], timeLimit: 60)
        #expect(run.status == 3)
        #expect(run.stdout == "out\n")
        #expect(run.stderr == "err\n")
    }
}
