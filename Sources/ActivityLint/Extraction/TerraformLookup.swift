/// Looks up what a resource's arguments refer to in its file, as Terraform would without running anything: a
/// value that is exactly `var.x` (`"${var.x}"`) is the variable's literal `default`, one that is exactly `local.x`
/// the local's literal value. Anything else computed stays computed, with the reason `unresolved-value` gives.
struct TerraformLookup {
    let module: TerraformModule
    var origins = ValueOrigins()

    init(module: TerraformModule) {
        self.module = module
    }

    /// The member with its value looked up when it is a reference to a variable or local.
    mutating func resolved(_ member: Node.Member) -> Node.Member {
        Node.Member(key: member.key, keyRange: member.keyRange, value: resolved(member.value))
    }

    mutating func resolved(_ node: Node) -> Node {
        guard case .string(let string) = node.value, TemplateSyntax.terraform.isComputed(string) else { return node }
        let expression = Self.trimmed(string.text.dropFirst(2).dropLast())
        let parts = expression.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].allSatisfy(Self.isIdentifierCharacter), !parts[1].isEmpty else {
            return node
        }
        let reference = "`\(parts[0]).\(parts[1])`"
        let found: Node?
        switch parts[0] {
        case "var":
            guard let variable = module.variables[String(parts[1])] else {
                return unresolved(node, "is \(reference), declared in no `variable` block of this "
                    + "file (the module's other files are not read): checks that need its value are skipped")
            }
            found = variable.memberValue("default")
            guard found != nil else {
                return unresolved(node, "is \(reference), whose variable has no `default`: its value "
                    + "comes at plan time, and checks that need it are skipped")
            }
        case "local":
            found = module.locals[String(parts[1])]
            guard found != nil else {
                return unresolved(node, "is \(reference), defined in no `locals` block of this file "
                    + "(the module's other files are not read): checks that need its value are skipped")
            }
        default:
            return node
        }
        guard let value = found, TemplateSyntax.terraform.isStatic(value) else {
            return unresolved(node, "is \(reference), whose value is not a literal: checks that need "
                + "its value are skipped")
        }
        let what = parts[0] == "var" ? "the default of \(reference)" : reference
        origins.origins.append(ValueOrigins.Origin(
            range: value.range, remark: "the value comes from \(what)",
            use: RelatedLocation(file: "", range: node.range, message: "\(reference) is used here")))
        return value
    }

    /// The resource's `tags` with the provider configuration's `default_tags` merged in as the provider makes
    /// `tags_all`: a resource tag replaces the default tag with its key. Nil when neither has tags.
    mutating func mergedTags(of body: Node, provider alias: String?) -> Node.Member? {
        let own = body.member("tags").map { resolvedMap($0) }
        guard let defaults = defaultTags(alias: alias), !defaults.members.isEmpty else { return own }
        guard let own else {
            return Node.Member(
                key: StringValue(text: "tags", contentStart: defaults.range.start), keyRange: defaults.range,
                value: Node(.object(defaults.members), range: defaults.range))
        }
        // Computed resource tags: what is merged is unknown; `unresolved-value` says so.
        guard let ownMembers = own.value.members else { return own }
        let ownKeys = Set(ownMembers.map(\.key.text))
        let merged = defaults.members.filter { !ownKeys.contains($0.key.text) } + ownMembers
        return Node.Member(key: own.key, keyRange: own.keyRange, value: Node(.object(merged), range: own.value.range))
    }

    /// The literal `default_tags { tags = {…} }` of the `aws` provider configuration with `alias` (the default
    /// configuration for nil), its members noted as coming from the provider.
    private mutating func defaultTags(alias: String?) -> (members: [Node.Member], range: SourceRange)? {
        guard let provider = module.providers[alias ?? ""],
              let block = TerraformBlocks.objects(named: "default_tags", in: provider, at: "").first?.node,
              let tags = block.memberValue("tags")
        else { return nil }
        let value = resolvedMap(Node.Member(key: StringValue(text: "tags", contentStart: tags.range.start),
                                            keyRange: tags.range, value: tags)).value
        guard let members = value.members else { return nil }
        let name = alias.map { "aws.\($0)" } ?? "aws"
        origins.origins.append(ValueOrigins.Origin(
            range: value.range, remark: "a default tag of the provider `\(name)`", use: nil))
        return (members, value.range)
    }

    /// A map looked up, and each of its values.
    private mutating func resolvedMap(_ member: Node.Member) -> Node.Member {
        let map = resolved(member)
        guard let members = map.value.members else { return map }
        return Node.Member(
            key: map.key, keyRange: map.keyRange, value: Node(.object(members.map { resolved($0) }), range: map.value.range))
    }

    private mutating func unresolved(_ node: Node, _ reason: String) -> Node {
        origins.unresolvedReasons[node.range.start.offset] = reason
        return node
    }

    /// Without the spaces and strip markers (`${~ var.x ~}`) around the expression.
    private static func trimmed(_ text: Substring) -> Substring {
        var text = text
        while let first = text.first, first == " " || first == "~" { text.removeFirst() }
        while let last = text.last, last == " " || last == "~" { text.removeLast() }
        return text
    }

    private static func isIdentifierCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "-"
    }
}
