import ArgumentParser
import Foundation

/// Splits the lint command's arguments into options and paths before ArgumentParser sees them.
///
/// ArgumentParser collects a positional array in quadratic time (each value copies the values so far), so
/// `git ls-files | xargs activity-lint` with 40,000 names took 73 s against 1.1 s for their folder. Here the paths
/// are gathered in one pass; ArgumentParser gets the options, their values and the first path (so its own checks
/// and messages stay as they are), and the command takes the whole list.
enum PathArguments {
    struct Split {
        /// What ArgumentParser parses.
        var arguments: [String]
        var paths: [String]
    }

    /// nil when the arguments are not for the lint command (another subcommand, `help`) or name no path: they go
    /// to ArgumentParser as they are.
    static func split(_ arguments: [String]) -> Split? {
        guard let first = arguments.first else { return nil }
        var rest = arguments[...]
        var command: [String] = []
        if first == Lint._commandName {
            command = [first]
            rest = rest.dropFirst()
        } else if otherCommands.contains(first) {
            return nil
        }
        var options: [String] = []
        var paths: [String] = []
        var valued: Set<String>?
        var terminated = false
        var index = rest.startIndex
        while index < rest.endIndex {
            let argument = rest[index]
            index += 1
            if terminated || argument == "-" || !argument.hasPrefix("-") {
                paths.append(argument)
            } else if argument == "--" {
                terminated = true
            } else {
                options.append(argument)
                // Only runs that pass options pay for learning which take a value.
                if valued == nil { valued = valuedOptions() }
                if takesValue(argument, valued!), index < rest.endIndex {
                    options.append(rest[index])
                    index += 1
                }
            }
        }
        guard let firstPath = paths.first else { return nil }
        return Split(arguments: command + options + ["--", firstPath], paths: paths)
    }

    /// The subcommands (and ArgumentParser's `help`) whose arguments are not split.
    private static let otherCommands: Set<String> = Set(
        ActivityLintCommand.configuration.subcommands.map { $0._commandName }.filter { $0 != Lint._commandName }
            + ["help"])

    /// Whether an option as written takes the next argument as its value: `--name` and `-n` do when they are
    /// options with a value; `--name=value` carries its own; in `-abn` the last short name decides.
    private static func takesValue(_ argument: String, _ valued: Set<String>) -> Bool {
        if argument.contains("=") { return false }
        if valued.contains(argument) { return true }
        guard !argument.hasPrefix("--"), let last = argument.last else { return false }
        return valued.contains("-" + String(last))
    }

    /// Every spelling (`--format`, `-f`) of the lint command's options that take a value, read from
    /// ArgumentParser's own description of the command, so an option added later is split right with no list to
    /// keep up to date here.
    static func valuedOptions() -> Set<String> {
        struct Help: Decodable {
            struct Command: Decodable { var arguments: [Argument]? }
            struct Argument: Decodable {
                var kind: String
                var names: [Name]?
            }
            struct Name: Decodable {
                var kind: String
                var name: String
            }
            var command: Command
        }
        guard let help = try? JSONDecoder().decode(Help.self, from: Data(Lint._dumpHelp().utf8)) else { return [] }
        var names = Set<String>()
        for argument in help.command.arguments ?? [] where argument.kind == "option" {
            for name in argument.names ?? [] {
                names.insert((name.kind == "long" ? "--" : "-") + name.name)
            }
        }
        return names
    }
}
