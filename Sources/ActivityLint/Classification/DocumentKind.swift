/// What one document (a file, or one document of a YAML stream) is, decided before any rule runs.
public enum DocumentKind: String, Sendable, CaseIterable {
    /// A raw CreateActivity request: API JSON/YAML, an AWS CLI `--cli-input-json`/`--cli-input-yaml` file.
    case apiRequest = "api-request"
    /// The unfilled output of `aws stepfunctions create-activity --generate-cli-skeleton`: a request whose
    /// placeholders (`""`, `0`) are still there.
    case cliSkeleton = "cli-skeleton"
    /// A CloudFormation or SAM template, or CDK output (`cdk.out/*.template.json`).
    case cloudFormation = "cloudformation-template"
    /// `terraform show -json` output of a plan.
    case terraformPlan = "terraform-plan"
    /// A Terraform or OpenTofu configuration file (`.tf`, `.tofu`, `.tf.json`) that declares an `aws_sfn_activity`.
    case terraformConfiguration = "terraform-configuration"
    /// A Serverless Framework service (`serverless.yml`) that declares activities (`stepFunctions.activities` of
    /// serverless-step-functions, or `AWS::StepFunctions::Activity` resources).
    case serverless = "serverless-service"
    /// A Pulumi YAML program (`Pulumi.yaml`) with an `aws:sfn:Activity` resource.
    case pulumi = "pulumi-program"
    /// Anything else: a package manifest, a workflow, a Kubernetes manifest, a state machine definition.
    case notActivity = "not-activity"
    /// Only for a whole file: linted, but what it holds could not be told, because it is not UTF-8 text, or a
    /// limit (size, nesting, aliases) stopped the reading. Such a file is reported, never skipped.
    case undetermined
    /// Only for a whole file: not read (missing or unreadable, a link outside the repository, the linter's own
    /// configuration or baseline).
    case unread

    /// Whether the linter reads requests from a document of this kind.
    var holdsRequests: Bool {
        switch self {
        case .apiRequest, .cliSkeleton, .cloudFormation, .terraformPlan, .terraformConfiguration, .serverless, .pulumi:
            true
        case .notActivity, .undetermined, .unread: false
        }
    }
}

/// A document's kind and, for one that is not an activity document, why.
struct DocumentVerdict: Sendable {
    var kind: DocumentKind
    /// Why the document is not an activity document (for `--show-skipped` and the JSON report).
    var reason: String?

    static func notActivity(_ reason: String) -> DocumentVerdict { DocumentVerdict(kind: .notActivity, reason: reason) }
}
