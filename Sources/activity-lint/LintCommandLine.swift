import ArgumentParser

/// Reads the command line: what a lint run was asked to do, or the other command to run.
///
/// A plain lint run (options and paths) is read by `DirectLintArguments`, without ArgumentParser. Anything else
/// is parsed by ArgumentParser with the lint command as the root, so it builds only that command: the full tree
/// (the root, its subcommands, finding the default one) costs several million instructions at every start.
/// Whatever the lint command alone does not accept (`--help`, `--version`, a completion script request, a mistake)
/// is parsed again with the full tree, so help, versions and error messages are the tree's own.
enum LintCommandLine {
    enum Parsed {
        case lint(LintSettings)
        case command(ParsableCommand)
    }

    static func parse(_ arguments: [String]) throws -> Parsed {
        if let settings = DirectLintArguments.settings(arguments) { return .lint(settings) }
        return try parsedByArgumentParser(arguments)
    }

    /// What ArgumentParser makes of the arguments, the paths put back in order.
    static func parsedByArgumentParser(_ arguments: [String]) throws -> Parsed {
        // Paths are split off first: ArgumentParser's positional arrays cost quadratic time.
        let split = PathArguments(arguments)
        let command = try parse(split?.arguments ?? arguments, isLintRun: split != nil)
        guard let lint = command as? Lint else { return .command(command) }
        var settings = lint.settings
        if let split { settings.paths = split.paths(parsed: lint.paths) }
        return .lint(settings)
    }

    /// ArgumentParser's reading: the lint command alone for a lint run, else the full tree.
    static func parse(_ arguments: [String], isLintRun: Bool) throws -> ParsableCommand {
        if isLintRun {
            let lintArguments = arguments.first == Lint._commandName ? Array(arguments.dropFirst()) : arguments
            if let lint = try? Lint.parseAsRoot(lintArguments) as? Lint { return lint }
        }
        return try ActivityLintCommand.parseAsRoot(arguments)
    }

    /// The subcommands (and ArgumentParser's `help`) whose arguments are not a lint run's.
    static let otherCommands: Set<String> = Set(
        ActivityLintCommand.configuration.subcommands.map { $0._commandName }.filter { $0 != Lint._commandName }
            + ["help"])
}
