/// Decides what a document is from each format's own markers, before any rule runs (the README's "Which files
/// are linted" states the same rules for users):
///
/// 1. A document with a format's own markers is of that format (each `RequestSource` says what its markers are:
///    a CloudFormation template has `AWSTemplateFormatVersion` or a `Resources` map of typed resources; a
///    Terraform plan has `resource_changes`, or `format_version` with `terraform_version` or `planned_values`).
/// 2. A document of a source's own format that declares no activity (a Serverless service, a Pulumi project or
///    stack file) is not an activity document, whatever its members and its file's name.
/// 3. A request is an object whose members are the CreateActivity members or near misses of them (`Name`,
///    `tag`, `encryption_configuration`), or that has an encryption configuration or request-shaped tags.
/// 4. In a file whose name names an activity (`create-activity.json`, `orders-activity.yaml`), a document that
///    is empty, not an object, or has any CreateActivity member (beside others) is a request, so an empty object
///    or a list there is reported, not skipped. A document whose members all belong to something else (a state
///    machine definition named after its activity) is classified by them.
/// 5. Everything else is not an activity document.
///
/// A broken request must never fall silent, so near misses count as request members.
enum DocumentClassifier {
    static func classify(_ document: Node, pathNamesActivity: Bool) -> DocumentVerdict {
        guard let members = document.members else {
            if pathNamesActivity { return request(document) }
            return .notActivity("\(TypeDescription.article(document)) at the top level, not a request object")
        }
        let keys = members.map(\.key.text)
        if let kind = markedKind(keys: keys, document: document) { return DocumentVerdict(kind: kind) }
        // A document of a source's own format without activities (a Pulumi stack file, whatever its name).
        if let reason = PayloadExtractor.sources.lazy.compactMap({ $0.notActivityReason(document) }).first {
            return .notActivity(reason)
        }
        if members.isEmpty { return pathNamesActivity ? request(document) : .notActivity("an empty object") }
        let families = members.map { RequestMember.family(of: $0.key.text) }
        if families.allSatisfy({ $0 != nil }) { return request(document) }
        if pathNamesActivity, families.contains(where: { $0 != nil }) { return request(document) }
        for (member, family) in zip(members, families) {
            switch family {
            case .encryption where RequestMember.looksLikeEncryption(member.value): return request(document)
            case .tags where RequestMember.looksLikeTags(member.value, besideName: families.contains(.name)):
                return request(document)
            default: continue
            }
        }
        return .notActivity(reason(keys: keys, families: families))
    }

    /// A document cut short by a syntax error, judged by the keys of its top level read before the error.
    static func classify(keysBeforeError keys: [String], pathNamesActivity: Bool) -> DocumentVerdict {
        if let kind = markedKind(keys: keys, document: nil) { return DocumentVerdict(kind: kind) }
        let families = keys.map(RequestMember.family(of:))
        if pathNamesActivity, keys.isEmpty || families.contains(where: { $0 != nil }) {
            return DocumentVerdict(kind: .apiRequest)
        }
        let exact = Set(keys).intersection(["name", "tags", "encryptionConfiguration"])
        if !keys.isEmpty && families.allSatisfy({ $0 != nil })
            || exact.contains("encryptionConfiguration") || exact.isSuperset(of: ["name", "tags"])
        {
            return DocumentVerdict(kind: .apiRequest)
        }
        let what = keys.isEmpty ? "nothing" : reason(keys: keys, families: families)
        return .notActivity("it could not be parsed, and what was read before the error is not an activity document: \(what)")
    }

    /// Whether a file's name names an activity (`create-activity.json`, `orders-activities.yaml`). Folders do not
    /// count: `packages/activity-feed/package.json` is a package manifest, whatever its folder is called.
    static func pathNamesActivity(_ path: String) -> Bool {
        PathText.lastComponent(path).lowercased().containsBytes(of: "activit")
    }

    // MARK: - Markers

    /// The kind of the first source whose markers the document has (`document` is nil for a broken one).
    private static func markedKind(keys: [String], document: Node?) -> DocumentKind? {
        PayloadExtractor.sources.first { $0.hasMarkers(keys: keys, document: document) }?.documentKinds.first
    }

    private static func request(_ document: Node) -> DocumentVerdict {
        let isSkeleton = document.memberValue("name")?.string?.text.isEmpty == true
        return DocumentVerdict(kind: isSkeleton ? .cliSkeleton : .apiRequest)
    }

    /// Why a document with these top-level keys is not a request, naming what it has instead.
    private static func reason(keys: [String], families: [RequestMember.Family?]) -> String {
        let others = zip(keys, families).filter { $0.1 == nil }.map(\.0)
        let shown = others.prefix(3).map { Quoting.code($0) }.joined(separator: ", ") + (others.count > 3 ? ", …" : "")
        let own = zip(keys, families).filter { $0.1 != nil }.map(\.0)
        if own.isEmpty {
            return "no CreateActivity member, template or plan marker among its members (\(shown))"
        }
        let ownText = own.map { Quoting.code($0) }.joined(separator: ", ")
        return "\(ownText) beside \(others.count) member\(others.count == 1 ? "" : "s") CreateActivity does not "
            + "have (\(shown)), and no encryption configuration or request-shaped tags"
    }
}
