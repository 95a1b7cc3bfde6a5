import ArgumentParser

/// Parses a lint run with the lint command as the root, so ArgumentParser builds only that command: the full tree
/// (the root, its subcommands, finding the default one) costs several million instructions at every start.
///
/// Whatever the lint command alone does not accept (`--help`, `--version`, a completion script request, a mistake)
/// is parsed again with the full tree, so help, versions and error messages are the tree's own.
enum LintCommandLine {
    static func parse(_ arguments: [String], isLintRun: Bool) throws -> ParsableCommand {
        if isLintRun {
            let lintArguments = arguments.first == Lint._commandName ? Array(arguments.dropFirst()) : arguments
            if let lint = try? Lint.parseAsRoot(lintArguments) as? Lint { return lint }
        }
        return try ActivityLintCommand.parseAsRoot(arguments)
    }
}
