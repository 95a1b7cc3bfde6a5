/// Finds the CreateActivity requests in parsed documents. A raw API or AWS CLI input file is one request per
/// document; an empty document in a stream is reported rather than skipped silently.
public enum PayloadExtractor {
    public static func payloads(in documents: [Node]) -> (payloads: [Payload], findings: [Finding]) {
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
            payloads.append(Payload(root: document, pointer: "", documentIndex: index))
        }
        return (payloads, findings)
    }
}
