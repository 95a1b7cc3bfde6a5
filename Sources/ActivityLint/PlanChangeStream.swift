/// A Terraform plan's `resource_changes`, checked one change at a time while the JSON parser reads the plan, so a
/// plan of thousands of activities holds one change's tree at a time rather than the whole plan's (a 44 MB plan
/// with 20,000 activities peaked at 385 MiB with its tree whole). Each change goes through the same steps the
/// whole plan would (`TerraformPlanExtractor.site(ofChange:)`, then `Linter.check(_:path:source:)`); what is found
/// counts only if the parsed document is a plan (`Linter` parses it again, keeping every element, if it is not).
final class PlanChangeStream: JSONElementHandoff {
    /// The top-level `resource_changes`, one element at a time.
    let handedOverKey = TerraformPlanExtractor.changesKey
    private let linter: Linter
    private let path: String
    private let source: SourceText
    /// The requests of the changes handed over so far.
    private(set) var requests = CheckedRequests()
    /// Their sites without their trees: where they are, for the scope of the parser's findings.
    private(set) var sites: [PayloadSite] = []
    /// Whether the parser handed any change over: the parsed tree then holds `null` in its place.
    private(set) var tookChanges = false

    init(linter: Linter, path: String, source: SourceText) {
        self.linter = linter
        self.path = path
        self.source = source
    }

    /// A repeated `resource_changes`: the last one is the plan's (as `memberValue` reads it).
    func beginHandoff() {
        requests = CheckedRequests()
        sites = []
    }

    func take(_ change: Node, index: Int) {
        tookChanges = true
        guard let site = TerraformPlanExtractor.site(ofChange: change, index: index, documentIndex: 0) else { return }
        sites.append(site.withoutTree())
        requests.check(site, linter: linter, path: path, source: source)
    }
}
