import Foundation
import Testing
@_spi(Internals) @testable import ActivityLint

/// CloudFormation/SAM/CDK templates and Terraform plans: positions into the user's own file, and the resource's
/// logical id or address in every message.
struct InfrastructureAsCodeTests {
    let linter = Linter.builtIn()

    func diagnostics(_ file: String) throws -> [Diagnostic] {
        let path = Executable.packageRoot.appendingPathComponent(file).path
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        return linter.lint(bytes: bytes, path: file).diagnostics
    }

    func summary(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.range.start.line):\($0.range.start.column) \($0.ruleID) \($0.pointer)" }
    }

    @Test func samTemplateInYAMLWithShortFormIntrinsics() throws {
        let found = try diagnostics("Examples/iac/sam-template.yaml")
        #expect(summary(found) == [
            "14:13 unresolved-value /Resources/IntakeActivity/Properties/Name",
            "14:24 name-forbidden-character /Resources/IntakeActivity/Properties/Name",
            "17:18 tag-value-length /Resources/IntakeActivity/Properties/Tags/0/Value",
            "18:16 unresolved-value /Resources/IntakeActivity/Properties/Tags/1/Key",
            "26:19 unresolved-value /Resources/SettlementActivity/Properties/EncryptionConfiguration/KmsKeyId",
            "27:39 kms-reuse-period-range /Resources/SettlementActivity/Properties/EncryptionConfiguration/KmsDataKeyReusePeriodSeconds",
            "39:3 name-required /Resources/UnnamedActivity/Properties",
        ])
        #expect(found.map(\.subject) == [
            "IntakeActivity", "IntakeActivity", "IntakeActivity", "IntakeActivity", "SettlementActivity",
            "SettlementActivity", "UnnamedActivity",
        ])
        #expect(!found.contains { $0.message.contains("Activity: ") }, "the subject is not in the message")
        // No Properties, so no Name: the resource type requires one and CloudFormation generates none.
        let missingName = try #require(found.last)
        #expect(missingName.messageWithSubject == "UnnamedActivity: the resource has no `Properties`, and `Name` is "
            + "required (CloudFormation: Properties validation failed … required key [Name] not found; cfn-lint E3003)")
        #expect(missingName.severity == .error && missingName.exception == nil)
    }

    @Test func cdkOutputInJSON() throws {
        let found = try diagnostics("Examples/iac/cdk.out/OrdersStack.template.json")
        #expect(summary(found) == [
            "25:13 unresolved-value /Resources/KeyedActivity4B5C6D7E/Properties/Name",
            "28:18 unresolved-value /Resources/KeyedActivity4B5C6D7E/Properties/EncryptionConfiguration/KmsKeyId",
        ])
        #expect(found.allSatisfy { $0.subject == "KeyedActivity4B5C6D7E" && $0.severity == .info })
    }

    @Test func terraformPlan() throws {
        let found = try diagnostics("Examples/iac/terraform-plan.json")
        #expect(summary(found) == [
            "16:26 name-forbidden-character /resource_changes/0/change/after/name",
            "16:27 name-forbidden-character /resource_changes/0/change/after/name",
            "18:65 tag-reserved-prefix /resource_changes/0/change/after/tags_all/aws:owner",
            "20:22 encryption-kms-key-required /resource_changes/0/change/after/encryption_configuration/0/type",
            "35:18 unresolved-value /resource_changes/1/change/after/name",
        ])
        #expect(found[0].subject == "aws_sfn_activity.intake")
        #expect(found[4].messageWithSubject.hasPrefix("aws_sfn_activity.reports[0]: `name` is known only after apply"))
        // "" and 0 in a plan mean unset, so the empty kms_key_id is not also a length error, and the
        // no-op resource `legacy worker` is not linted at all.
        #expect(!found.contains { $0.ruleID == "kms-key-id-length" || $0.ruleID == "kms-reuse-period-range" })
        #expect(!found.contains { $0.message.contains("legacy") })
        let result = linter.lint(bytes: try [UInt8](Data(contentsOf: Executable.packageRoot.appendingPathComponent("Examples/iac/terraform-plan.json"))), path: "plan.json")
        #expect(result.payloadCount == 3)
    }

    @Test func plannedValuesWhenThePlanHasNoChangesList() {
        let plan = #"""
            {"format_version": "1.2", "planned_values": {"root_module": {"child_modules": [{"resources": [
              {"address": "module.a.aws_sfn_activity.x", "type": "aws_sfn_activity", "values": {"name": "a b", "tags_all": {}}}
            ]}]}}}
            """#
        let found = linter.lint(text: plan, path: "plan.json").diagnostics
        #expect(found.map(\.pointer) == ["/planned_values/root_module/child_modules/0/resources/0/values/name"])
        #expect(found.first?.subject == "module.a.aws_sfn_activity.x")
    }

    @Test func subTemplateLiteralTextIsChecked() {
        let template = """
            Resources:
              A:
                Type: AWS::StepFunctions::Activity
                Properties:
                  Name: !Sub "${Prefix}-orders/${Env}"
                  Tags:
                    - Key: !Sub "cost,${Center}"
                      Value: x
            """
        let found = linter.lint(text: template, path: "t.yaml").diagnostics.filter { $0.severity == .error }
        #expect(found.map { "\($0.range.start.line):\($0.range.start.column) \($0.ruleID)" } == [
            "5:35 name-forbidden-character", "7:26 tag-charset",
        ])
    }

    @Test func tagsGivenByAnIntrinsicFunctionAreNotMistakenForBadTags() {
        let template = """
            Resources:
              A:
                Type: AWS::StepFunctions::Activity
                Properties:
                  Name: orders
                  Tags: !If [IsProduction, [{Key: team, Value: payments}], !Ref AWS::NoValue]
            """
        let found = linter.lint(text: template, path: "t.yaml").diagnostics
        #expect(found.map(\.ruleID) == ["unresolved-value"])
        #expect(found.first?.messageWithSubject == "A: `Tags` is given by Fn::If: checks that need its value are skipped")
    }

    @Test func cloudFormationIsLenientWithScalarsAndNamesItsOwnMembers() {
        let template = """
            {"Resources": {"A": {"Type": "AWS::StepFunctions::Activity", "Properties": {
              "Name": "a", "name": "b",
              "EncryptionConfiguration": {"Type": "CUSTOMER_MANAGED_KMS_KEY", "KmsKeyId": "alias/a", "KmsDataKeyReusePeriodSeconds": "300"}}}}}
            """
        let found = linter.lint(text: template, path: "t.json").diagnostics
        #expect(found.map(\.ruleID) == ["unknown-member"])
        #expect(found.first?.messageWithSubject == "A: unknown member \"name\" in the resource's Properties; did you mean `Name`? Member names are case-sensitive")
    }

    @Test func inputKindCanBeForced() throws {
        let forced = try Executable.run(["--input-kind", "api", "Examples/iac/cdk.out/OrdersStack.template.json"])
        #expect(forced.status == 1)
        #expect(forced.stdout.contains("unknown member \"Resources\" in the request"))
        let auto = try Executable.run(["Examples/iac/cdk.out/OrdersStack.template.json"])
        #expect(auto.status == 0)
        #expect(auto.stdout.contains("2 infos in 1 file (3 payloads)"))
    }

    @Test func duplicateNamesAcrossFilesOfOneRun() throws {
        let run = try Executable.run(["Examples/iac"])
        #expect(run.stdout.contains("Examples/iac/sam-template.yaml:38:13: error: ArchiveActivity: activity \"archive-worker\" is created earlier in this run with other encryption; the later CreateActivity fails with ActivityAlreadyExists [activity-duplicate-encryption]"), "\(run.stdout)")
        #expect(run.stdout.contains("  note: Examples/iac/cdk.out/OrdersStack.template.json:17:13: first created here by \"ArchiveActivity8C1D2E3F\"\n"))
        #expect(run.stdout.contains("[activity-duplicate-tags]"))
        #expect(run.stdout.contains("      Name: archive-worker\n"), "the source line is quoted")
    }

    /// A file of the example module, linted as a run does: with the other files of its folder.
    func moduleDiagnostics(_ file: String) -> [Diagnostic] {
        let root = Executable.packageRoot.path
        var moduleLinter = linter
        moduleLinter.moduleDiscovery = InputDiscovery(root: root, isRepository: true)
        let input = InputItem(displayPath: file, source: .file(root + "/" + file))
        return moduleLinter.lint([input]).files.flatMap(\.diagnostics)
    }

    func notes(_ diagnostic: Diagnostic) -> [String] {
        diagnostic.related.map { "\($0.file):\($0.range.start.line):\($0.range.start.column) \($0.message)" }
    }

    @Test func terraformModuleInHCL() throws {
        let found = moduleDiagnostics("Examples/iac/terraform/main.tf")
        #expect(summary(found) == [
            "5:16 tag-charset /resource/aws_sfn_activity/intake/tags/owner",
            "9:10 unresolved-value /resource/aws_sfn_activity/intake/name",
            "9:16 name-forbidden-character /resource/aws_sfn_activity/intake/name",
            "10:3 tag-reserved-prefix /resource/aws_sfn_activity/intake/tags/aws:cost-center",
            "19:14 name-forbidden-character /resource/aws_sfn_activity/reports/name",
            "21:41 encryption-kms-key-required /resource/aws_sfn_activity/reports/encryption_configuration/0/type",
            "22:41 kms-reuse-period-range /resource/aws_sfn_activity/reports/encryption_configuration/0/kms_data_key_reuse_period_seconds",
            "26:1 tag-reserved-prefix /resource/aws_sfn_activity/archive/tags/aws:cost-center",
            "31:5 aws-owned-key-extra-settings /resource/aws_sfn_activity/archive/encryption_configuration/0/kms_key_id",
            "31:18 unresolved-value /resource/aws_sfn_activity/archive/encryption_configuration/0/kms_key_id",
            "36:1 tag-reserved-prefix /resource/aws_sfn_activity/per_key/tags/aws:cost-center",
            "38:14 unresolved-value /resource/aws_sfn_activity/per_key/name",
            "39:3 unresolved-value /resource/aws_sfn_activity/per_key/encryption_configuration",
        ])
        #expect(found.map(\.subject) == [
            "aws_sfn_activity.intake", "aws_sfn_activity.intake", "aws_sfn_activity.intake", "aws_sfn_activity.intake",
            "aws_sfn_activity.reports", "aws_sfn_activity.reports", "aws_sfn_activity.reports",
            "aws_sfn_activity.archive", "aws_sfn_activity.archive", "aws_sfn_activity.archive",
            "aws_sfn_activity.per_key", "aws_sfn_activity.per_key", "aws_sfn_activity.per_key",
        ])
        // A local of the same file: reported at the local, saying so, with where the resource uses it.
        #expect(found[0].message.hasSuffix("(the value comes from `local.owner`)"))
        #expect(notes(found[0]) == ["Examples/iac/terraform/main.tf:12:15 `local.owner` is used here"])
        // A default in variables.tf: reported where the resource uses it, with a note at the default and (the
        // resource has `count`) that it holds for every instance.
        #expect(found[4].message.hasSuffix("(the value comes from the default of `var.environment`)"))
        #expect(notes(found[4]) == [
            "Examples/iac/terraform/variables.tf:3:21 the default of `var.environment`",
            "Examples/iac/terraform/main.tf:17:3 with `count`, this holds for every instance of aws_sfn_activity.reports",
        ])
        // The provider's default tags from providers.tf, at the resource's `tags` (or its start without any).
        #expect(found[3].message.hasSuffix("(a default tag of the provider `aws`)"))
        #expect(notes(found[3]) == ["Examples/iac/terraform/providers.tf:4:7 a default tag of the provider `aws`"])
        #expect(found[12].message.hasPrefix("`encryption_configuration` is a `dynamic` block"))
        // The aliased provider has no default tags; `project` replaced by the resource is no duplicate; the
        // suppressed `archive#v1` is not reported; HCL strings are never edited by a fix.
        #expect(!found.contains { $0.subject == "aws_sfn_activity.reports" && $0.ruleID.hasPrefix("tag") })
        #expect(!found.contains { $0.ruleID.hasPrefix("tag-duplicate") || $0.ruleID == "unused-suppression" })
        #expect(found.allSatisfy { $0.fix == nil })
    }

    @Test func terraformJSONSyntax() throws {
        let found = moduleDiagnostics("Examples/iac/terraform/queues.tf.json")
        #expect(summary(found) == [
            "5:17 unresolved-value /resource/aws_sfn_activity/settlement/name",
            "5:28 name-forbidden-character /resource/aws_sfn_activity/settlement/name",
            "6:9 tag-reserved-prefix /resource/aws_sfn_activity/settlement/tags/aws:cost-center",
            "8:26 tag-charset /resource/aws_sfn_activity/settlement/tags/cost center",
            "12:25 kms-key-id-format /resource/aws_sfn_activity/settlement/encryption_configuration/kms_key_id",
        ])
        #expect(found.allSatisfy { $0.subject == "aws_sfn_activity.settlement" })
        #expect(notes(found[3]) == ["Examples/iac/terraform/variables.tf:8:21 the default of `var.cost_center`"])
        // Read alone, the variable is another file's: unresolved, saying so.
        let alone = try diagnostics("Examples/iac/terraform/queues.tf.json")
        #expect(alone.first { $0.pointer.hasSuffix("cost center") }?.message == "`tags.cost center` is "
            + "`var.cost_center`, declared in no `variable` block of this file (the module's other files are not "
            + "read): checks that need its value are skipped")
    }
}
