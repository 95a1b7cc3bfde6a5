import Foundation
import Testing

/// SARIF viewers link each rule to its `helpUri`: built-in rules to their page, pack rules to the page their pack
/// gives, and never to a page that does not exist.
struct RulePackHelpURITests {
    @Test func packRulesLinkOnlyToThePageTheirPackGives() throws {
        let repo = try TemporaryDirectory()
        try repo.write("team.yml", """
            rules:
              - id: team-tag
                validator: required-tag
                severity: error
                summary: Every activity has a team tag.
                options: {key: team}
              - id: owner-tag
                validator: required-tag
                severity: error
                summary: Every activity has an owner tag.
                help-uri: https://wiki.example.com/tagging#owner
                options: {key: owner}
            """)
        try repo.write("request.json", #"{"name": "orders"}"#)
        let run = try Executable.run(["--no-config", "--rules", "team.yml", "--format", "sarif", "request.json"],
                                     workingDirectory: repo.url)
        #expect(run.status == 1, "\(run.stderr)")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let runs = try #require(log["runs"] as? [[String: Any]])
        let driver = try #require((runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        func rule(_ id: String) -> [String: Any]? { rules.first { $0["id"] as? String == id } }
        #expect(try #require(rule("team-tag"))["helpUri"] == nil)
        #expect(rule("owner-tag")?["helpUri"] as? String == "https://wiki.example.com/tagging#owner")
        #expect(rule("name-length")?["helpUri"] as? String
            == "https://github.com/activity-lint/activity-lint/blob/main/docs/rules/name-length.md")
    }
}
