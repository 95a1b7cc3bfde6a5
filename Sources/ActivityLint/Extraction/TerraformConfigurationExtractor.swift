/// `resource "aws_sfn_activity" "NAME"` blocks of a Terraform or OpenTofu configuration: `.tf` and `.tofu` files
/// (read into Terraform's JSON shape by `HCLJSONShape`) and `.tf.json` files. Only static values are checked:
/// literals; `var.x` whose `variable` block in the module (any file of the folder, `TerraformModule`) has a literal
/// `default`; `local.x` whose value there is literal; and the literal text of templates. The provider's
/// `default_tags` are merged in as the provider merges them into `tags_all`. Everything else, `dynamic` blocks
/// included, is reported as unresolved, never guessed.
enum TerraformConfigurationExtractor: RequestSource {
    static let resourceType = "aws_sfn_activity"
    static let documentKinds: [DocumentKind] = [.terraformConfiguration]
    static let inputKind = InputKind.terraformConfiguration
    static let textMarkers = [resourceType]
    static let noRequestDescription = "no `resource \"aws_sfn_activity\"` block in this configuration"

    /// A `resource` member (a block, or `.tf.json`'s object) that declares an `aws_sfn_activity`.
    static func hasMarkers(keys: [String], document: Node?) -> Bool {
        guard let document, keys.contains("resource") else { return false }
        return declaresActivity(document)
    }

    static func declaresActivity(_ document: Node) -> Bool {
        TerraformBlocks.objects(named: "resource", in: document, at: "").contains { resources in
            resources.node.memberValue(resourceType) != nil
        }
    }

    static func sites(in document: Node, documentIndex: Int) -> [PayloadSite] {
        sites(in: document, documentIndex: documentIndex, module: nil)
    }

    /// The requests, with references looked up in the module's other files too when `context` says where they are
    /// (read only when the document has a request).
    static func sites(in document: Node, documentIndex: Int, module context: TerraformModuleContext?) -> [PayloadSite] {
        guard declaresActivity(document) else { return [] }
        let module = TerraformModule(
            document, fileName: context?.fileName ?? "", others: context.map { $0.files() })
        var sites: [PayloadSite] = []
        for resources in TerraformBlocks.objects(named: "resource", in: document, at: "") {
            for byName in TerraformBlocks.objects(named: resourceType, in: resources.node, at: resources.pointer) {
                // An override file's blocks change resources of the module's other files; they are no requests.
                for member in byName.node.members ?? [] where !module.ownIsOverride {
                    let pointer = JSONPointer.appending(member.key.text, to: byName.pointer)
                    for body in TerraformBlocks.objects(of: member.value, at: pointer) {
                        sites.append(site(
                            body.node, name: member.key.text, pointer: body.pointer, module: module,
                            documentIndex: documentIndex))
                    }
                }
            }
        }
        return sites
    }

    /// The request the block makes: its `name`, its tags merged with the provider's default tags, and its first
    /// `encryption_configuration` block, with variables and locals looked up.
    private static func site(
        _ body: Node, name: String, pointer: String, module: TerraformModule, documentIndex: Int
    ) -> PayloadSite {
        let address = "\(resourceType).\(name)"
        var lookup = TerraformLookup(module: module)
        let body = lookup.overridden(body, resource: name)
        var members: [Node.Member] = []
        for member in body.members ?? [] where member.key.text == "name" {
            members.append(lookup.resolved(member))
        }
        if let tags = lookup.mergedTags(of: body, provider: providerAlias(of: body), use: defaultTagsUse(body)) {
            members.append(tags)
        }
        // A block (`.tf`, or a list in `.tf.json`) or, in `.tf.json`, an object: pointers follow what is written.
        var encryptionIsObject = false
        if let dynamic = dynamicBlock("encryption_configuration", in: body) {
            // Terraform makes the blocks from `for_each` at plan time: the settings are computed, never guessed.
            let range = SourceRange(start: dynamic.keyRange.start, end: dynamic.labelRange.end)
            let text = StringValue(text: "${dynamic}", contentStart: range.start)
            members.append(Node.Member(key: dynamic.key, keyRange: dynamic.labelRange, value: Node(.string(text), range: range)))
            lookup.origins.unresolvedReasons[range.start.offset] = "is a `dynamic` block: Terraform makes its blocks "
                + "from `for_each` at plan time, and checks that need its settings are skipped"
        } else if let block = body.member("encryption_configuration"),
           let first = TerraformBlocks.objects(of: block.value, at: "").first?.node
        {
            let settings = Node(
                .object(Node.Members((first.members ?? []).map { lookup.resolved($0) })), range: first.range)
            encryptionIsObject = block.value.members != nil
            members.append(Node.Member(
                key: block.key, keyRange: block.keyRange,
                value: encryptionIsObject ? settings : Node(.array([settings]), range: block.value.range)))
        }
        for meta in ["count", "for_each"] {
            guard let member = body.member(meta) else { continue }
            // An override may have set it: the note then points into the override file.
            lookup.origins.everyFinding.append(lookup.origins.zones.localized(RelatedLocation(
                file: "", range: member.keyRange,
                message: "with `\(meta)`, this holds for every instance of \(address)")))
        }
        return PayloadSite(
            root: Node(.object(Node.Members(members)), range: body.range), pointer: pointer, documentIndex: documentIndex,
            dialect: encryptionIsObject ? .terraformJSONConfiguration : .terraformConfiguration, subject: address, scopePointer: pointer, origins: lookup.origins)
    }

