/// `AWS::StepFunctions::Activity` resources of a CloudFormation or SAM template (YAML or JSON, CDK output too).
enum CloudFormationExtractor {
    static let resourceType = "AWS::StepFunctions::Activity"

    static func sites(in template: Node, documentIndex: Int) -> [PayloadSite] {
        guard let resources = template.memberValue("Resources")?.members else { return [] }
        return resources.compactMap { resource in
            guard resource.value.memberValue("Type")?.string?.text == resourceType else { return nil }
            let resourcePointer = JSONPointer.appending(resource.key.text, to: "/Resources")
            // Without Properties the resource still makes a request, one without the required `Name`.
            let properties = resource.value.memberValue("Properties")
                ?? Node(.object([]), range: SourceRange(at: resource.keyRange.start))
            return PayloadSite(
                root: properties, pointer: JSONPointer.appending("Properties", to: resourcePointer),
                documentIndex: documentIndex, schema: .cloudFormation, subject: resource.key.text,
                scopePointer: resourcePointer)
        }
    }
}
