/// One of the lint command's options as `DirectLintArguments` reads it: its names and what it sets.
///
/// `Lint` declares the same options for ArgumentParser (with their help); `LintCommandLineTests` reads `Lint`'s
/// definition and fails when an option, a name or a kind differs from this table, and parses every option in every
/// spelling both ways.
struct LintOption: Sendable {
    enum Action: Sendable {
        /// An option without a value: it turns the setting on.
        case flag(WritableKeyPath<LintSettings, Bool> & Sendable)
        /// An option with a value; `set` returns false for a value the option does not take (a mistake).
        case value(repeats: Bool, set: @Sendable (inout LintSettings, String) -> Bool)
    }

    /// Every spelling, dashes included: `--format`, `-0`.
    let names: [String]
    let action: Action

    static let all: [LintOption] = [
        text("--files-from", \.filesFrom),
        flag(["--null", "-0"], \.nullSeparated),
        choice("--format", \.format),
        text("--stdin-filename", \.stdinFilename),
        choice("--color", \.color),
        choice("--input-kind", \.inputKind),
        flag(["--show-skipped", "-v", "--verbose"], \.showSkipped),
        text("--config", \.configPath),
        flag(["--no-config"], \.noConfig),
        LintOption(names: ["--rules"], action: .value(repeats: true) { $0.rulePacks.append($1); return true }),
        flag(["--force-include"], \.forceInclude),
        text("--baseline", \.baseline),
        text("--write-baseline", \.writeBaseline),
        flag(["--fix"], \.fix),
        flag(["--unsafe-fixes"], \.unsafeFixes),
        flag(["--diff"], \.diff),
        number("--max-file-size", \.maxFileSize),
        number("--max-depth", \.maxDepth),
        number("--max-aliases", \.maxAliases),
        number("--max-findings-per-rule", \.maxFindingsPerRule),
        number("--sarif-max-results", \.sarifMaxResults),
        number("--sarif-max-bytes", \.sarifMaxBytes),
    ]

    /// The option a name spells, if any.
    static func named(_ name: Substring) -> LintOption? {
        all.first { $0.names.contains { $0 == name } }
    }

    private static func flag(
        _ names: [String], _ setting: WritableKeyPath<LintSettings, Bool> & Sendable
    ) -> LintOption {
        LintOption(names: names, action: .flag(setting))
    }

    private static func text(
        _ name: String, _ setting: WritableKeyPath<LintSettings, String?> & Sendable
    ) -> LintOption {
        LintOption(names: [name], action: .value(repeats: false) { $0[keyPath: setting] = $1; return true })
    }

    /// Read as ArgumentParser reads an `Int` (`Int(String)`).
    private static func number(
        _ name: String, _ setting: WritableKeyPath<LintSettings, Int> & Sendable
    ) -> LintOption {
        LintOption(names: [name], action: .value(repeats: false) { settings, text in
            guard let number = Int(text) else { return false }
            settings[keyPath: setting] = number
            return true
        })
    }

    /// Read as ArgumentParser reads a `RawRepresentable` by `String`: the raw value exactly.
    private static func choice<Choice: RawRepresentable & Sendable>(
        _ name: String, _ setting: WritableKeyPath<LintSettings, Choice> & Sendable
    ) -> LintOption where Choice.RawValue == String {
        LintOption(names: [name], action: .value(repeats: false) { settings, text in
            guard let choice = Choice(rawValue: text) else { return false }
            settings[keyPath: setting] = choice
            return true
        })
    }
}
