/// Finds the CreateActivity requests in parsed documents, by each document's kind: the document itself for a raw
/// API request, every `AWS::StepFunctions::Activity` of a CloudFormation template, every created
/// `aws_sfn_activity` of a Terraform plan. An empty document in a linted stream is reported rather than skipped
/// silently; documents of other kinds hold no requests.
enum PayloadExtractor {
    static func sites(in documents: [Node], kinds: [DocumentKind]) -> (sites: [PayloadSite], findings: [Finding]) {
        var sites: [PayloadSite] = []
        var findings: [Finding] = []
        for (index, (document, kind)) in zip(documents, kinds).enumerated() {
            if case .null = document.value, document.tag == nil {
                findings.append(Finding(
                    ruleID: "empty-file",
                    message: "document \(index + 1) of the stream is empty: it holds no CreateActivity request",
                    range: document.firstCharacterRange, documentIndex: index))
                continue
            }
            switch kind {
            case .cloudFormation: sites += CloudFormationExtractor.sites(in: document, documentIndex: index)
            case .terraformPlan: sites += TerraformPlanExtractor.sites(in: document, documentIndex: index)
            case .apiRequest, .cliSkeleton: sites.append(PayloadSite(root: document, pointer: "", documentIndex: index))
            case .notActivity, .undetermined, .unread: continue
            }
        }
        return (sites, findings)
    }
}
