import ActivityLint
import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `activity-lint lsp`: the language server over standard input and output.
struct LanguageServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server (LSP 3.17 over standard input and output) for editors.",
        discussion: """
            Editors start it themselves; see the README's "Language server" section for Neovim, Helix, Zed, \
            Emacs and VS Code. Exit status: 0 after `shutdown` and `exit`, 1 when the client exits without \
            `shutdown` or closes the stream.
            """)

    @Option(help: "Milliseconds typing must pause before a changed document is linted.")
    var debounce: Int = 100

    @Option(help: "Documents over this many bytes get one diagnostic instead of being linted.")
    var maxFileSize: Int = ParseLimits.default.maxFileSize

    func validate() throws {
        guard debounce >= 0, debounce <= 10_000 else { throw ValidationError("--debounce must be 0 to 10000") }
        guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be positive") }
    }

    func run() throws {
        var limits = ParseLimits.default
        limits.maxFileSize = maxFileSize
        let status = ServerLoop.runOverStandardIO(debounce: .milliseconds(debounce), limits: limits)
        // The C library's exit: ParsableCommand has a static `exit` of its own.
        #if canImport(Glibc)
        Glibc.exit(status)
        #elseif canImport(Darwin)
        Darwin.exit(status)
        #endif
    }
}
