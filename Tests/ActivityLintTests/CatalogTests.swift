import Foundation
import Testing
@_spi(Internals) @testable import ActivityLint

struct CatalogTests {
    let rules = RuleCatalog.builtIn.rules

    @Test func idsAreUniqueKebabCase() {
        let ids = rules.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(id) is not kebab-case")
        }
    }

    @Test func everyValidatorIsRegisteredAndEveryRegisteredValidatorIsUsed() throws {
        _ = try RuleEngine(rules: rules)
        // Policy validators are used by the rule packs shipped in Rules/packs.
        let packs = Executable.packageRoot.appendingPathComponent("Rules/packs")
        var used = Set(rules.map(\.validator))
        for pack in try FileManager.default.contentsOfDirectory(atPath: packs.path) {
            let packRules = try RulePackLoader.load(path: packs.appendingPathComponent(pack).path, taken: Set(rules.map(\.id)))
            used.formUnion(packRules.map(\.validator))
        }
        #expect(Set(ValidatorRegistry.builtIn.validators.keys).subtracting(used).isEmpty)
    }

    @Test func everyErrorNamesWhatAWSAnswersOrSaysWhyNot() {
        for rule in rules where rule.severity == .error && rule.exception == nil {
            // Reading and syntax problems stop the request before any AWS call; duplicates are undocumented; a
            // file that holds no request of the kind `--input-kind` names makes no call at all.
            #expect(
                ["invalid-encoding", "syntax-error", "nesting-too-deep", "alias-limit", "duplicate-key",
                 "tag-duplicate-key", "file-too-large", "no-request-found"].contains(rule.id),
                "\(rule.id) names no exception")
        }
    }

    @Test func unknownValidatorIsAClearError() {
        let rule = RuleDescriptor(id: "x", validator: "no-such-validator", severity: .error, exception: nil,
                                  summary: "s", documentation: "")
        #expect(throws: RuleBindingError.self) { try RuleEngine(rules: [rule]) }
    }

    @Test func generatedRuleDocsAreUpToDate() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/rules")
        let stale = "docs/rules is stale: run `swift run activity-lint generate-docs docs/rules`"
        let index = try String(contentsOf: docs.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(index == RuleDocumentation.index(for: rules), "\(stale)")
        for rule in rules {
            let page = try String(contentsOf: docs.appendingPathComponent("\(rule.id).md"), encoding: .utf8)
            #expect(page == RuleDocumentation.markdown(for: rule), "\(stale)")
        }
        let pages = try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0 != "README.md" }
        #expect(Set(pages) == Set(rules.map { "\($0.id).md" }), "\(stale)")
    }
}
