/// `aws_sfn_activity` resources that a Terraform plan (`terraform show -json`) creates: from `resource_changes`
/// (actions including "create", replacements too), or from `planned_values` when the plan has no changes list.
enum TerraformPlanExtractor: RequestSource {
    static let resourceType = "aws_sfn_activity"
    static let documentKinds: [DocumentKind] = [.terraformPlan]
    static let inputKind = InputKind.terraformPlan
    static let textMarkers = ["encryption_configuration", resourceType]
    static let noRequestDescription = "no `aws_sfn_activity` that this plan creates"

    /// `resource_changes`, or `format_version` with `terraform_version` or `planned_values`.
    static func hasMarkers(keys: [String], document: Node?) -> Bool {
        keys.contains(changesKey)
            || keys.contains("format_version")
                && (keys.contains("terraform_version") || keys.contains("planned_values"))
    }

    static func sites(in plan: Node, documentIndex: Int) -> [PayloadSite] {
        if let changes = plan.memberValue(changesKey)?.elements {
            return changes.enumerated().compactMap { index, change in
                site(ofChange: change, index: index, documentIndex: documentIndex)
            }
        }
        guard let root = plan.memberValue("planned_values")?.memberValue("root_module") else { return [] }
        return moduleSites(root, pointer: "/planned_values/root_module", documentIndex: documentIndex)
    }

    /// The plan's list of changes, whose elements are all its requests when it has one.
    static let changesKey = "resource_changes"

    /// The request that the change at `index` of `resource_changes` creates, if it creates an activity.
    static func site(ofChange change: Node, index: Int, documentIndex: Int) -> PayloadSite? {
        guard change.memberValue("type")?.string?.text == resourceType,
              change.memberValue("mode")?.string?.text != "data",
              let details = change.memberValue("change"),
              details.memberValue("actions")?.elements?.contains(where: { $0.string?.text == "create" }) == true,
              let after = details.memberValue("after"), after.members != nil
        else { return nil }
        let unknown = Set((details.memberValue("after_unknown")?.members ?? [])
            .filter { if case .bool(true) = $0.value.value { true } else { false } }.map(\.key.text))
        return site(
            after, pointer: "/\(changesKey)/\(index)/change/after", scope: "/\(changesKey)/\(index)",
            address: change.memberValue("address")?.string?.text, unknown: unknown, documentIndex: documentIndex)
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
            dialect: useTagsAll ? .terraformAllTags : .terraformResourceTags, subject: address ?? resourceType,
            unknownMembers: unknown, scopePointer: scope)
    }
}

extension Dialect {
    /// A plan's `aws_sfn_activity`, whose tags are `tags_all` (what is actually sent) when the plan knows it.
    static let terraformAllTags = terraform(tags: "tags_all")
    /// The same with the resource's own `tags`, when `tags_all` is unknown or absent.
    static let terraformResourceTags = terraform(tags: "tags")

    /// `name`, a tags map, an `encryption_configuration` block list. The plan has passed the provider's schema
    /// (shape and the required name are checked), and the provider drops `""`, `0` and null.
    private static func terraform(tags: String) -> Dialect {
        Dialect(
            name: "name", tags: tags, tagKey: "key", tagValue: "value", encryption: "encryption_configuration",
            type: "type", kmsKeyId: "kms_key_id", reusePeriod: "kms_data_key_reuse_period_seconds",
            tagsAreMap: true, encryptionIsBlockList: true, membersPlace: "the resource's planned values",
            sourceEnforcesShape: true, nameRequirement: nil, emptyMeansUnset: true)
    }
}
