import ActivityLint
import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Exit statuses: 0 clean, 1 errors found, 2 usage errors, unreadable inputs or internal failures.
enum ExitStatus {
    static let clean: Int32 = 0
    static let findings: Int32 = 1
    static let failure: Int32 = 2
}

do {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if TopLevelHelp.isRequest(arguments) {
        Console.output(TopLevelHelp.text + "\n")
        exit(ExitStatus.clean)
    }
    switch try LintCommandLine.parse(arguments) {
    case .lint(let settings):
        exit(try settings.execute())
    case .command(var command):
        try command.run()
        exit(ExitStatus.clean)
    }
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
