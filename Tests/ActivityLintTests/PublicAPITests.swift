import ActivityLint
import Foundation
import Testing

/// Uses only the public API (no @testable import), as an app calling the library before an AWS SDK request would.
struct PublicAPITests {
    @Test func lintARequestBuiltInCode() {
        let request = CreateActivityRequest(
            name: "orders worker", tags: ["team": "payments", "aws:owner": "me"],
            encryptionConfiguration: .init(type: "CUSTOMER_MANAGED_KMS_KEY", kmsDataKeyReusePeriodSeconds: 30))
        let result = Linter.builtIn().lint(request: request)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.ruleID) == [
            "name-forbidden-character", "tag-reserved-prefix", "encryption-kms-key-required", "kms-reuse-period-range",
        ])
        #expect(errors.map(\.exception) == ["InvalidName", "ValidationException", "InvalidEncryptionConfiguration",
                                            "InvalidEncryptionConfiguration"])
        #expect(errors.map(\.pointer) == ["/name", "/tags/0/key", "/encryptionConfiguration/type",
                                          "/encryptionConfiguration/kmsDataKeyReusePeriodSeconds"])
    }

    @Test func lintDataAndStrings() {
        let linter = Linter.builtIn()
        let yaml = linter.lint(data: Data("name: orders\ntags: {team: a}\n".utf8), path: "request.yaml")
        #expect(yaml.payloadCount == 1)
        #expect(yaml.diagnostics.map(\.ruleID) == ["invalid-type"])
        #expect(yaml.diagnostics.first?.range.start == SourcePosition(line: 2, column: 7, offset: 19))
        let clean = linter.lint(text: #"{"name": "orders-worker"}"#)
        #expect(clean.diagnostics.isEmpty)
    }

    @Test func customRulesThroughThePublicAPI() throws {
        let rule = RuleDescriptor(
            id: "owner-tag", validator: "required-tag", severity: .warning, exception: nil,
            summary: "owner tag", documentation: "", options: ["key": .text("owner")])
        let linter = Linter(engine: try RuleEngine(rules: RuleCatalog.builtIn.rules + [rule]))
        let result = linter.lint(request: CreateActivityRequest(name: "orders"))
        #expect(result.diagnostics.map(\.ruleID) == ["owner-tag"])
        #expect(result.diagnostics.first?.severity == .warning)
    }
}
