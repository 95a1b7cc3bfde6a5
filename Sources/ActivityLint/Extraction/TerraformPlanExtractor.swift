/// `aws_sfn_activity` resources that a Terraform plan (`terraform show -json`) creates: from `resource_changes`
/// (actions including "create", replacements too), or from `planned_values` when the plan has no changes list.
enum TerraformPlanExtractor {
    static let resourceType = "aws_sfn_activity"

    static func payloads(in plan: Node, documentIndex: Int) -> [Payload] {
        if let changes = plan.member("resource_changes")?.value.elements {
            return changes.enumerated().compactMap { index, change in
                guard change.member("type")?.value.string?.text == resourceType,
                      change.member("mode")?.value.string?.text != "data",
                      let details = change.member("change")?.value,
                      details.member("actions")?.value.elements?.contains(where: { $0.string?.text == "create" }) == true,
                      let after = details.member("after")?.value, after.members != nil
                else { return nil }
                let unknown = Set((details.member("after_unknown")?.value.members ?? [])
                    .filter { if case .bool(true) = $0.value.value { true } else { false } }.map(\.key.text))
                return payload(
                    after, pointer: "/resource_changes/\(index)/change/after",
                    address: change.member("address")?.value.string?.text, unknown: unknown, documentIndex: documentIndex)
            }
        }
        guard let root = plan.member("planned_values")?.value.member("root_module")?.value else { return [] }
        return modulePayloads(root, pointer: "/planned_values/root_module", documentIndex: documentIndex)
    }

    private static func modulePayloads(_ module: Node, pointer: String, documentIndex: Int) -> [Payload] {
        var found: [Payload] = []
        for (index, resource) in (module.member("resources")?.value.elements ?? []).enumerated() {
            guard resource.member("type")?.value.string?.text == resourceType,
                  let values = resource.member("values")?.value, values.members != nil
            else { continue }
            found.append(payload(
                values, pointer: "\(pointer)/resources/\(index)/values",
                address: resource.member("address")?.value.string?.text, unknown: [], documentIndex: documentIndex))
        }
        for (index, child) in (module.member("child_modules")?.value.elements ?? []).enumerated() {
            found += modulePayloads(child, pointer: "\(pointer)/child_modules/\(index)", documentIndex: documentIndex)
        }
        return found
    }

    /// `tags_all` (the provider's default tags merged in) is what is sent; `tags` only when it is unknown or absent.
    private static func payload(_ values: Node, pointer: String, address: String?, unknown: Set<String>, documentIndex: Int) -> Payload {
        let tagsAll = values.member("tags_all")?.value
        let useTagsAll = tagsAll?.members != nil && !unknown.contains("tags_all")
        return Payload(
            root: values, pointer: pointer, documentIndex: documentIndex,
            schema: .terraform(tags: useTagsAll ? "tags_all" : "tags"), label: address ?? resourceType,
            unknownMembers: unknown)
    }
}