    /// A `dynamic "LABEL" {…}` block of the body: the `dynamic` key, and the label as a key of its own.
    private static func dynamicBlock(
        _ label: String, in body: Node
    ) -> (key: StringValue, keyRange: SourceRange, labelRange: SourceRange)? {
        for dynamic in (body.members ?? []) where dynamic.key.text == "dynamic" {
            for object in TerraformBlocks.objects(of: dynamic.value, at: "") {
                if let labelled = object.node.member(label) {
                    return (labelled.key, dynamic.keyRange, labelled.keyRange)
                }
            }
        }
        return nil
    }

    /// Where a resource takes its provider's default tags, for findings about tags of another file: its
    /// `provider` argument, else its `tags`, else the start of its block.
    private static func defaultTagsUse(_ body: Node) -> SourceRange {
        if let provider = body.member("provider") {
            return SourceRange(start: provider.keyRange.start, end: provider.value.range.end)
        }
        if let tags = body.member("tags") { return tags.keyRange }
        return SourceRange(at: body.range.start)
    }

    /// `provider = aws.west` names the provider configuration with `alias = "west"`; nil for the default one.
    private static func providerAlias(of body: Node) -> String? {
        guard let reference = body.memberValue("provider")?.string?.text else { return nil }
        let name = reference.hasPrefix("${") && reference.hasSuffix("}")
            ? reference.dropFirst(2).dropLast() : Substring(reference)
        guard name.hasPrefix("aws.") else { return nil }
        return String(name.dropFirst(4))
    }
}

extension Dialect {
    /// An `aws_sfn_activity` block of a configuration: `name`, a `tags` map (with the provider's default tags
    /// merged in), an `encryption_configuration` block. `terraform validate` checks argument names and types and
    /// converts scalars; the provider drops `""`, `0` and null; strings are templates.
    static let terraformConfiguration = terraformConfiguration(encryptionIsBlockList: true)
    /// The same in `.tf.json` with `encryption_configuration` written as an object rather than a list of one.
    static let terraformJSONConfiguration = terraformConfiguration(encryptionIsBlockList: false)

    private static func terraformConfiguration(encryptionIsBlockList: Bool) -> Dialect {
        Dialect(
        name: "name", tags: "tags", tagKey: "key", tagValue: "value", encryption: "encryption_configuration",
        type: "type", kmsKeyId: "kms_key_id", reusePeriod: "kms_data_key_reuse_period_seconds",
        tagsAreMap: true, encryptionIsBlockList: encryptionIsBlockList, membersPlace: "the resource block",
        sourceEnforcesShape: true,
        nameRequirement: NameRequirement(
            missing: "missing required argument `name`", missingObject: nil,
            answer: "Terraform: The argument \"name\" is required, but no definition was found", exception: Finding.noException),
        emptyMeansUnset: true, templates: .terraform)
    }
}
