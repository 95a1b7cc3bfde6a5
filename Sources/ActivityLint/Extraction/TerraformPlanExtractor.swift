/// `aws_sfn_activity` resources that a Terraform plan (`terraform show -json`) creates: from `resource_changes`
/// (actions including "create", replacements too), or from `planned_values` when the plan has no changes list.
enum TerraformPlanExtractor {
    static let resourceType = "aws_sfn_activity"

    static func sites(in plan: Node, documentIndex: Int) -> [PayloadSite] {
        if let changes = plan.memberValue("resource_changes")?.elements {
            return changes.enumerated().compactMap { index, change in
                guard change.memberValue("type")?.string?.text == resourceType,
                      change.memberValue("mode")?.string?.text != "data",
                      let details = change.memberValue("change"),
                      details.memberValue("actions")?.elements?.contains(where: { $0.string?.text == "create" }) == true,
                      let after = details.memberValue("after"), after.members != nil
                else { return nil }
                let unknown = Set((details.memberValue("after_unknown")?.members ?? [])
                    .filter { if case .bool(true) = $0.value.value { true } else { false } }.map(\.key.text))
                return site(
                    after, pointer: "/resource_changes/\(index)/change/after", scope: "/resource_changes/\(index)",
                    address: change.memberValue("address")?.string?.text, unknown: unknown, documentIndex: documentIndex)
            }
        }
        guard let root = plan.memberValue("planned_values")?.memberValue("root_module") else { return [] }
        return moduleSites(root, pointer: "/planned_values/root_module", documentIndex: documentIndex)
    }

    private static func moduleSites(_ module: Node, pointer: String, documentIndex: Int) -> [PayloadSite] {
        var found: [PayloadSite] = []
        for (index, resource) in (module.memberValue("resources")?.elements ?? []).enumerated() {
            guard resource.memberValue("type")?.string?.text == resourceType,
                  let values = resource.memberValue("values"), values.members != nil
            else { continue }
            found.append(site(
                values, pointer: "\(pointer)/resources/\(index)/values", scope: "\(pointer)/resources/\(index)",
                address: resource.memberValue("address")?.string?.text, unknown: [], documentIndex: documentIndex))
        }
        for (index, child) in (module.memberValue("child_modules")?.elements ?? []).enumerated() {
            found += moduleSites(child, pointer: "\(pointer)/child_modules/\(index)", documentIndex: documentIndex)
        }
        return found
    }

    /// `tags_all` (the provider's default tags merged in) is what is sent; `tags` only when it is unknown or absent.
    private static func site(
        _ values: Node, pointer: String, scope: String, address: String?, unknown: Set<String>, documentIndex: Int
    ) -> PayloadSite {
        let tagsAll = values.memberValue("tags_all")
        let useTagsAll = tagsAll?.members != nil && !unknown.contains("tags_all")
        return PayloadSite(
            root: values, pointer: pointer, documentIndex: documentIndex,
            schema: .terraform(tags: useTagsAll ? "tags_all" : "tags"), subject: address ?? resourceType,
            unknownMembers: unknown, scopePointer: scope)
    }
}
