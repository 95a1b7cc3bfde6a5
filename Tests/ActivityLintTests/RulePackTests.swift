import Foundation
import Testing
@_spi(Internals) @testable import ActivityLint

struct RulePackTests {
    static let packs = Executable.packageRoot.appendingPathComponent("Rules/packs")

    func lint(_ payload: String, packs: [String], path: String = "request.json") throws -> [Diagnostic] {
        var rules = RuleCatalog.builtIn.rules
        for pack in packs {
            rules += try RulePackLoader.load(path: Self.packs.appendingPathComponent(pack).path, taken: Set(rules.map(\.id)))
        }
        return Linter(engine: try RuleEngine(rules: rules)).lint(text: payload, path: path).diagnostics
    }

    @Test func shippedPaymentsPackReportsEachPolicy() throws {
        let diagnostics = try lint("""
            {"name": "orders", "tags": [], "encryptionConfiguration": {"type": "CUSTOMER_MANAGED_KMS_KEY",
             "kmsKeyId": "arn:aws:kms:eu-west-1:111122223333:alias/payments"}}
            """, packs: ["payments-policy.yml"])
        let ids = Set(diagnostics.map(\.ruleID))
        #expect(ids.isSuperset(of: ["payments-owner-tag", "payments-name-prefix", "payments-key-alias-arn"]))
        #expect(!ids.contains("payments-customer-managed-key"))
        let prefix = try #require(diagnostics.first { $0.ruleID == "payments-name-prefix" })
        #expect(prefix.message == "activity name \"orders\" must start with \"payments-\" and use only a-z, 0-9 and -")
        #expect(prefix.range.start == SourcePosition(line: 1, column: 10, offset: 9))
    }

    @Test func requiredTagPointsAtTheTagsAsTheTemplateSpellsThem() throws {
        let template = """
            Resources:
              Settle:
                Type: AWS::StepFunctions::Activity
                Properties:
                  Name: payments-settle
                  Tags: [{Key: team, Value: payments}]
            """
        let diagnostics = try lint(template, packs: ["payments-policy.yml"], path: "template.yaml")
        let owner = try #require(diagnostics.first { $0.ruleID == "payments-owner-tag" })
        #expect(owner.pointer == "/Resources/Settle/Properties/Tags")
    }

    @Test func paymentsPackAcceptsACompliantRequest() throws {
        let diagnostics = try lint("""
            {"name": "payments-settle", "tags": [{"key": "owner", "value": "payments-oncall"}],
             "encryptionConfiguration": {"type": "CUSTOMER_MANAGED_KMS_KEY",
             "kmsKeyId": "arn:aws:kms:eu-west-1:123456789012:alias/payments"}}
            """, packs: ["payments-policy.yml"])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    }

    @Test func absentEncryptionMeansAWSOwnedKeyForAllowedValues() throws {
        let diagnostics = try lint(#"{"name": "payments-a", "tags": [{"key": "owner", "value": "x"}]}"#, packs: ["payments-policy.yml"])
        #expect(diagnostics.map(\.ruleID) == ["payments-customer-managed-key"])
    }

    @Test func taggingPackChecksTagValues() throws {
        let diagnostics = try lint(#"{"name": "n", "tags": [{"key": "cost-center", "value": "42"}, {"key": "environment", "value": "qa"}]}"#,
                                   packs: ["tagging-policy.yml"])
        #expect(diagnostics.map(\.ruleID) == ["cost-center-format", "environment-values"])
    }

    @Test(arguments: [
        ("rules:\n  - validator: required-tag\n    severity: error\n    message: m\n", 2, "rule is missing `id`"),
        ("rules:\n  - id: x\n    validator: no-such\n    severity: error\n    message: m\n", 2, "unknown validator `no-such`"),
        ("rules:\n  - id: x\n    validator: field-pattern\n    severity: error\n    field: name\n    message: m\n    options:\n      pattern: '[a-'\n", 8, "rule `x`: invalid pattern: Unmatched ["),
        ("rules:\n  - id: x\n    validator: field-pattern\n    severity: error\n    field: name\n    message: m\n    options:\n      pattern: '(a)\\1'\n", 8, "back-references"),
        ("rules:\n  - id: name-length\n    validator: required-tag\n    severity: error\n    message: m\n    options: {key: a}\n", 2, "already taken"),
        ("rules:\n  - id: x\n    validator: required-tag\n    severity: error\n    message: m\n    key: a\n", 6, "unknown key `key`"),
        ("rules: {}\n", 1, "needs a top-level `rules:` list"),
    ])
    func badPacksAreClearErrors(_ text: String, _ line: Int, _ message: String) throws {
        let dir = try TemporaryDirectory()
        let pack = try dir.write("pack.yml", text)
        do {
            _ = try RulePackLoader.load(path: pack, taken: Set(RuleCatalog.builtIn.rules.map(\.id)))
            Issue.record("expected an error")
        } catch {
            #expect(error.position?.line == line, "\(error)")
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    /// A pattern that makes backtracking engines take exponential time must still finish: the linter never hangs
    /// on a user's pattern.
    @Test func catastrophicPatternDoesNotHang() throws {
        let regex = try SafeRegex("^(a+)+$")
        #expect(!regex.matches(String(repeating: "a", count: 5_000) + "!"))
        let nested = try SafeRegex("^(a|aa)*(b|ab)*c$")
        #expect(!nested.matches(String(repeating: "a", count: 5_000)))
    }
}

extension RulePackTests {
    @Test func requiredFieldReportsAnAbsentEncryptionType() throws {
        let missing = try lint(#"{"name": "n"}"#, packs: ["explicit-encryption.yml"])
        #expect(missing.map(\.message) == [
            "\"encryptionConfiguration.type\" is not set; state the encryption explicitly (AWS_OWNED_KEY or CUSTOMER_MANAGED_KMS_KEY)",
        ])
        #expect(try lint(#"{"name": "n", "encryptionConfiguration": {"type": "AWS_OWNED_KEY"}}"#, packs: ["explicit-encryption.yml"]).isEmpty)
    }
}
