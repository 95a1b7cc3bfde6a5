import Foundation
import Testing
@_spi(Internals) @testable import ActivityLint

/// `.tf`, `.tofu` and `.tf.json` files: which are read, what their `aws_sfn_activity` blocks send (default tags
/// merged, variables and locals looked up), and suppression comments in HCL.
struct TerraformConfigurationTests {
    let linter = Linter.builtIn()

    func lint(_ text: String, path: String = "main.tf") -> FileResult {
        linter.lint(text: text, path: path)
    }

    func rules(_ text: String, path: String = "main.tf") -> [String] {
        lint(text, path: path).diagnostics.map { "\($0.range.start.line):\($0.range.start.column) \($0.ruleID)" }
    }

    @Test func aFolderRunReadsTerraformFilesAsTerraformLoadsThem() throws {
        let folder = try TemporaryDirectory()
        for name in ["main.tf", "b.tofu", "c.tf.json", "d.tofu.json", "e.TF", "terraform.tfvars", "f.tf.bak"] {
            try folder.write("m/" + name, "")
        }
        let found = InputDiscovery(root: folder.path, isRepository: false).discover([folder.path + "/m"])
        #expect(found.map { PathText.lastComponent($0.displayPath) }.sorted()
            == ["b.tofu", "c.tf.json", "d.tofu.json", "main.tf"])
    }

    @Test func aConfigurationWithoutActivitiesIsSkippedQuietly() {
        let result = lint(#"resource "aws_s3_bucket" "b" { bucket = "a b" }"#)
        #expect(result.skipped != nil && result.kind == .notActivity && result.diagnostics.isEmpty)
    }

    /// A syntax error is reported only where the file declares an activity (before the error, or anywhere in
    /// its text); otherwise the file is skipped as JSON and YAML files whose start is no activity document are.
    @Test func syntaxErrorsAreReportedOnlyInFilesThatDeclareActivities() {
        let unrelated = lint("resource \"aws_s3_bucket\" \"b\" {\n  bucket = \n")
        #expect(unrelated.skipped?.detail.contains("syntax error at line 2") == true)

        let before = lint("resource \"aws_sfn_activity\" \"a\" { name = \"a b\" }\nresource \"x\" {\n")
        #expect(before.kind == .terraformConfiguration)
        #expect(before.diagnostics.map(\.ruleID) == ["name-forbidden-character", "syntax-error"])

        let after = lint("locals { a = }\nresource \"aws_sfn_activity\" \"a\" { name = \"a\" }\n")
        #expect(after.kind == .terraformConfiguration && after.diagnostics.map(\.ruleID) == ["syntax-error"])
    }

    @Test func aResourceWithoutNameIsReported() {
        let found = lint("resource \"aws_sfn_activity\" \"a\" {\n  tags = {}\n}\n").diagnostics
        #expect(found.map(\.messageWithSubject) == ["aws_sfn_activity.a: missing required argument `name` (Terraform: "
            + "The argument \"name\" is required, but no definition was found)"])
    }

    /// The provider sends `tags_all`: the quota counts default tags, and a resource tag replaces its default.
    @Test func defaultTagsCountTowardsTheQuota() {
        func configuration(defaults: Int, own: Int, overriding: Int) -> String {
            let defaultTags = (0..<defaults).map { "      d\($0) = \"v\"" }.joined(separator: "\n")
            let ownTags = (0..<own).map { "    r\($0) = \"v\"" } + (0..<overriding).map { "    d\($0) = \"w\"" }
            return "provider \"aws\" {\n  default_tags {\n    tags = {\n\(defaultTags)\n    }\n  }\n}\n"
                + "resource \"aws_sfn_activity\" \"a\" {\n  name = \"a\"\n  tags = {\n"
                + ownTags.joined(separator: "\n") + "\n  }\n}\n"
        }
        #expect(rules(configuration(defaults: 40, own: 11, overriding: 0)).map { $0.split(separator: " ")[1] }
            == ["tags-too-many"])
        #expect(rules(configuration(defaults: 40, own: 10, overriding: 5)) == [])
    }

    @Test func anAliasedProviderUsesItsOwnDefaultTags() {
        let text = """
            provider "aws" {
              default_tags { tags = { "aws:a" = "1" } }
            }
            provider "aws" {
              alias = "west"
              default_tags { tags = { "bad#key" = "1" } }
            }
            resource "aws_sfn_activity" "a" {
              provider = aws.west
              name     = "a"
            }
            """
        #expect(rules(text) == ["6:31 tag-charset"])
    }

    @Test func onlyLiteralVariableDefaultsAndLocalsAreLookedUp() {
        let text = """
            variable "none" {}
            locals { computed = upper("a b") }
            resource "aws_sfn_activity" "a" { name = var.none }
            resource "aws_sfn_activity" "b" { name = local.computed }
            resource "aws_sfn_activity" "c" { name = "${var.none}-x y" }
            """
        let found = lint(text).diagnostics
        #expect(found.map { "\($0.range.start.line):\($0.range.start.column) \($0.ruleID)" } == [
            "3:42 unresolved-value", "4:42 unresolved-value", "5:42 unresolved-value", "5:56 name-forbidden-character",
        ])
        #expect(found[0].message == "`name` is `var.none`, whose variable has no `default`: its value comes at plan "
            + "time, and checks that need it are skipped")
        #expect(found[1].message.hasPrefix("`name` is `local.computed`, whose value is not a literal"))
    }

    @Test func suppressionCommentsAreHCLComments() {
        let text = """
            resource "aws_sfn_activity" "a" {
              # activity-lint: disable-next-line name-forbidden-character
              name = "a b"
            }
            resource "aws_sfn_activity" "b" {
              name = "c d" // activity-lint: disable-line name-forbidden-character
            }
            resource "aws_sfn_activity" "c" {
              name = "e f # activity-lint: disable-line name-forbidden-character"
            }
            """
        // A `#` inside a string is text: the third name is reported for its spaces and `#`, and is no directive.
        #expect(lint(text).diagnostics.allSatisfy { $0.range.start.line == 9 && $0.ruleID == "name-forbidden-character" })
        #expect(lint(text).diagnostics.count == 7, "5 spaces, the `#` and the `:`")
    }

    @Test func templatesInHCLAndJSONAreCheckedByTheirLiteralText() {
        // `$${` is a literal `${`: the name is `a${b}`, three forbidden characters.
        #expect(rules(#"resource "aws_sfn_activity" "a" { name = "a$${b}" }"#) == [
            "1:44 name-forbidden-character", "1:46 name-forbidden-character", "1:48 name-forbidden-character",
            "1:42 unresolved-value",
        ].sorted())
        let json = #"{"resource": {"aws_sfn_activity": {"a": {"name": "x ${var.env}"}}}}"#
        #expect(rules(json, path: "main.tf.json") == ["1:50 unresolved-value", "1:52 name-forbidden-character"])
    }

    /// The provider accepts an empty name and an empty `type` (dropped), and AWS refuses both at apply; an empty
    /// `kms_key_id` is dropped, so it is no length error.
    @Test func whatTheProviderAcceptsAndAWSRefusesIsReported() {
        let text = "resource \"aws_sfn_activity\" \"a\" {\n  name = \"\"\n  encryption_configuration {\n"
            + "    type = \"\"\n    kms_key_id = \"\"\n  }\n}\n"
        #expect(rules(text) == ["2:10 name-length", "3:3 encryption-type-required"])
    }
}
