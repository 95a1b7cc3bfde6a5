/// Finds the CreateActivity requests in parsed documents: the document itself for a raw API request, every
/// `AWS::StepFunctions::Activity` of a CloudFormation template, every created `aws_sfn_activity` of a Terraform
/// plan. An empty document in a stream is reported rather than skipped silently.
public enum PayloadExtractor {
    public static func payloads(in documents: [Node], kind: InputKind = .auto) -> (payloads: [Payload], findings: [Finding]) {
        var payloads: [Payload] = []
        var findings: [Finding] = []
        for (index, document) in documents.enumerated() {
            if case .null = document.value, document.tag == nil {
                findings.append(Finding(
                    ruleID: "empty-file",
                    message: "document \(index + 1) of the stream is empty: it holds no CreateActivity request",
                    range: document.firstCharacterRange, documentIndex: index))
                continue
            }
            let found: [Payload]
            switch kind == .auto ? InputKind.detect(document) : kind {
            case .cloudformation: found = CloudFormationExtractor.payloads(in: document, documentIndex: index)
            case .terraformPlan: found = TerraformPlanExtractor.payloads(in: document, documentIndex: index)
            case .api, .auto: found = [Payload(root: document, pointer: "", documentIndex: index)]
            }
            payloads += found
            findings += found.flatMap(UnresolvedValues.findings)
        }
        return (payloads, findings)
    }
}
