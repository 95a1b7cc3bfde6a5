/// `AWS::StepFunctions::Activity` resources of a CloudFormation or SAM template (YAML or JSON, CDK output too).
enum CloudFormationExtractor: RequestSource {
    static let resourceType = "AWS::StepFunctions::Activity"
    static let documentKinds: [DocumentKind] = [.cloudFormation]
    static let inputKind = InputKind.cloudformation
    static let textMarkers = ["EncryptionConfiguration", resourceType]
    static let noRequestDescription = "no `AWS::StepFunctions::Activity` resource in this template"

    /// `AWSTemplateFormatVersion`, or a `Resources` map of typed resources (or, in a broken document, a top-level
    /// `Resources` at all).
    static func hasMarkers(keys: [String], document: Node?) -> Bool {
        if keys.contains("AWSTemplateFormatVersion") { return true }
        guard keys.contains("Resources") else { return false }
        guard let document else { return true }
        guard let entries = document.memberValue("Resources")?.members else { return false }
        return entries.isEmpty || entries.contains { $0.value.memberValue("Type")?.string != nil }
    }

    /// Whether `template` has an `AWS::StepFunctions::Activity` resource.
    static func declaresActivity(_ template: Node) -> Bool {
        template.memberValue("Resources")?.members?.contains {
            $0.value.memberValue("Type")?.string?.text == resourceType
        } ?? false
    }

    static func sites(in template: Node, documentIndex: Int) -> [PayloadSite] {
        sites(inTemplate: template, at: "", documentIndex: documentIndex, dialect: .cloudFormation)
    }

    /// The activities of a template at `pointer` (a Serverless service's `resources`), read in `dialect`.
    static func sites(inTemplate template: Node, at pointer: String, documentIndex: Int, dialect: Dialect) -> [PayloadSite] {
        guard let resources = template.memberValue("Resources")?.members else { return [] }
        let resourcesPointer = JSONPointer.appending("Resources", to: pointer)
        return resources.compactMap { resource in
            site(logicalID: resource.key.text, keyRange: resource.keyRange, resource: resource.value,
                 resourcesPointer: resourcesPointer, documentIndex: documentIndex, dialect: dialect)
        }
    }

    /// The request of one entry of `Resources`, nil when it is not an activity.
    static func site(
        logicalID: String, keyRange: SourceRange, resource: Node, resourcesPointer: String = "/Resources",
        documentIndex: Int, dialect: Dialect = .cloudFormation
    ) -> PayloadSite? {
        guard resource.memberValue("Type")?.string?.text == resourceType else { return nil }
        let resourcePointer = JSONPointer.appending(logicalID, to: resourcesPointer)
        // Without Properties the resource still makes a request, one without the required `Name`.
        let properties = resource.memberValue("Properties") ?? Node(.object([]), range: SourceRange(at: keyRange.start))
        return PayloadSite(
            root: properties, pointer: JSONPointer.appending("Properties", to: resourcePointer),
            documentIndex: documentIndex, dialect: dialect, subject: logicalID, scopePointer: resourcePointer)
    }
}

extension Dialect {
    /// `AWS::StepFunctions::Activity` properties: `Name`, `Tags: [{Key, Value}]`, `EncryptionConfiguration`.
    /// CloudFormation converts scalars, computes values with intrinsic functions and dynamic references, and
    /// requires `Name` and a non-empty tag `Value` (the resource schema's `required` and minLength 1).
    public static let cloudFormation = cloudFormation(templates: nil)

    /// The same where strings are templates of `templates` too (a Serverless service's `resources.Resources`).
    static func cloudFormation(templates: TemplateSyntax?) -> Dialect {
        Dialect(
            name: "Name", tags: "Tags", tagKey: "Key", tagValue: "Value", encryption: "EncryptionConfiguration",
            type: "Type", kmsKeyId: "KmsKeyId", reusePeriod: "KmsDataKeyReusePeriodSeconds",
            membersPlace: "the resource's Properties",
            nameRequirement: NameRequirement(
                missing: "missing required property `Name`",
                missingObject: "the resource has no `Properties`, and `Name` is required",
                answer: "CloudFormation: Properties validation failed … required key [Name] not found; cfn-lint E3003",
                exception: Finding.noException),
            coercesScalars: true,
            emptyTagValueRefusal: "CloudFormation requires at least one character (the resource schema's minLength 1)",
            functions: .cloudFormation, dynamicReferenceMarker: "{{resolve:", templates: templates)
    }
}
