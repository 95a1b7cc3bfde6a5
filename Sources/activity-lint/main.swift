import ActivityLint
import ArgumentParser
import Glibc

/// Exit statuses: 0 clean, 1 errors found, 2 usage errors, unreadable inputs or internal failures.
enum ExitStatus {
    static let clean: Int32 = 0
    static let findings: Int32 = 1
    static let failure: Int32 = 2
}

do {
    var command = try ActivityLintCommand.parseAsRoot()
    if let lint = command as? Lint {
        exit(try lint.execute())
    }
    try command.run()
    exit(ExitStatus.clean)
} catch {
    let code = ActivityLintCommand.exitCode(for: error)
    let message = ActivityLintCommand.fullMessage(for: error)
    if code == .success {
        if !message.isEmpty { Console.output(message + "\n") }
        exit(ExitStatus.clean)
    }
    if !message.isEmpty { Console.error(message + "\n") }
    exit(ExitStatus.failure)
}
