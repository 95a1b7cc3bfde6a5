/// The requests of one file checked so far, in order: what their rules found and the activities they would
/// create. The linter fills one from a document's extracted sites, and `PlanChangeStream` from a plan's changes
/// as they are parsed.
struct CheckedRequests {
    private(set) var findings: [Finding] = []
    private(set) var activities: [DuplicateActivities.Activity] = []
    private(set) var count = 0

    /// Checks one request: its payload is built, checked and let go here, so a file with thousands of requests
    /// never holds all their tags.
    mutating func check(_ site: PayloadSite, linter: Linter, path: String, source: SourceText) {
        count += 1
        let checked = linter.check(site, path: path, source: source)
        findings += checked.findings
        if let activity = checked.activity { activities.append(activity) }
    }
}
