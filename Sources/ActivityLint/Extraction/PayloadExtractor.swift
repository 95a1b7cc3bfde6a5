/// Finds the CreateActivity requests in parsed documents: the document itself for a raw API request, every
/// `AWS::StepFunctions::Activity` of a CloudFormation template, every created `aws_sfn_activity` of a Terraform
/// plan. An empty document in a stream is reported rather than skipped silently.
enum PayloadExtractor {
    static func sites(in documents: [Node], kind: InputKind = .auto) -> (sites: [PayloadSite], findings: [Finding]) {
        var sites: [PayloadSite] = []
        var findings: [Finding] = []
        for (index, document) in documents.enumerated() {
            if case .null = document.value, document.tag == nil {
                findings.append(Finding(
                    ruleID: "empty-file",
                    message: "document \(index + 1) of the stream is empty: it holds no CreateActivity request",
                    range: document.firstCharacterRange, documentIndex: index))
                continue
            }
            switch kind == .auto ? InputKind.detect(document) : kind {
            case .cloudformation: sites += CloudFormationExtractor.sites(in: document, documentIndex: index)
            case .terraformPlan: sites += TerraformPlanExtractor.sites(in: document, documentIndex: index)
            case .api, .auto: sites.append(PayloadSite(root: document, pointer: "", documentIndex: index))
            }
        }
        return (sites, findings)
    }
}
