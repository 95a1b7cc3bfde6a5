/// Finds the CreateActivity requests in parsed documents through the registered sources, by each document's
/// kind. An empty document in a linted stream is reported, whatever its kind, rather than skipped silently;
/// documents of other kinds hold no requests.
enum PayloadExtractor {
    /// Every source, in the order the classifier tries their markers (a raw request has none: it is recognised by
    /// its members once no format's markers match).
    static let sources: [any RequestSource.Type] = [
        CloudFormationExtractor.self, TerraformPlanExtractor.self, TerraformConfigurationExtractor.self,
        ServerlessExtractor.self, PulumiExtractor.self, APIRequestExtractor.self,
    ]

    /// The source that reads documents of `kind`, nil for kinds that hold no requests.
    static func source(for kind: DocumentKind) -> (any RequestSource.Type)? {
        sources.first { $0.documentKinds.contains(kind) }
    }

    /// The source `--input-kind` forces, nil for `auto`.
    static func source(forcedBy kind: InputKind) -> (any RequestSource.Type)? {
        sources.first { $0.inputKind == kind }
    }

    /// `module`: where the file's Terraform module is, for a `.tf` file on disk (nil: the file is read alone).
    static func sites(
        in documents: [Node], kinds: [DocumentKind], module: TerraformModuleContext? = nil
    ) -> (sites: [PayloadSite], findings: [Finding]) {
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
            guard let source = source(for: kind) else { continue }
            sites += source.sites(in: document, documentIndex: index, module: module)
            findings += source.findings(in: document, documentIndex: index)
        }
        return (sites, findings)
    }
}
