import ActivityLint
import Foundation
import Testing

/// Uses only the public API (no @testable import), as an editor or language server linting the documents it
/// holds in memory with the workspace's configuration would.
struct LintContextTests {
    @Test func theNearestConfigurationLowersASeverity() throws {
        let workspace = try TemporaryDirectory()
        try workspace.write(".activity-lint.yml", "severity:\n  name-forbidden-character: warning\n")
        let context = try LintContext(nearestConfigurationTo: workspace.path + "/requests/create-activity.json")
        let result = context.lint(text: #"{"name": "orders worker"}"#, path: "requests/create-activity.json")
        #expect(result.path == "requests/create-activity.json")
        #expect(result.payloadCount == 1)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(diagnostic.ruleID == "name-forbidden-character")
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.range.start == SourcePosition(line: 1, column: 17, offset: 16))
        #expect(context.configuration.file == workspace.path + "/.activity-lint.yml")
    }

    @Test func withoutAConfigurationFileTheDefaultsApply() throws {
        let workspace = try TemporaryDirectory()
        let context = try LintContext(nearestConfigurationTo: workspace.path)
        #expect(context.configuration.file == nil)
        let result = context.lint(text: #"{"name": "orders worker"}"#, path: "create-activity.json")
        #expect(result.diagnostics.map(\.severity) == [.error])
    }

    @Test func theConfigurationsRulePackRuns() throws {
        let workspace = try TemporaryDirectory()
        try workspace.write("policy/owner.yml", """
            rules:
              - id: owner-tag
                validator: required-tag
                severity: warning
                message: tag {value} is missing; on-call pages the owner
                options:
                  key: owner
            """)
        try workspace.write(".activity-lint.yml", "rules: [policy/owner.yml]\n")
        let context = try LintContext(nearestConfigurationTo: workspace.path + "/create-activity.json")
        #expect(context.availableRules.contains { $0.id == "owner-tag" })
        #expect(context.rulePacks == [workspace.path + "/policy/owner.yml"])
        let missing = context.lint(text: #"{"name": "orders", "tags": []}"#, path: "create-activity.json")
        #expect(missing.diagnostics.map(\.ruleID) == ["owner-tag"])
        #expect(missing.diagnostics.first?.severity == .warning)
        let tagged = context.lint(
            text: #"{"name": "orders", "tags": [{"key": "owner", "value": "payments"}]}"#, path: "create-activity.json")
        #expect(tagged.diagnostics.isEmpty)
    }

    @Test func aConfigurationNamingAnUnknownRuleIsRefused() throws {
        let configuration = try ConfigurationLoader.parse(
            Array("disable: [no-such-rule]\n".utf8), path: "/workspace/.activity-lint.yml")
        #expect(throws: ConfigurationError.self) { try LintContext(configuration: configuration, root: "/workspace") }
    }

    @Test func anExcludedPathIsSkippedAndAnAdmittedOneLinted() throws {
        let configuration = try ConfigurationLoader.parse(
            Array("exclude: [\"fixtures/**\"]\n".utf8), path: "/workspace/.activity-lint.yml")
        let context = try LintContext(configuration: configuration, root: "/workspace")
        let text = #"{"name": "orders worker"}"#
        for path in ["fixtures/create-activity.json", "/workspace/fixtures/create-activity.json"] {
            let excluded = context.lint(text: text, path: path)
            #expect(excluded.skipped?.category == .excluded, "\(path)")
            #expect(excluded.skipped?.detail == "excluded by /workspace/.activity-lint.yml")
            #expect(excluded.diagnostics.isEmpty && excluded.payloadCount == 0)
        }
        let admitted = context.lint(text: text, path: "requests/create-activity.json")
        #expect(admitted.skipped == nil)
        #expect(admitted.diagnostics.map(\.ruleID) == ["name-forbidden-character"])
    }

    @Test func thePathClassifiesADocumentThatIsNoRequest() throws {
        let context = try LintContext(configuration: Configuration(), root: "/workspace")
        let manifest = #"{"name": "orders", "version": "1.0.0"}"#
        let skipped = context.lint(text: manifest, path: "package.json")
        #expect(skipped.kind == .notActivity)
        #expect(skipped.skipped?.category == .notActivity)
        #expect(skipped.diagnostics.isEmpty)
        // Named after an activity, the same document is a request with a member CreateActivity does not have.
        let request = context.lint(bytes: Array(manifest.utf8), path: "create-activity.json")
        #expect(request.kind == .apiRequest)
        #expect(request.diagnostics.map(\.ruleID) == ["unknown-member"])
        #expect(request.diagnostics.first?.pointer == "/version")
    }

    @Test func textSentToBeLintedIsARequestWhateverItHolds() throws {
        let configuration = try ConfigurationLoader.parse(
            Array("exclude: [\"**\"]\n".utf8), path: "/workspace/.activity-lint.yml")
        let context = try LintContext(configuration: configuration, root: "/workspace")
        let result = context.lint(text: "name: orders worker\ndescription: intake\n", path: "<stdin>")
        #expect(result.skipped == nil)
        #expect(result.kind == .apiRequest)
        #expect(result.diagnostics.map(\.ruleID) == ["name-forbidden-character", "unknown-member"])
        #expect(result.diagnostics.map(\.range.start.line) == [1, 2])
        // A template sent the same way is still read as a template.
        let template = context.lint(text: """
            Resources:
              Intake:
                Type: AWS::StepFunctions::Activity
                Properties: {Name: "orders worker"}
            """, path: "<stdin>")
        #expect(template.kind == .cloudFormation)
        #expect(template.diagnostics.map(\.subject) == ["Intake"])
    }
}
