/// A Serverless Framework service (`serverless.yml`, `serverless.yaml`, `serverless.json`) with the
/// `serverless-step-functions` plugin. Each entry of `stepFunctions.activities` is an activity name, which the
/// plugin makes an `AWS::StepFunctions::Activity` with that `Name` and nothing else; the service's
/// `resources.Resources` is a CloudFormation template of its own. Serverless variables (`${opt:stage}`,
/// `${self:custom.x}`, `${ssm:…}`, `${file(…)}`) are resolved only at deploy time: their literal text is checked.
enum ServerlessExtractor: RequestSource {
    static let documentKinds: [DocumentKind] = [.serverless]
    static let inputKind = InputKind.serverless
    static let textMarkers: [String] = []
    static let noRequestDescription =
        "no `stepFunctions.activities` entry or `AWS::StepFunctions::Activity` resource in this service"

    /// The members the plugin reads under `stepFunctions`, to tell a misspelt `activities` from them.
    private static let stepFunctionsMembers = ["stateMachines", "activities", "validate", "noOutput"]

    /// A `service` beside a `provider`, that declares activities (in a broken document: a `service` beside
    /// `stepFunctions` or `resources`). A service without activities is not an activity document.
    static func hasMarkers(keys: [String], document: Node?) -> Bool {
        guard keys.contains("service") else { return false }
        guard let document else { return keys.contains { isStepFunctions($0) || $0 == "resources" } }
        guard keys.contains("provider") else { return false }
        if activities(in: document) != nil { return true }
        return templates(in: document).contains { CloudFormationExtractor.declaresActivity($0.node) }
    }

    static func notActivityReason(_ document: Node) -> String? {
        guard document.member("service") != nil, document.member("provider") != nil else { return nil }
        return "a Serverless Framework service without activities (no `stepFunctions.activities`, no "
            + "`AWS::StepFunctions::Activity` in `resources`)"
    }

    static func sites(in document: Node, documentIndex: Int) -> [PayloadSite] {
        var sites: [PayloadSite] = []
        if let list = activities(in: document), let entries = list.node.elements {
            for (index, entry) in entries.enumerated() where isName(entry) {
                let pointer = JSONPointer.appending(index, to: list.pointer)
                let root = Node(.object([Node.Member(
                    key: StringValue(text: Dialect.serverlessActivity.name, contentStart: entry.range.start), keyRange: entry.range, value: entry)]),
                    range: entry.range)
                sites.append(PayloadSite(
                    root: root, pointer: pointer, documentIndex: documentIndex, dialect: .serverlessActivity,
                    subject: "\(list.path)[\(index)]", scopePointer: pointer,
                    memberPointers: [JSONPointer.appending(Dialect.serverlessActivity.name, to: ""): pointer]))
            }
        }
        for template in templates(in: document) {
            sites += CloudFormationExtractor.sites(
                inTemplate: template.node, at: template.pointer, documentIndex: documentIndex,
                dialect: .serverlessResources)
        }
        return sites
    }

    /// A misspelt `stepFunctions` or `activities`, an `activities` that is no list and entries that are no name:
    /// the plugin creates no activity from them, or one named "[object Object]".
    static func findings(in document: Node, documentIndex: Int) -> [Finding] {
        guard let list = activities(in: document) else { return [] }
        var findings: [Finding] = []
        for (member, expected, place) in [
            (list.stepFunctions, "stepFunctions", "the service"), (list.activities, "activities", "`stepFunctions`"),
        ] where member.key.text != expected {
            findings.append(Finding(
                ruleID: "unknown-member",
                message: "unknown member \(Quoting.code(member.key.text)) in \(place); did you mean `\(expected)`? "
                    + "Member names are case-sensitive, and serverless-step-functions reads only `\(expected)`",
                range: member.keyRange, pointer: JSONPointer.appending(member.key.text, to: list.parentPointer(of: member)),
                documentIndex: documentIndex, subject: list.path, value: member.key.text))
        }
        let node = list.node
        if case .string(let string) = node.value, !TemplateSyntax.serverless.substitutions(in: string).isEmpty {
            findings.append(Finding(
                ruleID: "unresolved-value",
                message: "`\(list.activities.key.text)` is given by a Serverless variable: the names it lists are not checked",
                range: node.range, pointer: list.pointer, documentIndex: documentIndex, subject: list.path))
        } else if let entries = node.elements {
            for (index, entry) in entries.enumerated() where !isName(entry) {
                findings.append(Finding(
                    ruleID: "invalid-type",
                    message: "each entry of `\(list.activities.key.text)` must be an activity name (a string), found "
                        + "\(TypeDescription.article(entry)); the plugin would name the activity \(textForm(of: entry))",
                    range: entry.range, pointer: JSONPointer.appending(index, to: list.pointer),
                    documentIndex: documentIndex, subject: "\(list.path)[\(index)]", value: entry.identityText))
            }
        } else {
            findings.append(Finding(
                ruleID: "invalid-type",
                message: "`\(list.activities.key.text)` must be a list of activity names, found "
                    + "\(TypeDescription.article(node)) (serverless-step-functions: activities property is not an array)",
                range: node.range, pointer: list.pointer, documentIndex: documentIndex, subject: list.path,
                value: node.identityText))
        }
        return findings
    }

