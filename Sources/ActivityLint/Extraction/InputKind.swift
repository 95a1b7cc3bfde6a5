/// What kind of document an input is. `auto` decides from the content of each document.
public enum InputKind: String, Sendable, CaseIterable {
    case auto
    /// A raw CreateActivity request: API JSON/YAML, AWS CLI input files and skeletons.
    case api
    /// A CloudFormation or SAM template, or CDK output (`cdk.out/*.template.json`).
    case cloudformation
    /// `terraform show -json` output of a plan.
    case terraformPlan = "terraform-plan"

    /// The kind of one document, from what it contains.
    static func detect(_ document: Node) -> InputKind {
        guard let members = document.members else { return .api }
        let keys = Set(members.map(\.key.text))
        if keys.contains("AWSTemplateFormatVersion") || document.memberValue("Resources")?.members != nil {
            return .cloudformation
        }
        if keys.contains("resource_changes") || (keys.contains("format_version") && keys.contains("planned_values")) {
            return .terraformPlan
        }
        return .api
    }
}
