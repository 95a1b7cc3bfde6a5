/// Reads a plain lint run's command line (options and paths) without ArgumentParser, whose reflection over the
/// lint command's properties costs about 11 M instructions at every start, several times the run of a small file.
///
/// It accepts only what it knows ArgumentParser reads the same way, and answers nil for anything else: help,
/// `--version`, completion scripts, another subcommand, any spelling not in `LintOption.all` (clustered short
/// flags, a value that starts with `-`, an empty `--name=`), any mistake. `LintCommandLine` then hands the
/// arguments to ArgumentParser, so help texts and error messages stay its own.
enum DirectLintArguments {
    static func settings(_ arguments: [String]) -> LintSettings? {
        var rest = arguments[...]
        if rest.first == Lint._commandName {
            rest = rest.dropFirst()
        } else if let first = rest.first, LintCommandLine.otherCommands.contains(first) {
            return nil
        }
        var settings = LintSettings.defaults
        var terminated = false
        while let argument = rest.popFirst() {
            if terminated || argument == "-" || !argument.hasPrefix("-") {
                settings.paths.append(argument)
                continue
            }
            if argument == "--" {
                terminated = true
                continue
            }
            // `--name=value`; a short option never has a joined value here.
            let equals = argument.hasPrefix("--") ? argument.firstIndex(of: "=") : nil
            let name = argument[..<(equals ?? argument.endIndex)]
            guard let option = LintOption.named(name) else { return nil }
            switch option.action {
            case .flag(let setting):
                guard equals == nil else { return nil }
                settings[keyPath: setting] = true
            case .value(_, let set):
                // ArgumentParser takes `--name=` as `--name` and the next argument as its value.
                let joined = equals.map { String(argument[argument.index(after: $0)...]) }
                if joined?.isEmpty == true { return nil }
                guard let value = joined ?? rest.popFirst(), value == "-" || !value.hasPrefix("-"),
                      set(&settings, value) else { return nil }
            }
        }
        guard (try? settings.validate()) != nil else { return nil }
        return settings
    }
}