    /// What the plugin's JavaScript makes of an entry that is no name when it writes it into the template.
    private static func textForm(of node: Node) -> String {
        switch node.value {
        case .object: "\"[object Object]\""
        case .array: "after its entries joined by commas"
        default: "\"\(node.identityText)\""
        }
    }

    /// An entry the plugin turns into a name: a string, or a number or boolean, which it writes as text.
    private static func isName(_ node: Node) -> Bool {
        switch node.value {
        case .string, .number, .bool: true
        case .object, .array, .null: false
        }
    }

    /// `stepFunctions.activities`, or a near miss of either key (`stepfunctions`, `activity`).
    private struct ActivityList {
        let stepFunctions: Node.Member
        let activities: Node.Member
        var node: Node { activities.value }
        var pointer: String { JSONPointer.appending(activities.key.text, to: JSONPointer.appending(stepFunctions.key.text, to: "")) }
        /// How the list is named in subjects: `stepFunctions.activities`.
        var path: String { "\(stepFunctions.key.text).\(activities.key.text)" }

        func parentPointer(of member: Node.Member) -> String {
            member.keyRange == stepFunctions.keyRange ? "" : JSONPointer.appending(stepFunctions.key.text, to: "")
        }
    }

    /// The CloudFormation of `resources`: one template, or a list of them that the Framework merges (entries that
    /// are `${file(…)}` includes are in other files, not read).
    private static func templates(in document: Node) -> [(node: Node, pointer: String)] {
        guard let resources = document.memberValue("resources") else { return [] }
        guard let list = resources.elements else { return [(resources, "/resources")] }
        return list.enumerated().compactMap { index, entry in
            entry.members == nil ? nil : (entry, JSONPointer.appending(index, to: "/resources"))
        }
    }

    private static func activities(in document: Node) -> ActivityList? {
        for step in document.members ?? [] where isStepFunctions(step.key.text) {
            guard let members = step.value.members else { continue }
            let exact = members.last { $0.key.text == "activities" }
            let near = members.last { isNearMiss($0.key.text, of: "activities", among: stepFunctionsMembers) }
            if let activities = exact ?? near { return ActivityList(stepFunctions: step, activities: activities) }
        }
        return nil
    }

    private static func isStepFunctions(_ key: String) -> Bool {
        key == "stepFunctions" || isNearMiss(key, of: "stepFunctions", among: ["stepFunctions"])
    }

    /// A misspelling of `member` that is none of the other `known` members: a near spelling, or the singular
    /// (`activity`, `stepFunction`).
    private static func isNearMiss(_ key: String, of member: String, among known: [String]) -> Bool {
        guard key != member, !known.contains(key) else { return false }
        let singular = Spelling.normalized(member.hasSuffix("ies") ? member.dropLast(3) + "y" : String(member.dropLast()))
        return Spelling.normalized(key) == singular || MemberSuggestion.closest(to: key, among: known) == member
    }
}

extension Dialect {
    /// An entry of `stepFunctions.activities`: the `Name` of the `AWS::StepFunctions::Activity` the plugin makes
    /// (CloudFormation converts a number to text), with Serverless variables for templates. It has no tags and no
    /// encryption: the plugin sets neither.
    static let serverlessActivity = Dialect(
        name: "Name", tags: "Tags", tagKey: "Key", tagValue: "Value", encryption: "EncryptionConfiguration",
        type: "Type", kmsKeyId: "KmsKeyId", reusePeriod: "KmsDataKeyReusePeriodSeconds",
        membersPlace: "the activity", nameRequirement: nil, coercesScalars: true, templates: .serverless)

    /// The `resources.Resources` of a Serverless service: CloudFormation, with Serverless variables in its strings.
    static let serverlessResources = cloudFormation(templates: .serverless)
}
