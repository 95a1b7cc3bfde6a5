import Foundation
import Testing
@_spi(Internals) @testable import ActivityLint

/// Every document is classified before any rule runs: requests (near misses included), CLI skeletons, templates
/// and plans are linted; everything else is skipped, with a reason and no diagnostics. Both ways for each kind.
struct ClassificationTests {
    static func lint(_ text: String, _ path: String, kind: InputKind = .auto) -> FileResult {
        Linter(engine: Linter.builtIn().engine, inputKind: kind).lint(text: text, path: path)
    }

    static func rules(_ result: FileResult) -> [String] { result.diagnostics.map(\.ruleID) }

    // MARK: - Activity documents are linted

    struct Linted: CustomTestStringConvertible, Sendable {
        var name: String
        var path: String
        var text: String
        var kind: DocumentKind
        /// A rule that must be reported (empty for a clean document).
        var rule: String
        var testDescription: String { name }
    }

    static let linted: [Linted] = [
        Linted(name: "API request", path: "orders.json", text: #"{"name": "orders queue"}"#,
               kind: .apiRequest, rule: "name-forbidden-character"),
        Linted(name: "CLI input YAML", path: "payments.yaml",
               text: "name: payments\ntags:\n  - key: team\n    value: payments\n", kind: .apiRequest, rule: ""),
        Linted(name: "unfilled CLI skeleton", path: "skeleton.json", text: """
            {"name": "", "tags": [{"key": "", "value": ""}], "encryptionConfiguration": \
            {"type": "CUSTOMER_MANAGED_KMS_KEY", "kmsKeyId": "", "kmsDataKeyReusePeriodSeconds": 0}}
            """, kind: .cliSkeleton, rule: "name-length"),
        Linted(name: "SAM template", path: "template.yaml", text: """
            AWSTemplateFormatVersion: 2010-09-09
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Queue:
                Type: AWS::StepFunctions::Activity
                Properties:
                  Name: orders queue
            """, kind: .cloudFormation, rule: "name-forbidden-character"),
        Linted(name: "CDK template without AWSTemplateFormatVersion", path: "cdk.out/Stack.template.json", text: """
            {"Resources": {"A": {"Type": "AWS::StepFunctions::Activity", "Properties": {"Name": "a b"}}}}
            """, kind: .cloudFormation, rule: "name-forbidden-character"),
        Linted(name: "template without activities, linted quietly", path: "bucket.yaml", text: """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: logs
                  BucketName: logs-2
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Version: 2012-10-17
            """, kind: .cloudFormation, rule: ""),
        Linted(name: "Terraform plan", path: "plan.json", text: """
            {"format_version": "1.2", "terraform_version": "1.8.5", "resource_changes": [{"address": \
            "aws_sfn_activity.a", "type": "aws_sfn_activity", "change": {"actions": ["create"], "after": \
            {"name": "a b", "tags_all": {}}}}]}
            """, kind: .terraformPlan, rule: "name-forbidden-character"),
        Linted(name: "Terraform plan without activities, linted quietly", path: "plan.json", text: """
            {"format_version": "1.2", "terraform_version": "1.8.5", "planned_values": {"root_module": {}}}
            """, kind: .terraformPlan, rule: ""),
        Linted(name: "Serverless service with activities", path: "serverless.yml",
               text: "service: orders\nprovider: {name: aws}\nstepFunctions:\n  activities: [orders intake]\n",
               kind: .serverless, rule: "name-forbidden-character"),
        Linted(name: "Serverless service with activity resources only", path: "serverless.yaml", text: """
            service: orders
            provider: {name: aws}
            resources:
              Resources:
                Intake: {Type: AWS::StepFunctions::Activity, Properties: {Name: "orders/${sls:stage}"}}
            """, kind: .serverless, rule: "name-forbidden-character"),
        Linted(name: "Serverless service in JSON, under another name", path: "serverless.prod.json",
               text: #"{"service": "orders", "provider": {"name": "aws"}, "stepFunctions": {"activities": ["a:b"]}}"#,
               kind: .serverless, rule: "name-forbidden-character"),
        Linted(name: "Pulumi YAML program", path: "Pulumi.yaml",
               text: "name: orders\nruntime: yaml\nresources:\n  intake:\n    type: aws:sfn:Activity\n    properties: {name: a b}\n",
               kind: .pulumi, rule: "name-forbidden-character"),
        Linted(name: "Pulumi Main.yaml without a project", path: "infra/Main.yaml",
               text: "resources:\n  intake: {type: \"aws:sfn:Activity\", properties: {name: ok}}\n",
               kind: .pulumi, rule: ""),
        Linted(name: "a Pulumi program with a syntax error", path: "Pulumi.yaml",
               text: "name: orders\nruntime: yaml\nresources:\n  intake:\n    properties: {name: [\n",
               kind: .pulumi, rule: "syntax-error"),
        // Near misses: each meant a request and must get errors.
        Linted(name: "Serverless `stepfunctions` and `activity`", path: "serverless.yml",
               text: "service: orders\nprovider: {name: aws}\nstepfunctions:\n  activity: [intake]\n",
               kind: .serverless, rule: "unknown-member"),
        Linted(name: "Serverless activities that are no list", path: "serverless.yml",
               text: "service: orders\nprovider: {name: aws}\nstepFunctions:\n  activities: 5\nresources: []\n",
               kind: .serverless, rule: "invalid-type"),
        Linted(name: "CloudFormation spelling in a request", path: "orders.json", text: #"{"Name": "x"}"#,
               kind: .apiRequest, rule: "unknown-member"),
        Linted(name: "`tag` for `tags`", path: "orders.json",
               text: #"{"name": "x", "tag": [{"key": "a", "value": "b"}]}"#, kind: .apiRequest, rule: "unknown-member"),
        Linted(name: "Terraform spelling of the encryption", path: "orders.json",
               text: #"{"encryption_configuration": {"type": "AWS_OWNED_KEY"}}"#, kind: .apiRequest,
               rule: "unknown-member"),
        Linted(name: "only tags", path: "orders.yaml", text: "tags:\n  - key: team\n    value: a\n",
               kind: .apiRequest, rule: "name-required"),
        Linted(name: "misspelt name beside request tags", path: "orders.json",
               text: #"{"nmae": "x", "tags": [{"key": "a", "value": "b"}], "description": "d"}"#,
               kind: .apiRequest, rule: "unknown-member"),
        Linted(name: "an encryption block beside unknown members", path: "settings.json",
               text: #"{"name": "x", "owner": "y", "encryptionConfiguration": {"type": "AWS_OWNED"}}"#,
               kind: .apiRequest, rule: "encryption-type-invalid"),
        Linted(name: "an empty object where the path names an activity", path: "create-activity.json", text: "{}",
               kind: .apiRequest, rule: "name-required"),
        Linted(name: "a name beside unknown members in a file named as an activity", path: "requests/orders-activity.json",
               text: #"{"name": "orders", "description": "intake"}"#, kind: .apiRequest, rule: "unknown-member"),
        Linted(name: "a list in a file named as an activity", path: "activities.json", text: #"["orders"]"#,
               kind: .apiRequest, rule: "payload-not-object"),
        Linted(name: "an empty file where the path names an activity", path: "create-activity.yaml", text: "",
               kind: .apiRequest, rule: "empty-file"),
        Linted(name: "a request with a syntax error", path: "orders.json",
               text: "{\n  \"name\": \"billing\",\n  \"tags\": [\n    {\"key\": \"a\", \"value\": \"b\"},\n  ]\n}\n",
               kind: .apiRequest, rule: "syntax-error"),
        Linted(name: "a request that cannot be read from its first byte", path: "settlement.json",
               text: "// settlement\n{\"name\": \"settlement\", \"encryptionConfiguration\": {\"type\": \"AWS_OWNED_KEY\"}}\n",
               kind: .apiRequest, rule: "syntax-error"),
        Linted(name: "a template with a syntax error", path: "template.yaml",
               text: "Resources:\n  A:\n    Type: [unclosed\n", kind: .cloudFormation, rule: "syntax-error"),
        Linted(name: "a request in Latin-1", path: "orders.json", text: "{\"name\": \"caf\u{E9}\"}",
               kind: .undetermined, rule: "invalid-encoding"),
        Linted(name: "a request with a NUL byte slipped in", path: "orders.json",
               text: "{\"name\": \"a b\", \"x\": \"\u{0}\"}", kind: .undetermined, rule: "invalid-encoding"),
        Linted(name: "a document nested past the limit", path: "data.json",
               text: String(repeating: "[", count: 200), kind: .undetermined, rule: "nesting-too-deep"),
    ]

    @Test(arguments: linted)
    func activityDocumentsAreLinted(_ example: Linted) throws {
        var bytes = Array(example.text.utf8)
        // Latin-1: the é as one byte, not UTF-8.
        if example.kind == .undetermined, example.rule == "invalid-encoding" {
            bytes = Array("{\"name\": \"caf".utf8) + [0xE9] + Array("\"}".utf8)
        }
        let result = Linter.builtIn().lint(bytes: bytes, path: example.path)
        #expect(result.skipped == nil, "\(result.skipped?.detail ?? "")")
        #expect(result.kind == example.kind)
        if example.rule.isEmpty {
            #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        } else {
            #expect(Self.rules(result).contains(example.rule), "\(Self.rules(result))")
        }
    }

    // MARK: - Everything else is skipped

    struct Skipped: CustomTestStringConvertible, Sendable {
        var name: String
        var path: String
        var text: String
        /// A part of the reason given.
        var reason: String
        var testDescription: String { name }
    }

    static let skipped: [Skipped] = [
        Skipped(name: "package.json", path: "package.json", text: """
            {"name": "orders-service", "version": "1.4.2", "private": true, "scripts": {"build": "tsc"}}
            """, reason: "\"name\" beside 3 members CreateActivity does not have (\"version\", \"private\", \"scripts\")"),
        Skipped(name: "a GitHub workflow", path: ".github/workflows/ci.yml", text: """
            name: Java CI with Maven
            on:
              push:
                branches: [ "main" ]
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                - uses: actions/checkout@v4
            """, reason: "\"name\" beside 2 members"),
        Skipped(name: "a Kubernetes stream", path: "k8s/worker.yaml", text: """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: worker
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: worker
            """, reason: "none of its 2 documents is an activity document"),
        Skipped(name: "an OpenAPI spec with tags", path: "openapi.yaml", text: """
            openapi: 3.0.3
            info: {title: Orders, version: 1.0.0}
            tags:
              - name: orders
                description: Everything about orders
            paths: {}
            """, reason: "\"tags\" beside 3 members"),
        Skipped(name: "a state machine definition", path: "fulfilment.asl.json", text: """
            {"Comment": "c", "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}
            """, reason: "no CreateActivity member, template or plan marker"),
        Skipped(name: "a state machine definition named after its activity", path: "statemachines/activity-state.asl.json",
                text: #"{"Comment": "c", "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#,
                reason: "no CreateActivity member, template or plan marker"),
        Skipped(name: "a Serverless service without activities", path: "sls-activities/serverless.yml",
                text: """
                service: integration-activities
                provider: {name: aws, tags: {team: orders}}
                functions:
                  intake: {handler: handler.intake, name: orders intake, tags: {team: orders}}
                stepFunctions:
                  stateMachines: {main: {definition: {StartAt: A, States: {A: {Type: Succeed}}}}}
                """, reason: "a Serverless Framework service without activities"),
        Skipped(name: "a Pulumi project of another language", path: "Pulumi.yaml",
                text: "name: orders\nruntime: nodejs\ndescription: the orders service\n",
                reason: "a Pulumi project without an `aws:sfn:Activity` resource"),
        Skipped(name: "a Pulumi stack file", path: "Pulumi.activities.yaml",
                text: "secretsprovider: passphrase\nencryptionsalt: v1:abc\nconfig:\n  orders:name: orders activity\n",
                reason: "a Pulumi stack file: configuration (`config`), no resources"),
        Skipped(name: "a Pulumi program without activities", path: "Pulumi.yaml", text: """
                name: orders
                runtime: yaml
                resources:
                  bucket: {type: "aws:s3:BucketV2", properties: {tags: {team: orders}}}
                """, reason: "a Pulumi project without"),
        Skipped(name: "a package manifest in a folder named after activities", path: "packages/activity-feed/package.json",
                text: #"{"name": "@acme/activity-feed", "version": "2.0.0", "main": "index.js"}"#,
                reason: "\"name\" beside 2 members"),
        Skipped(name: "an empty object in an activities folder", path: "activities/placeholder.json", text: "{}",
                reason: "an empty object"),
        Skipped(name: "docker compose", path: "docker-compose.yml",
                text: "name: orders\nservices:\n  db:\n    image: postgres:16\n", reason: "\"name\" beside 1 member"),
        Skipped(name: "Terraform state", path: "terraform.tfstate.json",
                text: #"{"version": 4, "terraform_version": "1.8.5", "resources": []}"#, reason: "no CreateActivity member"),
        Skipped(name: "an empty object", path: "fixtures/empty.json", text: "{}", reason: "an empty object"),
        Skipped(name: "a top-level list", path: "words.json", text: #"["a", "b"]"#, reason: "a list at the top level"),
        Skipped(name: "an empty file", path: "placeholder.yaml", text: "\n", reason: "an empty file"),
        Skipped(name: "a broken package.json", path: "package.json", text: #"{"name": "x", "version": "1", "#,
                reason: "it could not be parsed"),
        Skipped(name: "a tsconfig with comments", path: "tsconfig.json",
                text: "// base settings\n{\"compilerOptions\": {\"strict\": true}}\n", reason: "it could not be parsed"),
        Skipped(name: "a Helm template", path: "charts/worker/templates/deployment.yaml", text: """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{ include "worker.fullname" . }}
            """, reason: "no CreateActivity member"),
        Skipped(name: "CDK bookkeeping", path: "cdk.out/manifest.json",
                text: #"{"version": "36.0.0", "artifacts": {}}"#, reason: "CDK output other than a stack template"),
        Skipped(name: "binary content", path: "logo.json", text: "\u{0}\u{1}PNG\u{0}\u{0}IHDR",
                reason: "not UTF-8 text, and it could not be parsed"),
        Skipped(name: "a Kubernetes manifest in Latin-1", path: "k8s/config.yaml",
                text: "apiVersion: v1\nkind: ConfigMap\ndata:\n  greeting: caf\u{E9}\n", reason: "not UTF-8 text"),
    ]

    @Test(arguments: skipped)
    func otherDocumentsAreSkippedWithAReason(_ example: Skipped) throws {
        var bytes = Array(example.text.utf8)
        if example.reason == "not UTF-8 text" { bytes = bytes.map { $0 == 0xC3 ? 0xE9 : $0 }.filter { $0 != 0xA9 } }
        let result = Linter.builtIn().lint(bytes: bytes, path: example.path)
        let skip = try #require(result.skipped, "linted: \(Self.rules(result))")
        #expect(skip.category == .notActivity)
        #expect(skip.detail.contains(example.reason), "\(skip.detail)")
        #expect(result.kind == .notActivity)
        #expect(result.diagnostics.isEmpty)
    }

    // MARK: - What the rules read, and nothing else

    @Test func yaml11WarningsOnlyForValuesTheRulesRead() {
        let template = """
            AWSTemplateFormatVersion: 2010-09-09
            Resources:
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Version: 2012-10-17
              Queue:
                Type: AWS::StepFunctions::Activity
                Properties:
                  Name: orders
                  Tags:
                    - Key: enabled
                      Value: yes
            """
        let result = Self.lint(template, "template.yaml")
        let ambiguities = result.diagnostics.filter { $0.ruleID == "yaml-1-1-ambiguity" }
        #expect(ambiguities.map(\.pointer) == ["/Resources/Queue/Properties/Tags/0/Value"])
    }

    @Test func duplicateKeysOnlyWhereRequestsAre() {
        let template = """
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties: {BucketName: a, BucketName: b}
              Queue:
                Type: AWS::StepFunctions::Activity
                Properties: {Name: a, Name: b}
            """
        let result = Self.lint(template, "template.yaml")
        let duplicates = result.diagnostics.filter { $0.ruleID == "duplicate-key" }
        #expect(duplicates.map(\.pointer) == ["/Resources/Queue/Properties/Name"])
    }

    // MARK: - --input-kind

    @Test func forcedKindThatFindsNoRequestIsAnError() throws {
        let result = Self.lint(#"{"name": "orders"}"#, "orders.json", kind: .cloudformation)
        let finding = try #require(result.diagnostics.first)
        #expect(finding.ruleID == "no-request-found" && finding.severity == .error)
        #expect(finding.message == "--input-kind cloudformation: no `AWS::StepFunctions::Activity` resource in this "
            + "template; lint it without --input-kind to have its kind detected")
        let plan = Self.lint(#"{"format_version": "1.2", "resource_changes": []}"#, "plan.json", kind: .terraformPlan)
        #expect(Self.rules(plan) == ["no-request-found"])
    }

    @Test func forcedAPIKindLintsAnyDocumentAsARequest() {
        let result = Self.lint(#"{"name": "orders-service", "version": "1.4.2"}"#, "package.json", kind: .api)
        #expect(result.skipped == nil)
        #expect(Self.rules(result) == ["unknown-member"])
    }

    @Test func forcedKindThroughTheCommandLineFailsTheRun() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("orders.json", #"{"name": "orders"}"#)
        let run = try Executable.run(["--input-kind", "terraform-plan", path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("orders.json:1:1: error: --input-kind terraform-plan: no `aws_sfn_activity` that "
            + "this plan creates; lint it without --input-kind to have its kind detected [no-request-found]"))
    }
}
