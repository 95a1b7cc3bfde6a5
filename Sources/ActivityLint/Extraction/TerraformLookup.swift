/// Looks up what a resource's arguments refer to in its module, as Terraform would without running anything: a
/// value that is exactly `var.x` (`"${var.x}"`) is the variable's literal `default`, one that is exactly `local.x`
/// the local's literal value, wherever in the module they are declared. Anything else computed stays computed,
/// with the reason `unresolved-value` gives. A value from another file is placed in a zone of its own
/// (`ForeignValueZones`), so that its findings are told where this file uses it.
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
        let kind: TerraformDeclarations.Kind
        switch parts[0] {
        case "var": kind = .variable
        case "local": kind = .local
        default: return node
        }
        let reference = "`\(parts[0]).\(parts[1])`"
        let block = kind == .variable ? "declared in no `variable` block" : "defined in no `locals` block"
        let declaration: TerraformModule.Declaration
        switch module.lookup(kind, String(parts[1])) {
        case .missing:
            let scope = module.others == nil
                ? "of this file (the module's other files are not read)" : "of this module (the Terraform files of its folder)"
            return unresolved(node, "is \(reference), \(block) \(scope): checks that need its value are skipped")
        case .repeated(let files):
            let names = files.map { $0 ?? "this file" }
            return unresolved(node, "is \(reference), declared in both \(names.joined(separator: " and ")): Terraform "
                + "refuses a repeated declaration, and checks that need its value are skipped")
        case .found(let found):
            declaration = found
        }
        guard let value = kind == .variable ? declaration.node.memberValue("default") : declaration.node else {
            return unresolved(node, "is \(reference), whose variable has no `default`: its value "
                + "comes at plan time, and checks that need it are skipped")
        }
        guard TemplateSyntax.terraform.isStatic(value) else {
            return unresolved(node, "is \(reference), whose value is not a literal: checks that need "
                + "its value are skipped")
        }
        let what = kind == .variable ? "the default of \(reference)" : reference
        guard let file = declaration.file else {
            origins.origins.append(ValueOrigins.Origin(
                range: value.range, remark: "the value comes from \(what)",
                use: RelatedLocation(file: "", range: node.range, message: "\(reference) is used here")))
            return value
        }
        let there = kind == .variable ? what : "the value of \(reference)"
        guard let placed = origins.zones.place(value, for: ForeignValueZones.Zone(file: file, what: there, use: node.range))
        else {
            return unresolved(node, "is \(reference): the request uses too many values of other files to say where "
                + "each is, and checks that need its value are skipped")
        }
        origins.origins.append(ValueOrigins.Origin(range: placed.range, remark: "the value comes from \(what)", use: nil))
        return placed
    }

    /// The resource's body as the module's override files leave it: an argument they set replaces the resource's,
    /// a nested block type they write replaces all its blocks of that type (Terraform's merging). What they set is
    /// in zones of their files, told where the resource has the member it replaces (else at its start).
    mutating func overridden(_ body: Node, resource name: String) -> Node {
        let overrides = module.activityOverrides(of: name)
        guard !overrides.isEmpty, let original = body.members else { return body }
        var members = original.array
        for override in overrides {
            guard let file = override.file, let set = override.node.members else { continue }
            let keys = Set(set.map(\.key.text))
            members.removeAll { keys.contains($0.key.text) }
            for member in set {
                let replaced = original.last { $0.key.text == member.key.text }
                let use = replaced.map { SourceRange(start: $0.keyRange.start, end: $0.value.range.end) }
                    ?? SourceRange(at: body.range.start)
                let span = SourceRange(start: member.keyRange.start, end: member.value.range.end)
                let zone = ForeignValueZones.Zone(file: file, what: "set by this override", use: use)
                guard let placed = origins.zones.place(Node(.object([member]), range: span), for: zone),
                      let placedMember = placed.members?.first
                else { continue }
                origins.origins.append(ValueOrigins.Origin(
                    range: placed.range, remark: "the value comes from an override file", use: nil))
                members.append(placedMember)
            }
        }
        return Node(.object(Node.Members(members)), range: body.range)
    }

    /// The resource's `tags` with the provider configuration's `default_tags` merged in as the provider makes
    /// `tags_all`: a resource tag replaces the default tag with its key. Nil when neither has tags.
    /// `use` is where the resource takes them, for findings about default tags of another file.
    mutating func mergedTags(of body: Node, provider alias: String?, use: SourceRange) -> Node.Member? {
        let own = body.member("tags").map { resolvedMap($0) }
        guard let defaults = defaultTags(alias: alias, use: use), !defaults.members.isEmpty else { return own }
        guard let own else {
            return Node.Member(
                key: StringValue(text: "tags", contentStart: defaults.range.start), keyRange: defaults.range,
                value: Node(.object(defaults.members), range: defaults.range))
        }
        // Computed resource tags: what is merged is unknown; `unresolved-value` says so.
        guard let ownMembers = own.value.members else { return own }
        let ownKeys = Set(ownMembers.map(\.key.text))
        let merged = defaults.members.filter { !ownKeys.contains($0.key.text) } + ownMembers
        return Node.Member(
            key: own.key, keyRange: own.keyRange, value: Node(.object(Node.Members(merged)), range: own.value.range))
    }

    /// The literal `default_tags { tags = {…} }` of the `aws` provider configuration with `alias` (the default
    /// configuration for nil), its members noted as coming from the provider.
    private mutating func defaultTags(alias: String?, use: SourceRange) -> (members: Node.Members, range: SourceRange)? {
        // A provider configured twice is refused by Terraform: its default tags are not guessed.
        guard case .found(let provider) = module.lookup(.provider, alias ?? ""),
              let block = TerraformBlocks.objects(named: "default_tags", in: provider.node, at: "").first?.node,
              var tags = block.memberValue("tags")
        else { return nil }
        let name = alias.map { "aws.\($0)" } ?? "aws"
        let remark = "a default tag of the provider `\(name)`"
        if let file = provider.file {
            guard let placed = origins.zones.place(tags, for: ForeignValueZones.Zone(file: file, what: remark, use: use))
            else { return nil }
            tags = placed
        }
        let value = resolvedMap(Node.Member(key: StringValue(text: "tags", contentStart: tags.range.start),
                                            keyRange: tags.range, value: tags)).value
        guard let members = value.members else { return nil }
        origins.origins.append(ValueOrigins.Origin(range: value.range, remark: remark, use: nil))
        return (members, value.range)
    }

    /// A map looked up, and each of its values.
    private mutating func resolvedMap(_ member: Node.Member) -> Node.Member {
        let map = resolved(member)
        guard let members = map.value.members else { return map }
        return Node.Member(
            key: map.key, keyRange: map.keyRange,
            value: Node(.object(Node.Members(members.map { resolved($0) })), range: map.value.range))
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
