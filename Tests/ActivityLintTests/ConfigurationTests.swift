import Foundation
import Testing
@_spi(Internals) @testable import ActivityLint

struct ConfigurationTests {
    @Test func disableSeverityAndFailOn() throws {
        let dir = try TemporaryDirectory()
        let config = try dir.write(".activity-lint.yml", """
            disable: [name-cloudwatch-safe]
            severity:
              tag-value-missing: error
              tag-duplicate-pair: off
            fail-on: warning
            """)
        let configuration = try ConfigurationLoader.load(path: config)
        let rules = configuration.apply(to: RuleCatalog.builtIn.rules)
        #expect(!rules.contains { $0.id == "name-cloudwatch-safe" })
        #expect(!rules.contains { $0.id == "tag-duplicate-pair" })
        #expect(rules.first { $0.id == "tag-value-missing" }?.severity == .error)
        #expect(configuration.failOn == .warning)
    }

    @Test func extendsMergesLaterOverEarlierAndEnableUndoesDisable() throws {
        let dir = try TemporaryDirectory()
        try dir.write("base.yml", "disable: [name-cloudwatch-safe, tag-value-missing]\nexclude: [generated]\n")
        let config = try dir.write("team/.activity-lint.yml", "extends: ../base.yml\nenable: [tag-value-missing]\n")
        let configuration = try ConfigurationLoader.load(path: config)
        #expect(configuration.disabled == ["name-cloudwatch-safe"])
        #expect(!configuration.admits(relativePath: "generated/a.json"))
        #expect(configuration.admits(relativePath: "infra/a.json"))
    }

    @Test func extendsLoopIsAnError() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.yml", "extends: b.yml\n")
        let b = try dir.write("b.yml", "extends: a.yml\n")
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.load(path: b) }
    }

    @Test(arguments: [
        ("disable: name-length\nseverty: {}\n", 2, 1, "unknown setting `severty`; did you mean `severity`?"),
        ("severity:\n  name-length: fatal\n", 2, 16, "severity must be error, warning, info or off"),
        ("fail-on: info\n", 1, 10, "`fail-on` must be error or warning"),
        ("include: {a: b}\n", 1, 10, "expected a list of strings"),
        ("disable: [a\n", 2, 1, "not valid YAML (syntax-error)"),
    ])
    func invalidConfigurationPointsAtItsOwnLineAndColumn(_ text: String, _ line: Int, _ column: Int, _ message: String) throws {
        let dir = try TemporaryDirectory()
        let config = try dir.write(".activity-lint.yml", text)
        do {
            _ = try ConfigurationLoader.load(path: config)
            Issue.record("expected an error")
        } catch {
            #expect(error.position?.line == line)
            #expect(error.position?.column == column)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func unknownRuleIdIsReportedWhereItIsNamed() throws {
        let dir = try TemporaryDirectory()
        let config = try dir.write(".activity-lint.yml", "disable:\n  - name-lenght\n")
        let configuration = try ConfigurationLoader.load(path: config)
        let errors = configuration.unknownRuleReferences(known: Set(RuleCatalog.builtIn.rules.map(\.id)))
        #expect(errors.count == 1)
        #expect(errors.first?.position == SourcePosition(line: 2, column: 5, offset: 13))
    }

    @Test func configurationIsFoundByWalkingUp() throws {
        let dir = try TemporaryDirectory()
        let config = try dir.write(".activity-lint.yml", "fail-on: warning\n")
        try dir.write("a/b/c/request.json", "{}")
        let found = ConfigurationLoader.find(from: dir.url.appendingPathComponent("a/b/c").path)
        #expect(found.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
                == URL(fileURLWithPath: config).resolvingSymlinksInPath().path)
    }

    @Test(arguments: [
        ("**/*.json", "a/b/c.json", true), ("**/*.json", "c.json", true), ("*.json", "deep/dir/c.json", true),
        ("fixtures", "a/fixtures/x.yaml", true), ("infra/**", "infra/x/y.yml", true), ("infra/**", "app/x.yml", false),
        ("infra/*.yml", "infra/x/y.yml", false), ("Examples/invalid", "Examples/invalid/a.json", true),
        ("a?c.json", "abc.json", true), ("a?c.json", "abbc.json", false),
    ])
    func globs(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected)
    }
}
