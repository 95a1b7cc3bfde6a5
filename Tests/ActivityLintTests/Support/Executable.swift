import Foundation

/// Runs the built `activity-lint` binary as a user would, from the package root.
enum Executable {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Both streams, for messages that show whatever the child printed.
        var output: String { stdout + stderr }
    }

    /// How long one child may run, counted from its own start: the hang guard of every test that runs one. A time
    /// limit on the test would also count the time its body waits for a free thread while hundreds of tests run in
    /// parallel on two cores, and fail a busy machine's correct run.
    static let childTimeLimit: TimeInterval = 300

    struct TimedOut: Error, CustomStringConvertible {
        var command: [String]
        var timeLimit: TimeInterval
        var description: String {
            "\(command.joined(separator: " ")) still ran after \(Int(timeLimit)) s and was killed"
        }
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary sits next to the test bundle in the build products folder.
    static var binary: URL { product("activity-lint") }

    /// A built executable of the package (`activity-lint`, or the `embed-rules` build tool).
    static func product(_ name: String) -> URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path),
              directory.path != "/" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent(name)
    }

    /// Writing to a child that has exited must fail the write, not kill the test process with SIGPIPE.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    static func run(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], workingDirectory: URL? = nil,
        product: String = "activity-lint"
    ) throws -> Run {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        env.merge(environment) { $1 }
        return try run(
            Self.product(product), arguments, stdin: stdin, environment: env, workingDirectory: workingDirectory)
    }

    /// A tool of the machine (`python3` for the SARIF schema check) found on the PATH, from the package root.
    static func tool(_ command: [String], timeLimit: TimeInterval = childTimeLimit) throws -> Run {
        try run(URL(fileURLWithPath: "/usr/bin/env"), command, timeLimit: timeLimit)
    }

    private static func run(
        _ executable: URL, _ arguments: [String], stdin: String? = nil, environment: [String: String]? = nil,
        workingDirectory: URL? = nil, timeLimit: TimeInterval = childTimeLimit
    ) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = workingDirectory ?? packageRoot
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        _ = ignoreBrokenPipes
        try process.run()
        let watchdog = Watchdog(process, timeLimit: timeLimit)
        // The linter stops reading at its input limit; what it leaves unread is no error of the test's.
        if let stdin { try? input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        // Read before waiting so a large report cannot fill the pipe and stall the child.
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        let killed = watchdog.stop()
        process.waitUntilExit()
        if killed { throw TimedOut(command: [executable.lastPathComponent] + arguments, timeLimit: timeLimit) }
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }

    /// Kills a child that outlives its time limit; `stop` says whether it had to.
    private final class Watchdog: @unchecked Sendable {
        private let lock = NSLock()
        private var finished = false
        private var fired = false

        init(_ process: Process, timeLimit: TimeInterval) {
            let pid = process.processIdentifier
            DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit) { [self] in
                lock.lock()
                defer { lock.unlock() }
                guard !finished else { return }
                fired = true
                kill(pid, SIGKILL)
            }
        }

        func stop() -> Bool {
            lock.lock()
            defer { lock.unlock() }
            finished = true
            return fired
        }
    }
}
