import Foundation
import Testing
@_spi(Internals) @testable import ActivityLint

/// A module is a folder: a resource's variables, locals and provider default tags may be declared in any of its
/// files, and a finding about such a value is reported where the resource uses it, with a note at the value.
extension TerraformConfigurationTests {
    static let moduleFiles: [String: String] = [
        "main.tf": """
            resource "aws_sfn_activity" "orders" {
              name = var.environment
              tags = local.tags
            }

            resource "aws_sfn_activity" "west" {
              provider = aws.west
              name     = "west"
            }
            """,
        "variables.tf": """
            variable "environment" {
              type    = string
              default = "staging eu"
            }
            """,
        "locals.tf": """
            locals {
              tags = {
                "aws:team" = "payments"
              }
            }
            """,
        "providers.tf": """
            provider "aws" {
              alias = "west"
              default_tags {
                tags = { "cost#center" = "1234" }
              }
            }
            """,
    ]

    /// The folder's files written under `m/`, with `extra` added or replacing some.
    func module(_ extra: [String: String] = [:]) throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        for (name, text) in Self.moduleFiles.merging(extra, uniquingKeysWith: { $1 }) {
            try folder.write("m/" + name, text)
        }
        return folder
    }

    /// Lints `arguments` (relative to the folder) as a run in a repository rooted at the folder does.
    func lintRun(_ folder: TemporaryDirectory, _ arguments: [String] = ["m"]) -> [Diagnostic] {
        let discovery = InputDiscovery(root: folder.path, isRepository: true)
        var linter = Linter.builtIn()
        linter.moduleDiscovery = discovery
        return linter.lint(discovery.discover(arguments.map { folder.path + "/" + $0 })).files.flatMap(\.diagnostics)
    }

    func described(_ diagnostic: Diagnostic) -> String {
        let notes = diagnostic.related.map { "\($0.file):\($0.range.start.line):\($0.range.start.column) \($0.message)" }
        return (["\(diagnostic.file):\(diagnostic.range.start.line):\(diagnostic.range.start.column) "
            + "\(diagnostic.subject ?? "-") \(diagnostic.ruleID)"] + notes).joined(separator: " | ")
    }

    @Test func variablesLocalsAndDefaultTagsComeFromAnyFileOfTheModule() throws {
        let folder = try module()
        let found = lintRun(folder)
        #expect(found.map(described) == [
            "m/main.tf:2:10 aws_sfn_activity.orders name-forbidden-character | m/variables.tf:3:21 the default of `var.environment`",
            "m/main.tf:3:10 aws_sfn_activity.orders tag-reserved-prefix | m/locals.tf:3:5 the value of `local.tags`",
            "m/main.tf:7:3 aws_sfn_activity.west tag-charset | m/providers.tf:4:19 a default tag of the provider `aws.west`",
        ])
        #expect(found[0].message.hasSuffix("(the value comes from the default of `var.environment`)"))
        #expect(found.allSatisfy { $0.fix == nil }, "a fix would edit another file")
    }

    /// However many of its files a run lints, a module folder is read once: what the first read found stands for
    /// the rest of the run. Files declaring nothing a request refers to (`main.tf` here) are not kept.
    @Test func aModuleFolderIsReadOncePerRun() throws {
        let folder = try module()
        let cache = TerraformModuleCache(discovery: InputDiscovery(root: folder.path, isRepository: true), limits: .default)
        let first = cache.module(ofFile: folder.path + "/m/main.tf", displayPath: "m/main.tf")
        try FileManager.default.removeItem(atPath: folder.path + "/m/variables.tf")
        let again = cache.module(ofFile: folder.path + "/m/other.tf", displayPath: "m/other.tf")
        #expect(first.files.map(\.display) == ["m/locals.tf", "m/providers.tf", "m/variables.tf"])
        #expect(again.files.map(\.display) == first.files.map(\.display))
    }

    /// Pre-commit and editors name one file: its folder's other files still make its module.
    @Test func aFileNamedAloneStillHasItsModule() throws {
        let folder = try module()
        #expect(lintRun(folder, ["m/main.tf"]).map(\.ruleID)
            == ["name-forbidden-character", "tag-reserved-prefix", "tag-charset"])
    }

    /// Subfolders are other modules, and text linted on its own has no folder: neither lends declarations.
    @Test func onlyTheFolderItselfIsTheModule() throws {
        let folder = try TemporaryDirectory()
        try folder.write("m/main.tf", Self.moduleFiles["main.tf"]!)
        try folder.write("m/child/variables.tf", Self.moduleFiles["variables.tf"]!)
        let found = lintRun(folder)
        #expect(found.first?.message == "`name` is `var.environment`, declared in no `variable` block of this module "
            + "(the Terraform files of its folder): checks that need its value are skipped")
        let alone = lint(Self.moduleFiles["main.tf"]!).diagnostics
        #expect(alone.first?.message.contains("of this file (the module's other files are not read)") == true)
    }

    /// A finding about another file's value is where the resource uses it, and is suppressed there.
    @Test func aSuppressionCommentWorksWhereTheValueIsUsed() throws {
        let main = Self.moduleFiles["main.tf"]!.replacingOccurrences(
            of: "  name = var.environment", with: "  # activity-lint: disable-next-line name-forbidden-character\n  name = var.environment")
        let folder = try module(["main.tf": main])
        #expect(lintRun(folder).map(\.ruleID) == ["tag-reserved-prefix", "tag-charset"])
    }

    @Test func aNameDeclaredInTwoFilesIsNotGuessed() throws {
        let folder = try module(["more.tf": "variable \"environment\" { default = \"prod\" }\n"])
        let name = try #require(lintRun(folder).first)
        #expect(described(name) == "m/main.tf:2:10 aws_sfn_activity.orders unresolved-value")
        #expect(name.message == "`name` is `var.environment`, declared in both m/more.tf and m/variables.tf: "
            + "Terraform refuses a repeated declaration, and checks that need its value are skipped")
    }

    /// Override files replace what they set; OpenTofu reads `x.tofu` instead of `x.tf`.
    @Test func overrideAndTofuFilesReplaceWhatTheySet() throws {
        let folder = try module([
            "variables_override.tf": "variable \"environment\" { default = \"prod#1\" }\n",
            "locals.tofu": "locals {\n  tags = { team = \"payments\" }\n}\n",
        ])
        #expect(lintRun(folder).map(described) == [
            "m/main.tf:2:10 aws_sfn_activity.orders name-forbidden-character | m/variables_override.tf:1:41 the default of `var.environment`",
            "m/main.tf:7:3 aws_sfn_activity.west tag-charset | m/providers.tf:4:19 a default tag of the provider `aws.west`",
        ])
    }

    /// An override file's `aws_sfn_activity` block changes the resource of its name, as Terraform merges it, and is
    /// no request of its own.
    @Test func anOverrideFileChangesTheResourceOfItsName() throws {
        let folder = try module(["main_override.tf": """
            resource "aws_sfn_activity" "orders" {
              count = 2
              name  = "orders"
              encryption_configuration {
                type = "CUSTOMER_MANAGED_KMS_KEY"
              }
            }
            """])
        let found = lintRun(folder).filter { $0.subject == "aws_sfn_activity.orders" }
        let everyInstance = "m/main_override.tf:2:3 with `count`, this holds for every instance of aws_sfn_activity.orders"
        #expect(found.map(described) == [
            "m/main.tf:1:1 aws_sfn_activity.orders encryption-kms-key-required | m/main_override.tf:5:12 set by this "
                + "override | \(everyInstance)",
            "m/main.tf:3:10 aws_sfn_activity.orders tag-reserved-prefix | m/locals.tf:3:5 the value of `local.tags` | "
                + everyInstance,
        ])
        #expect(found[0].message.hasSuffix("(the value comes from an override file)"))
    }

    /// A sibling that does not parse, or that a link leads out of the repository to, contributes nothing.
    @Test func unreadableSiblingsContributeNothing() throws {
        let outside = try TemporaryDirectory()
        let target = try outside.write("variables.tf", Self.moduleFiles["variables.tf"]!)
        let folder = try module(["locals.tf": "locals {\n  tags = {\n"])
        try FileManager.default.removeItem(atPath: folder.path + "/m/variables.tf")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/m/variables.tf", withDestinationPath: target)
        let found = lintRun(folder, ["m/main.tf"])
        #expect(found.map(\.ruleID) == ["unresolved-value", "unresolved-value", "tag-charset"])
        #expect(found[0].message.contains("declared in no `variable` block of this module"))
        #expect(found[1].message.contains("defined in no `locals` block of this module"))
    }

    /// A duplicate's note points at the first request where its file uses the name, not into another file.
    @Test func aDuplicateNameFromAVariableIsReportedWhereItIsUsed() throws {
        let folder = try module(["other.tf": "resource \"aws_sfn_activity\" \"copy\" { name = var.environment }\n"])
        let duplicate = try #require(lintRun(folder).first { $0.ruleID.hasPrefix("activity-duplicate") })
        #expect(described(duplicate) == "m/other.tf:1:45 aws_sfn_activity.copy \(duplicate.ruleID) | "
            + "m/main.tf:2:10 first created here by \"aws_sfn_activity.orders\"")
    }

    /// The editor's text counts for the open document, the disk for the rest of its module.
    @Test func theLanguageServerUsesTheEditorsTextAndTheDiskForSiblings() throws {
        let folder = try module()
        var linting = DocumentLinting()
        let text = "resource \"aws_sfn_activity\" \"typed\" {\n  name = var.environment\n}\n"
        let found = linting.check(path: folder.path + "/m/main.tf", bytes: Array(text.utf8), syntax: nil).file.result.diagnostics
        #expect(found.map(described) == [
            "\(folder.path)/m/main.tf:2:10 aws_sfn_activity.typed name-forbidden-character | "
                + "\(folder.path)/m/variables.tf:3:21 the default of `var.environment`",
        ])
    }

    /// `dynamic` blocks are made at plan time: their settings are not checked, and that is said where they are.
    @Test func aDynamicEncryptionBlockIsUnresolved() {
        let text = """
            resource "aws_sfn_activity" "a" {
              name = "a"
              dynamic "encryption_configuration" {
                for_each = var.keys
                content {
                  type = "NOT_A_TYPE"
                }
              }
            }
            """
        let found = lint(text).diagnostics
        #expect(found.map { "\($0.range.start.line):\($0.range.start.column) \($0.ruleID)" } == ["3:3 unresolved-value"])
        #expect(found[0].message == "`encryption_configuration` is a `dynamic` block: Terraform makes its blocks from "
            + "`for_each` at plan time, and checks that need its settings are skipped")
        let json = #"{"resource": {"aws_sfn_activity": {"a": {"name": "a", "dynamic": {"encryption_configuration": {"#
            + #""for_each": "${var.keys}", "content": {"type": "NOT_A_TYPE"}}}}}}}"#
        #expect(rules(json, path: "main.tf.json") == ["1:55 unresolved-value"])
    }

    @Test func aFindingOfAResourceWithForEachHoldsForEveryInstance() throws {
        let text = "resource \"aws_sfn_activity\" \"a\" {\n  for_each = toset([\"x\"])\n  name = \"a b\"\n}\n"
        let found = try #require(lint(text).diagnostics.first)
        #expect(found.related.map { "\($0.range.start.line):\($0.range.start.column) \($0.message)" }
            == ["2:3 with `for_each`, this holds for every instance of aws_sfn_activity.a"])
    }

    /// The module through the binary, as a user runs it.
    @Test func aModuleOfSeveralFilesThroughTheBinary() throws {
        let folder = try module()
        try folder.write(".git/HEAD", "ref: refs/heads/main\n")
        let run = try Executable.run(["m"], workingDirectory: folder.url)
        #expect(run.status == 1)
        #expect(run.stdout.contains("""
            m/main.tf:7:3: error: aws_sfn_activity.west: tag key contains '#' (U+0023 NUMBER SIGN); tags may contain only \
            letters, digits, white space and _ . : / = + - @ (a default tag of the provider `aws.west`) [tag-charset]
              provider = aws.west
              ^~~~~~~~~~~~~~~~~~~
              note: m/providers.tf:4:19: a default tag of the provider `aws.west`
            """), "\(run.stdout)")
        #expect(run.stdout.contains("3 errors in 1 file (2 payloads); 3 skipped"), "\(run.stdout)")
    }
}
