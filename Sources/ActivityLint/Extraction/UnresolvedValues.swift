/// Values no linter can know: intrinsic functions and dynamic references where the dialect has them, and
/// members the extractor found unknown (Terraform's "known after apply"). The rules
/// that need them are skipped for that value, and this says so (`unresolved-value`, an info) so nothing passes
/// unseen.
enum UnresolvedValues {
    static func findings(for payload: Payload) -> [Finding] {
        var findings: [Finding] = []
        func report(_ node: Node, _ pointer: String, _ what: String, _ why: String) {
            findings.append(Finding(
                ruleID: "unresolved-value", message: "`\(what)` \(why)", range: node.range,
                pointer: payload.pointer + pointer, documentIndex: payload.documentIndex, subject: payload.subject))
        }
        let schema = payload.schema
        func visit(_ member: String, in object: Node, at pointer: String) {
            guard let node = object.memberValue(member) else { return }
            let memberPointer = JSONPointer.appending(member, to: pointer)
            if schema.hasIntrinsicFunctions, let function = Intrinsic.functionName(node) {
                let why = Intrinsic.subTemplate(node) != nil
                    ? "is an Fn::Sub template: only its literal text is checked"
                    : "is given by \(function): checks that need its value are skipped"
                report(node, memberPointer, member, why)
            } else if case .string(let string) = node.value, let marker = schema.dynamicReferenceMarker,
                      string.holds(marker) {
                report(node, memberPointer, member, "is a dynamic reference ({{resolve:…}}): checks that need its value are skipped")
            }
        }
        for member in payload.unknownMembers.sorted() where schema.requestMembers.contains(member) {
            let node = payload.root.memberValue(member) ?? Node(.null, range: payload.root.firstCharacterRange)
            report(node, JSONPointer.appending(member, to: ""), member,
                   "is known only after apply: checks that need its value are skipped")
        }
        guard schema.hasDeployTimeValues else { return findings }
        for member in schema.requestMembers { visit(member, in: payload.root, at: "") }
        for entry in payload.tagEntries {
            visit(schema.tagKey, in: entry.node, at: entry.pointer)
            visit(schema.tagValue, in: entry.node, at: entry.pointer)
        }
        if let encryption = payload.encryption {
            for member in schema.encryptionMembers { visit(member, in: encryption, at: payload.encryptionPointer) }
        }
        return findings
    }
}
