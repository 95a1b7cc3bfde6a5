/// Values no linter can know: intrinsic functions and dynamic references where the dialect has them, substitutions
/// in templates (Terraform's `${var.env}`), and members the extractor found unknown (Terraform's "known after
/// apply"). The rules that need them are skipped for that value, and this says so (`unresolved-value`, an info) so
/// nothing passes unseen.
enum UnresolvedValues {
    static func findings(for payload: Payload) -> [Finding] {
        var findings: [Finding] = []
        func report(_ range: SourceRange, _ pointer: String, _ what: String, _ why: String) {
            let named = what.hasPrefix("a ") || what.hasPrefix("the ") ? what : "`\(what)`"
            findings.append(Finding(
                ruleID: "unresolved-value", message: named + " \(why)", range: range,
                pointer: payload.site.absolutePointer(pointer), documentIndex: payload.documentIndex, subject: payload.subject))
        }
        let dialect = payload.dialect
        func check(_ node: Node, _ pointer: String, _ what: String) {
            if let function = dialect.functionName(node) {
                let why = dialect.subTemplate(node) != nil
                    ? "is an Fn::Sub template: only its literal text is checked"
                    : "is given by \(function): checks that need its value are skipped"
                report(node.range, pointer, what, why)
            } else if case .string(let string) = node.value, let marker = dialect.dynamicReferenceMarker,
                      string.holds(marker) {
                report(node.range, pointer, what, "is a dynamic reference ({{resolve:…}}): checks that need its value are skipped")
            } else if case .string(let string) = node.value {
                checkTemplate(string, node.range, pointer, what)
            }
        }
        func checkTemplate(_ string: StringValue, _ range: SourceRange, _ pointer: String, _ what: String) {
            guard let templates = dialect.templates else { return }
            let substitutions = templates.substitutions(in: string)
            guard !substitutions.isEmpty else { return }
            if templates.isComputed(string) {
                let why = payload.site.origins.unresolvedReasons[range.start.offset]
                    ?? "is computed (\(Quoting.code(String(string.text.dropFirst(2).dropLast())))): checks that need its "
                        + "value are skipped"
                report(range, pointer, what, why)
            } else {
                report(range, pointer, what, "is a template: only its literal text is checked")
            }
        }
        func visit(_ member: String, in object: Node, at pointer: String) {
            guard let node = object.memberValue(member) else { return }
            let memberPointer = JSONPointer.appending(member, to: pointer)
            // A member the extractor made (a Serverless activity is a bare name) is not written as a member.
            let what = payload.site.memberPointers[memberPointer] == nil ? member : "the activity name"
            check(node, memberPointer, what)
        }
        for member in payload.unknownMembers.sorted() where dialect.requestMembers.contains(member) {
            let node = payload.root.memberValue(member) ?? Node(.null, range: payload.root.firstCharacterRange)
            report(node.range, JSONPointer.appending(member, to: ""), member,
                   "is known only after apply: checks that need its value are skipped")
        }
        guard dialect.hasDeployTimeValues else { return findings }
        for member in dialect.requestMembers { visit(member, in: payload.root, at: "") }
        if dialect.tagsAreMap, let tags = payload.root.memberValue(dialect.tags)?.members {
            for (entry, member) in zip(payload.tagEntries, tags) {
                checkTemplate(member.key, member.keyRange, entry.pointer, "a key of `\(dialect.tags)`")
                check(member.value, entry.pointer, "tags.\(member.key.text)")
            }
        } else {
            for entry in payload.tagEntries {
                visit(dialect.tagKey, in: entry.node, at: entry.pointer)
                visit(dialect.tagValue, in: entry.node, at: entry.pointer)
            }
        }
        if let encryption = payload.encryption {
            for member in dialect.encryptionMembers { visit(member, in: encryption, at: payload.encryptionPointer) }
        }
        return findings
    }
}
