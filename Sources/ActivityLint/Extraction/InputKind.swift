/// What `--input-kind` says the inputs are. `auto` lets the classifier decide for each document (`DocumentKind`).
public enum InputKind: String, Sendable, CaseIterable {
    case auto
    /// A raw CreateActivity request: API JSON/YAML, AWS CLI input files and skeletons.
    case api
    /// A CloudFormation or SAM template, or CDK output (`cdk.out/*.template.json`).
    case cloudformation
    /// `terraform show -json` output of a plan.
    case terraformPlan = "terraform-plan"
    /// Terraform or OpenTofu configuration files: `.tf`, `.tofu` (HCL) and `.tf.json`.
    case terraformConfiguration = "terraform-configuration"
    /// Serverless Framework services (`serverless.yml`) with serverless-step-functions activities.
    case serverless
    /// Pulumi YAML programs (`Pulumi.yaml`).
    case pulumi
}
