import Foundation
import Testing
@testable import ActivityLint

/// Serverless Framework services and Pulumi YAML programs: positions into the user's own file, pointers, the
/// subject of every finding, variables and interpolations, and the files of both tools that hold no activity.
struct ServerlessAndPulumiTests {
    let linter = Linter.builtIn()

    func lint(_ file: String) throws -> FileResult {
        let bytes = try [UInt8](Data(contentsOf: Executable.packageRoot.appendingPathComponent(file)))
        return linter.lint(bytes: bytes, path: file)
    }

    func summary(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.range.start.line):\($0.range.start.column) \($0.ruleID) \($0.pointer)" }
    }

    // MARK: - Serverless Framework

    @Test func serverlessExample() throws {
        let result = try lint("Examples/iac/serverless/serverless.yml")
        #expect(result.kind == .serverless)
        #expect(result.payloadCount == 5, "four names and one resource; the map entry makes no request")
        #expect(summary(result.diagnostics) == [
            "23:7 unresolved-value /stepFunctions/activities/1",
            "23:11 name-forbidden-character /stepFunctions/activities/1",
            "24:7 unresolved-value /stepFunctions/activities/2",
            "24:31 name-cloudwatch-safe /stepFunctions/activities/2",
            "26:7 invalid-type /stepFunctions/activities/4",
            "43:15 activity-duplicate-encryption /resources/Resources/ReturnsActivity/Properties/Name",
            "46:20 unresolved-value /resources/Resources/ReturnsActivity/Properties/Tags/0/Value",
            "47:18 tag-reserved-prefix /resources/Resources/ReturnsActivity/Properties/Tags/1/Key",
            "51:21 unresolved-value /resources/Resources/ReturnsActivity/Properties/EncryptionConfiguration/KmsKeyId",
            "52:41 kms-reuse-period-range "
                + "/resources/Resources/ReturnsActivity/Properties/EncryptionConfiguration/KmsDataKeyReusePeriodSeconds",
        ])
        #expect(result.diagnostics.map(\.subject) == [
            "stepFunctions.activities[1]", "stepFunctions.activities[1]", "stepFunctions.activities[2]",
            "stepFunctions.activities[2]", "stepFunctions.activities[4]", "ReturnsActivity", "ReturnsActivity",
            "ReturnsActivity", "ReturnsActivity", "ReturnsActivity",
        ])
        #expect(!result.diagnostics.contains { $0.message.contains("stepFunctions.activities[") })
        // The plugin makes `returns-worker` without encryption; the template's own resource then fails.
        let duplicate = try #require(result.diagnostics.first { $0.ruleID == "activity-duplicate-encryption" })
        #expect(duplicate.related.map { "\($0.range.start.line):\($0.range.start.column)" } == ["25:7"])
        #expect(duplicate.related.first?.message.contains("stepFunctions.activities[3]") == true)
        let entry = try #require(result.diagnostics.first { $0.ruleID == "invalid-type" })
        #expect(entry.message.hasSuffix("found a map; the plugin would name the activity \"[object Object]\""))
    }

    @Test func serverlessVariablesLeaveTheirLiteralTextChecked() {
        let service = """
            service: orders
            provider: {name: aws}
            stepFunctions:
              activities:
                - orders ${opt:stage}
                - ${self:custom.names.${opt:stage}}-x y
                - ${opt:stage, 'a}b c'}-ok
                - $${env:X}
                - ${ssm:/orders/name}
                - ${file(./names.yml):intake}
            """
        let found = linter.lint(text: service, path: "serverless.yml").diagnostics
        // Nested and quoted variables end at their own brace; `$` before `${` is literal text (no escape).
        #expect(found.filter { $0.severity == .error }.map { "\($0.range.start.line):\($0.range.start.column)" }
            == ["5:13", "6:42", "8:7"])
        #expect(found.filter { $0.ruleID == "unresolved-value" }.map(\.message) == [
            "the activity name is a template: only its literal text is checked",
            "the activity name is a template: only its literal text is checked",
            "the activity name is a template: only its literal text is checked",
            "the activity name is a template: only its literal text is checked",
            "the activity name is computed (\"ssm:/orders/name\"): checks that need its value are skipped",
            "the activity name is computed (\"file(./names.yml):intake\"): checks that need its value are "
                + "skipped",
        ])
    }

    @Test func serverlessVariablesInResourcesAreTemplates() {
        let service = """
            service: orders
            provider: {name: aws}
            resources:
              Resources:
                Intake:
                  Type: AWS::StepFunctions::Activity
                  Properties:
                    Name: intake ${sls:stage}
                    Tags: ${self:custom.tags}
                    EncryptionConfiguration:
                      Type: CUSTOMER_MANAGED_KMS_KEY
                      KmsKeyId: !Sub "arn:aws:kms:${AWS::Region}:${AWS::AccountId}:alias/${self:custom.key}"
            """
        let found = linter.lint(text: service, path: "serverless.yml").diagnostics
        #expect(summary(found) == [
            "8:15 unresolved-value /resources/Resources/Intake/Properties/Name",
            "8:21 name-forbidden-character /resources/Resources/Intake/Properties/Name",
            "9:15 unresolved-value /resources/Resources/Intake/Properties/Tags",
            "12:21 unresolved-value /resources/Resources/Intake/Properties/EncryptionConfiguration/KmsKeyId",
        ])
        #expect(found.allSatisfy { $0.subject == "Intake" })
    }

    @Test func serverlessResourcesAsAListOfTemplates() {
        // The Framework merges a list of templates; an included file is not read.
        let service = """
            service: orders
            provider: {name: aws}
            resources:
              - ${file(resources/tables.yml)}
              - Resources:
                  Intake:
                    Type: AWS::StepFunctions::Activity
                    Properties: {Name: "intake:${sls:stage}"}
            """
        let result = linter.lint(text: service, path: "serverless.yml")
        #expect(result.kind == .serverless)
        #expect(summary(result.diagnostics.filter { $0.severity == .error }) == [
            "8:35 name-forbidden-character /resources/1/Resources/Intake/Properties/Name",
        ])
    }

    @Test func serverlessNearMissesAndBadShapesAreReportedNeverCrash() {
        func rules(_ text: String) -> [String] {
            let result = linter.lint(text: "service: s\nprovider: {name: aws}\n" + text, path: "serverless.yml")
            return result.diagnostics.map { "\($0.range.start.line):\($0.range.start.column) \($0.ruleID)" }
        }
        #expect(rules("stepfunctions:\n  activity: [a b]\n")
            == ["3:1 unknown-member", "4:3 unknown-member", "4:15 name-forbidden-character"])
        #expect(rules("stepFunctions:\n  activities: 5\n") == ["4:15 invalid-type"])
        #expect(rules("stepFunctions:\n  activities: 5\nresources: []\n") == ["4:15 invalid-type"])
        #expect(rules("stepFunctions:\n  activities: [null, [a, b], \"\", 12345, true]\n")
            == ["4:16 invalid-type", "4:22 invalid-type", "4:30 name-length"])
        #expect(rules("stepFunctions:\n  activities: ${file(./activities.yml)}\n") == ["4:15 unresolved-value"])
        #expect(rules("stepFunctions:\n  activities: []\nresources: {Resources: 5}\n").isEmpty)
    }

    @Test func serverlessServicesWithoutActivitiesAreSkipped() {
        // A service shaped like the Framework's own examples: provider settings, IAM, functions with events,
        // a state machine, and resources that are no activity.
        let service = """
            service: image-pipeline
            frameworkVersion: '3'
            useDotenv: true
            provider:
              name: aws
              runtime: python3.12
              stage: ${opt:stage, 'dev'}
              region: ${env:AWS_REGION, 'eu-west-1'}
              tags:
                team: media
              iam:
                role:
                  statements:
                    - Effect: Allow
                      Action: [s3:GetObject]
                      Resource: arn:aws:s3:::${self:custom.bucket}/*
            plugins:
              - serverless-step-functions
              - serverless-python-requirements
            custom:
              bucket: images-${sls:stage}
            functions:
              resize:
                handler: handler.resize
                name: resize ${sls:stage}
                events:
                  - s3: ${self:custom.bucket}
            stepFunctions:
              stateMachines:
                pipeline:
                  definition:
                    StartAt: Resize
                    States:
                      Resize: {Type: Task, Resource: {Fn::GetAtt: [resize, Arn]}, End: true}
            resources:
              Resources:
                Images:
                  Type: AWS::S3::Bucket
                  Properties:
                    BucketName: ${self:custom.bucket}
            """
        let result = linter.lint(text: service, path: "serverless.yml")
        #expect(result.kind == .notActivity)
        #expect(result.skipped?.detail == "a Serverless Framework service without activities (no "
            + "`stepFunctions.activities`, no `AWS::StepFunctions::Activity` in `resources`)")
        #expect(result.diagnostics.isEmpty)
    }

    // MARK: - Pulumi YAML

    @Test func pulumiExample() throws {
        let result = try lint("Examples/iac/pulumi/Pulumi.yaml")
        #expect(result.kind == .pulumi)
        #expect(result.payloadCount == 3)
        #expect(summary(result.diagnostics) == [
            "17:13 unresolved-value /resources/pick/properties/name",
            "17:17 name-forbidden-character /resources/pick/properties/name",
            "20:9 tag-reserved-prefix /resources/pick/properties/tags/aws:owner",
            "21:23 tag-charset /resources/pick/properties/tags/cost center",
            "24:19 unresolved-value /resources/pick/properties/encryptionConfiguration/kmsKeyId",
            "25:39 kms-reuse-period-range /resources/pick/properties/encryptionConfiguration/kmsDataKeyReusePeriodSeconds",
            "30:9 unresolved-value /resources/pack/properties/name",
            "33:9 unknown-member /resources/pack/properties/encryptionConfiguration/kmsKeyID",
            "34:7 name-forbidden-character /resources/ship~1v2",
        ])
        #expect(result.diagnostics.map { $0.subject ?? "" } == [
            "pick", "pick", "pick", "pick", "pick", "pick", "pack", "pack", "ship/v2",
        ])
        #expect(result.diagnostics[6].message == "`name` is given by fn::join: checks that need its value are skipped")
        #expect(result.diagnostics[7].fix != nil, "kmsKeyID is renamed to kmsKeyId")
        #expect(result.diagnostics[8].message.hasPrefix("the name Pulumi makes when `properties` has no `name` (the "
            + "logical name, `-` and 7 random hex digits) contains the special character '/'"))
    }

    @Test func pulumiStackFileBesideTheProgramIsSkipped() throws {
        let result = try lint("Examples/iac/pulumi/Pulumi.dev.yaml")
        #expect(result.kind == .notActivity)
        #expect(result.skipped?.detail == "a Pulumi stack file: configuration (`config`), no resources")
    }

    @Test func pulumiAutoNameMustFitTheNameRules() {
        let long = String(repeating: "a", count: 73)
        let program = """
            name: p
            runtime: yaml
            resources:
              \(long):
                type: aws:sfn:Activity
              fits-\(String(repeating: "b", count: 67)):
                type: aws:sfn:Activity
              named:
                type: aws:sfn:Activity
                properties: {name: ok}
              misspelt:
                type: aws:sfn:Activity
                properties: {Name: ok}
            """
        let found = linter.lint(text: program, path: "Pulumi.yaml").diagnostics
        // 73 + 8 = 81 characters; 72 + 8 = 80 fits. A misspelt `name` is reported as such, not as an auto-name.
        #expect(summary(found) == [
            "4:3 name-length /resources/\(long)", "13:18 unknown-member /resources/misspelt/properties/Name",
        ])
        #expect(found[0].message == "the name Pulumi makes when `properties` has no `name` (the logical name, `-` "
            + "and 7 random hex digits) is 81 characters long, over the maximum of 80; set `name`, or shorten the "
            + "logical name to 72 characters")
    }

    @Test func pulumiLogicalNamesFullTokensAndReadResources() {
        // The registry's own example, with the resource's `name` as its logical name; the full type token; and
        // `get`, which reads an existing activity rather than creating one.
        let program = """
            resources:
              kmsKeyForSfn:
                type: aws:kms:Key
              sfnActivity:
                type: aws:sfn:Activity
                name: sfn_activity
                properties:
                  name: my-activity
                  encryptionConfiguration:
                    kmsKeyId: ${kmsKeyForSfn.arn}
                    type: CUSTOMER_MANAGED_KMS_KEY
                    kmsDataKeyReusePeriodSeconds: 900
              legacy:
                type: aws:sfn/activity:Activity
                name: legacy activity
              existing:
                type: aws:sfn:Activity
                get: {id: "arn:aws:states:eu-west-1:123456789098:activity:bar baz"}
            """
        let result = linter.lint(text: program, path: "Main.yaml")
        #expect(result.payloadCount == 2)
        #expect(summary(result.diagnostics) == [
            "10:19 unresolved-value /resources/sfnActivity/properties/encryptionConfiguration/kmsKeyId",
            "15:17 name-forbidden-character /resources/legacy/name",
        ])
        #expect(result.diagnostics.map(\.subject) == ["sfnActivity", "legacy"])
    }

    @Test func pulumiInterpolationsFunctionsAndProperties() {
        let program = """
            name: p
            runtime: yaml
            resources:
              a:
                type: aws:sfn:Activity
                properties:
                  name: $${literal}-${stage}
                  region: us-east-1
                  tags:
                    team: ${team}
                    secret: {fn::secret: x}
                    owner: {a: b}
                  encryptionConfiguration: ${encryption}
            """
        let found = linter.lint(text: program, path: "Pulumi.yaml").diagnostics
        // `$${` is a literal `${`, whose `$`, `{` and `}` are forbidden; `region` belongs to the provider.
        #expect(summary(found) == [
            "7:13 unresolved-value /resources/a/properties/name",
            "7:14 name-forbidden-character /resources/a/properties/name",
            "7:15 name-forbidden-character /resources/a/properties/name",
            "7:23 name-forbidden-character /resources/a/properties/name",
            "10:15 unresolved-value /resources/a/properties/tags/team",
            "11:17 unresolved-value /resources/a/properties/tags/secret",
            "12:16 invalid-type /resources/a/properties/tags/owner",
            "13:32 unresolved-value /resources/a/properties/encryptionConfiguration",
        ])
    }

    @Test func pulumiFilesWithoutActivitiesAreSkipped() {
        // The Pulumi YAML getting-started program: a bucket and an output.
        let program = """
            name: quickstart
            runtime: yaml
            description: A minimal AWS Pulumi YAML program
            resources:
              my-bucket:
                type: aws:s3:BucketV2
                properties:
                  tags: {Name: my-bucket}
            outputs:
              bucketName: ${my-bucket.id}
            """
        let result = linter.lint(text: program, path: "Pulumi.yaml")
        #expect(result.skipped?.detail == "a Pulumi project without an `aws:sfn:Activity` resource")
        let stack = linter.lint(text: "config:\n  aws:region: us-west-2\n  quickstart:name: an activity\n",
                                path: "Pulumi.activities.yaml")
        #expect(stack.kind == .notActivity && stack.diagnostics.isEmpty)
    }

    // MARK: - The command line

    @Test func inputKindsAndReportKinds() throws {
        let forced = try Executable.run(["--input-kind", "serverless", "Examples/iac/pulumi/Pulumi.yaml"])
        #expect(forced.status == 1)
        #expect(forced.stdout.contains("--input-kind serverless: no `stepFunctions.activities` entry or "
            + "`AWS::StepFunctions::Activity` resource in this service"), "\(forced.stdout)")
        let json = try Executable.run(["--format", "json", "Examples/iac/serverless", "Examples/iac/pulumi"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let files = try #require(report["files"] as? [[String: Any]])
        // Files come out in the order of the arguments, each folder in name order.
        #expect(files.map { "\($0["path"]!) \($0["kind"]!)" } == [
            "Examples/iac/serverless/serverless.yml serverless-service",
            "Examples/iac/pulumi/Pulumi.dev.yaml not-activity", "Examples/iac/pulumi/Pulumi.yaml pulumi-program",
        ])
    }
}
