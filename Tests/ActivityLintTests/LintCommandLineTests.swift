import ArgumentParser
import Foundation
import Testing
@testable import activity_lint

/// A plain lint run is read by `DirectLintArguments`, anything else by ArgumentParser with the lint command alone
/// (`LintCommandLine`), and whatever that refuses by the full command tree: each step must give the answer of the
/// step after it.
struct LintCommandLineTests {
    static let commandLines: [[String]] = [
        ["requests/"], ["--no-config", "a.json"], ["lint", "a.json"], ["lint", "lint"], ["--no-config", "explain"],
        ["--format", "json", "-v", "a.yaml", "b.yaml"], ["--format=sarif", "--color", "never", "."],
        ["--rules", "p.yml", "--rules", "q.yml", "--", "-odd"], ["-0", "--files-from", "-"], ["--fix", "--unsafe-fixes", "."],
        ["-", "--stdin-filename", "r.yaml"], ["--input-kind", "terraform-plan", "plan.json"],
    ]

    /// Command lines the direct reader takes, beyond each option alone (`everyOptionInEverySpelling`).
    static let directCommandLines: [[String]] = commandLines + [
        ["a", "--format", "json", "b", "--", "-c", "--fix", "-", "d"], ["--", "--help"], ["--", "--"], ["-", "a", "-"],
        ["a.json", "help"], ["a.json", "lint"], ["--files-from", "list.txt"], ["--files-from=-", "-0", "a"],
        ["--stdin-filename", "x.json"], ["--fix", "--diff", "."], ["--config", "lint", "a"], ["--rules=a=b", "x"],
        ["--max-depth", "+5", "a"], ["--max-findings-per-rule", "0", "--sarif-max-bytes", "0", "a"],
        ["-v", "--verbose", "--show-skipped", "a"], ["--diff", "--unsafe-fixes", "a"],
        ["--format", "json", "--format", "sarif", "a"], ["--", "a", "b"], ["-", "--files-from", "-"],
        ["a", "b", "-", "c", "-"], ["--format", "json", "a", "-", "--", "-", "b"],
    ]

    /// Command lines the direct reader hands to ArgumentParser: not a plain lint run, or a mistake.
    static let argumentParserCommandLines: [[String]] = [
        [], ["--help"], ["-h"], ["a", "--help"], ["help"], ["--version"], ["--generate-completion-script", "bash"],
        ["--experimental-dump-help"], ["explain", "name-too-long"], ["rules"], ["lsp", "--bogus"], ["--format", "xml", "."],
        ["--bogus"], ["-v0", "a"], ["--config=", "a"], ["--fix=yes", "a"], ["--max-depth", "-1", "a"],
        ["--max-depth", "0", "a"], ["--max-depth", "ten", "a"], ["--config", "--no-config", "a"], ["--format"],
        ["--unsafe-fixes", "a"], ["--fix", "-"], ["--fix", "--write-baseline", "b", "a"], ["--no-config"],
        ["-0=x", "a"], ["--format=", "a"], ["--fix", "a", "b", "-"], ["--diff", "a", "-", "b", "-"],
        ["--diff", "a", "--", "b", "-"],
    ]

    // MARK: The direct reader against ArgumentParser

    /// The direct reader's table names every option `Lint` declares for ArgumentParser, with its kind.
    @Test func theOptionTableIsLintsDefinition() throws {
        #expect(Self.tableOptions == Self.declaredOptions)
    }

    @Test(arguments: directCommandLines)
    func theDirectReaderReadsWhatArgumentParserReads(_ arguments: [String]) throws {
        let direct = try #require(DirectLintArguments.settings(arguments))
        #expect(direct == (try argumentParserSettings(arguments)))
    }

    /// Each option of `Lint`'s definition, in each of its names and spellings, alone, after a path, repeated.
    @Test(arguments: declaredOptions)
    func everyOptionInEverySpelling(_ option: DeclaredOption) throws {
        for arguments in Self.spellings(of: option) {
            let direct = DirectLintArguments.settings(arguments)
            #expect(direct != nil, "\(arguments)")
            #expect(direct == (try argumentParserSettings(arguments)), "\(arguments)")
        }
    }

    /// Thousands of paths are read in linear time, in order, whatever their kind.
    @Test func manyPathsKeepTheirOrder() throws {
        let paths = (0..<5_000).map { $0 % 3 == 0 ? "-" : "f\($0).json" }
        let arguments = ["--format", "json"] + paths.prefix(2_500) + ["--no-config", "--"] + paths.dropFirst(2_500)
        let direct = try #require(DirectLintArguments.settings(arguments))
        #expect(direct.paths == paths)
        #expect(direct == (try argumentParserSettings(arguments)))
    }

