/// `aws:sfn:Activity` resources of a Pulumi YAML program (`Pulumi.yaml`, or the `Main.yaml` it points to): each
/// `resources.X` with that `type` is a request made of its `properties`. Interpolations (`${bucket.arn}`) are
/// resolved only at deploy time, so only their literal text is checked; `fn::` built-ins are unresolved. Stack
/// files (`Pulumi.<stack>.yaml`) hold configuration, not resources, and are not activity documents. A resource
/// with `get` reads an existing activity and makes no request.
enum PulumiExtractor: RequestSource {
    static let resourceType = "aws:sfn:Activity"
    /// The same type as its full token, which Pulumi YAML accepts too.
    static let fullResourceType = "aws:sfn/activity:Activity"
    static let documentKinds: [DocumentKind] = [.pulumi]
    static let inputKind = InputKind.pulumi
    static let textMarkers = [resourceType, fullResourceType]
    static let noRequestDescription = "no `aws:sfn:Activity` resource in this Pulumi program"

    /// How long the suffix is that Pulumi appends to the logical name when it names the activity itself: `-` and
    /// seven random hex digits.
    static let autoNameSuffixLength = 8

    /// Properties of `aws:sfn:Activity` that are no part of the request (the provider's region, AWS v7).
    private static let providerProperties: Set<String> = ["region"]

    /// A `resources` map with an `aws:sfn:Activity` (in a broken document: `resources` beside `runtime`).
    static func hasMarkers(keys: [String], document: Node?) -> Bool {
        guard keys.contains("resources") else { return false }
        guard let document else { return keys.contains("runtime") }
        return document.memberValue("resources")?.members?.contains(where: isActivity) ?? false
    }

    /// Settings only a stack file has (`Pulumi.<stack>.yaml`), beside its `config`.
    private static let stackSettings: Set<String> = ["secretsprovider", "encryptionsalt", "encryptedkey", "environment"]

    static func notActivityReason(_ document: Node) -> String? {
        if document.member("runtime") != nil, document.member("name") != nil {
            return "a Pulumi project without an `\(resourceType)` resource"
        }
        guard let members = document.members, members.allSatisfy({ $0.key.text == "config" || stackSettings.contains($0.key.text) })
        else { return nil }
        // Stack configuration keys are namespaced by project or provider (`aws:region`).
        let namespaced = document.memberValue("config")?.members?.contains { $0.key.text.contains(":") } ?? false
        guard namespaced || members.contains(where: { stackSettings.contains($0.key.text) }) else { return nil }
        return "a Pulumi stack file: configuration (`config`), no resources"
    }

    static func sites(in document: Node, documentIndex: Int) -> [PayloadSite] {
        guard let resources = document.memberValue("resources")?.members else { return [] }
        return resources.filter(isCreatedActivity).map { resource in
            let resourcePointer = JSONPointer.appending(resource.key.text, to: "/resources")
            let written = resource.value.memberValue("properties")
            let members = written?.members?.filter { !providerProperties.contains($0.key.text) }
            // Without `properties` the resource still makes a request, one Pulumi names itself.
            let properties = written.map { node in
                members.map { Node(.object(Node.Members($0)), range: node.range) } ?? node
            }
                ?? Node(.object([]), range: SourceRange(at: resource.keyRange.start))
            return PayloadSite(
                root: properties, pointer: JSONPointer.appending("properties", to: resourcePointer),
                documentIndex: documentIndex, dialect: .pulumi, subject: resource.key.text,
                scopePointer: resourcePointer)
        }
    }

    /// Without a `name`, Pulumi names the activity after the resource's logical name: that name must make a
    /// valid activity name too.
    static func findings(in document: Node, documentIndex: Int) -> [Finding] {
        guard let resources = document.memberValue("resources")?.members else { return [] }
        var findings: [Finding] = []
        for resource in resources where isCreatedActivity(resource) {
            let properties = resource.value.memberValue("properties")
            guard properties?.member("name") == nil,
                  properties.map({ !Payload.hasMisspelling(of: "name", in: $0, among: Dialect.pulumi.requestMembers) }) ?? true
            else { continue }
            findings += AutoName.findings(for: resource, documentIndex: documentIndex)
        }
        return findings
    }

    private static func isActivity(_ resource: Node.Member) -> Bool {
        guard let type = resource.value.memberValue("type")?.string?.text else { return false }
        return type == resourceType || type == fullResourceType
    }

    private static func isCreatedActivity(_ resource: Node.Member) -> Bool {
        isActivity(resource) && resource.value.member("get") == nil
    }
}

extension Dialect {
    /// `aws:sfn:Activity` properties: `name`, a `tags` map, an `encryptionConfiguration` object. Pulumi names an
    /// activity without `name` itself; its AWS provider is built on Terraform's, so it drops `""` and `0` in the
    /// encryption settings as Terraform does. Strings are interpolations; `fn::` built-ins compute values.
    static let pulumi = Dialect(
        name: "name", tags: "tags", tagKey: "key", tagValue: "value", encryption: "encryptionConfiguration",
        type: "type", kmsKeyId: "kmsKeyId", reusePeriod: "kmsDataKeyReusePeriodSeconds", tagsAreMap: true,
        membersPlace: "the resource's properties", nameRequirement: nil, coercesScalars: true, emptyMeansUnset: true,
        functions: .pulumi, templates: .pulumi)
}
