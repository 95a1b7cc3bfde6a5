/// Values no linter can know: CloudFormation intrinsic functions and Terraform's "known after apply". The rules
/// that need them are skipped for that value, and this says so (`unresolved-value`, an info) so nothing passes
/// unseen.
enum UnresolvedValues {
    static func findings(for payload: Payload) -> [Finding] {
        var findings: [Finding] = []
        func report(_ node: Node, _ pointer: String, _ what: String, _ why: String) {
            let prefix = payload.label.map { "\($0): " } ?? ""
            findings.append(Finding(
                ruleID: "unresolved-value", message: prefix + "`\(what)` \(why)",
                range: node.range, pointer: payload.pointer + pointer, documentIndex: payload.documentIndex))
        }
        func visit(_ member: String, in object: Node, at pointer: String) {
            guard let node = object.memberValue(member) else { return }
            let memberPointer = JSONPointer.appending(member, to: pointer)
            if let function = Intrinsic.functionName(node) {
                let why = Intrinsic.subTemplate(node) != nil
                    ? "is an Fn::Sub template: only its literal text is checked"
                    : "is given by \(function): checks that need its value are skipped"
                report(node, memberPointer, member, why)
            } else if case .string(let string) = node.value, payload.schema.dialect == .cloudFormation,
                      string.holdsDynamicReference {
                report(node, memberPointer, member, "is a dynamic reference ({{resolve:…}}): checks that need its value are skipped")
            }
        }
        let schema = payload.schema
        for member in payload.unknownMembers.sorted() where schema.requestMembers.contains(member) {
            let node = payload.root.memberValue(member) ?? Node(.null, range: payload.root.firstCharacterRange)
            report(node, JSONPointer.appending(member, to: ""), member,
                   "is known only after apply: checks that need its value are skipped")
        }
        guard schema.dialect == .cloudFormation else { return findings }
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
