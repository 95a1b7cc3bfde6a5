import ArgumentParser

/// Splits the lint command's arguments before ArgumentParser sees them, so that naming many files costs linear time.
///
/// ArgumentParser collects a positional array in quadratic time (each value copies the values so far), so
/// `git ls-files | xargs activity-lint` with 40,000 names took 73 s against 1.1 s for their folder. Here an
/// argument is surely a path when it does not start with `-` (or is `-`) and does not follow an option, or comes
/// after `--`. ArgumentParser gets everything else: the options, the argument after each (which it takes as the
/// option's value or as a path, knowing which options take one), the first sure path and the first sure `-` (its
/// checks refuse standard input with `--fix`), so its checks and messages stay its own. The paths are then put back
/// together in the order given.
struct PathArguments {
    /// What ArgumentParser parses.
    let arguments: [String]
    /// Every argument that may be a path, in order: sure ones, and those ArgumentParser decides (`decided`).
    private let candidates: [(text: String, decided: Bool)]
    /// How many sure paths end `arguments` (after `--`), which ArgumentParser lists last.
    private let surePathsGiven: Int

    /// nil for arguments not for the lint command (another subcommand, `help`): they go to ArgumentParser as
    /// they are.
    init?(_ arguments: [String]) {
        var rest = arguments[...]
        var command: [String] = []
        if arguments.first == Lint._commandName {
            command = [Lint._commandName]
            rest = rest.dropFirst()
        } else if let first = arguments.first, LintCommandLine.otherCommands.contains(first) {
            return nil
        }
        var parsed: [String] = []
        var candidates: [(text: String, decided: Bool)] = []
        var firstSurePath: String?
        var laterStandardInput = false
        var terminated = false
        var followsOption = false
        for argument in rest {
            let isOption = !terminated && argument != "-" && argument.hasPrefix("-")
            if isOption {
                if argument == "--" {
                    terminated = true
                } else {
                    parsed.append(argument)
                }
            } else if followsOption {
                parsed.append(argument)
                candidates.append((argument, true))
            } else {
                if firstSurePath == nil {
                    firstSurePath = argument
                } else if argument == "-" {
                    laterStandardInput = true
                }
                candidates.append((argument, false))
            }
            followsOption = isOption && !terminated
        }
        let surePaths = (firstSurePath.map { [$0] } ?? []) + (laterStandardInput && firstSurePath != "-" ? ["-"] : [])
        self.arguments = command + parsed + (surePaths.isEmpty ? [] : ["--"] + surePaths)
        self.candidates = candidates
        surePathsGiven = surePaths.count
    }

    /// Every path in the order given, from the paths ArgumentParser found in `arguments`.
    func paths(parsed: [String]) -> [String] {
        // ArgumentParser's paths are the decided arguments it took as paths, in order, then the sure paths given.
        var decided = parsed.dropLast(surePathsGiven)
        var paths: [String] = []
        paths.reserveCapacity(candidates.count)
        for candidate in candidates {
            if !candidate.decided {
                paths.append(candidate.text)
            } else if decided.first == candidate.text {
                paths.append(candidate.text)
                decided = decided.dropFirst()
            }
        }
        return paths
    }
}
