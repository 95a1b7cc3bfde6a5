/// Files skipped by their path alone, before they are read.
enum PathRules {
    /// `cdk synth` writes the stack templates as `cdk.out/*.template.json` beside its own bookkeeping
    /// (`manifest.json`, `tree.json`, `*.assets.json`, asset folders): only the templates hold activities.
    static func skipReason(_ path: String) -> SkipReason? {
        // Nearly every path has no `cdk.out/`: one search, no split.
        guard path.containsBytes(of: "cdk.out/") else { return nil }
        let components = path.split(separator: "/")
        guard let cdkOut = components.lastIndex(of: "cdk.out"), cdkOut < components.count - 1,
              !path.hasSuffix(".template.json")
        else { return nil }
        return SkipReason(.notActivity, "CDK output other than a stack template (cdk.out/*.template.json)")
    }
}