    @Test(arguments: argumentParserCommandLines)
    func whatTheDirectReaderRefusesIsArgumentParsersAnswer(_ arguments: [String]) {
        #expect(DirectLintArguments.settings(arguments) == nil)
        #expect(message(of: { try LintCommandLine.parse(arguments) })
            == message(of: { try ActivityLintCommand.parseAsRoot(arguments) }))
    }

    // MARK: The lint command alone against the full tree

    @Test(arguments: commandLines)
    func theLintCommandAloneParsesWhatTheTreeParses(_ arguments: [String]) throws {
        let fast = try LintCommandLine.parse(arguments, isLintRun: true)
        let tree = try ActivityLintCommand.parseAsRoot(arguments)
        #expect(fast is Lint && tree is Lint)
        #expect(description(of: fast) == description(of: tree))
    }

    /// What only the tree answers (its help, version, completion scripts) or refuses comes from the tree.
    @Test(arguments: [[], ["--help"], ["-h"], ["--version"], ["--generate-completion-script", "bash"], ["--format", "xml", "."],
                      ["--bogus"], ["--fix", "--diff", "."]])
    func whatTheLintCommandAloneRefusesIsTheTreesAnswer(_ arguments: [String]) {
        #expect(message(of: { try LintCommandLine.parse(arguments, isLintRun: true) })
            == message(of: { try ActivityLintCommand.parseAsRoot(arguments) }))
    }

    // MARK: Lint's ArgumentParser definition

    /// An option as ArgumentParser's help dump (`--experimental-dump-help`) describes it.
    struct DeclaredOption: Hashable, CustomTestStringConvertible {
        let names: [String]
        let takesValue: Bool
        let repeats: Bool
        var testDescription: String { names.joined(separator: "/") }
    }

    /// The options `Lint` declares, read from ArgumentParser's dump of it (its own --help and --version left out).
    static let declaredOptions: [DeclaredOption] = {
        let dump = Lint._dumpHelp()
        guard let root = try? JSONSerialization.jsonObject(with: Data(dump.utf8)) as? [String: Any],
              let command = root["command"] as? [String: Any],
              let arguments = command["arguments"] as? [[String: Any]] else { return [] }
        return arguments.compactMap { argument in
            guard let kind = argument["kind"] as? String, kind != "positional",
                  let names = argument["names"] as? [[String: Any]] else { return nil }
            let spelled = names.compactMap { name -> String? in
                guard let text = name["name"] as? String else { return nil }
                return (name["kind"] as? String == "short" ? "-" : "--") + text
            }
            if spelled.contains("--help") || spelled.contains("--version") { return nil }
            return DeclaredOption(names: spelled.sorted(), takesValue: kind == "option",
                                  repeats: argument["isRepeating"] as? Bool ?? false)
        }.sorted { $0.names.lexicographicallyPrecedes($1.names) }
    }()

    static let tableOptions: [DeclaredOption] = LintOption.all.map { option in
        switch option.action {
        case .flag: DeclaredOption(names: option.names.sorted(), takesValue: false, repeats: false)
        case .value(let repeats, _): DeclaredOption(names: option.names.sorted(), takesValue: true, repeats: repeats)
        }
    }.sorted { $0.names.lexicographicallyPrecedes($1.names) }

    /// Two values each option takes, and the options an option needs beside it.
    private static let sampleValues: [String: [String]] = [
        "--format": ["json", "sarif"], "--color": ["never", "always"], "--input-kind": ["terraform-plan", "api"],
        "--files-from": ["-", "list.txt"],
    ]
    private static let companions: [String: [String]] = ["--unsafe-fixes": ["--fix"]]

    private static func spellings(of option: DeclaredOption) -> [[String]] {
        var lines: [[String]] = []
        for name in option.names {
            let needs = companions[name] ?? []
            if !option.takesValue {
                lines += [needs + [name, "a.json"], ["a.json"] + needs + [name], needs + [name, name, "a", "--", "b"]]
                continue
            }
            let values = sampleValues[name] ?? (name.hasPrefix("--max") || name.hasPrefix("--sarif") ? ["7", "12"] : ["x.yml", "-"])
            lines += [[name, values[0], "a.json"], ["a.json", name, values[0]], [name, values[0], name, values[1], "a"],
                      [name, values[1], "--", "-a", name]]
            if name.hasPrefix("--") { lines += [["\(name)=\(values[0])", "a.json"], ["b", "\(name)=\(values[1])"]] }
        }
        return lines
    }

    // MARK: Helpers

    private func argumentParserSettings(_ arguments: [String]) throws -> LintSettings? {
        guard case .lint(let settings) = try LintCommandLine.parsedByArgumentParser(arguments) else { return nil }
        return settings
    }

    private func description(of command: ParsableCommand) -> String {
        var text = ""
        dump(command, to: &text)
        return text
    }

    private func message(of parse: () throws -> LintCommandLine.Parsed) -> String {
        do {
            switch try parse() {
            case .lint(let settings): return "settings \(settings)"
            case .command(let command): return "parsed " + description(of: command)
            }
        } catch {
            return "\(ActivityLintCommand.exitCode(for: error)): \(ActivityLintCommand.fullMessage(for: error))"
        }
    }

    private func message(of parse: () throws -> ParsableCommand) -> String {
        do {
            let command = try parse()
            // The tree's lint command holds every path (nothing was split off).
            if let lint = command as? Lint { return "settings \(lint.settings)" }
            return "parsed " + description(of: command)
        } catch {
            return "\(ActivityLintCommand.exitCode(for: error)): \(ActivityLintCommand.fullMessage(for: error))"
        }
    }
}
