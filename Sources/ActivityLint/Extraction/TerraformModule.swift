/// Terraform's JSON shape, where a block's body may be an object or a list of objects (`"provider": {"aws": [{…},
/// {"alias": "west", …}]}`) and a `.tf` file read by `HCLJSONShape` repeats a member once per block.
enum TerraformBlocks {
    /// The objects of every member `name` of `object`, with their JSON Pointers.
    static func objects(named name: String, in object: Node, at pointer: String) -> [(node: Node, pointer: String)] {
        guard case .object(let members) = object.value else { return [] }
        let memberPointer = JSONPointer.appending(name, to: pointer)
        return members.filter { $0.key.text == name }.flatMap { objects(of: $0.value, at: memberPointer) }
    }

    /// `node` when it is an object, the objects of a list, else none.
    static func objects(of node: Node, at pointer: String) -> [(node: Node, pointer: String)] {
        switch node.value {
        case .object: [(node, pointer)]
        case .array(let elements):
            elements.enumerated().compactMap { index, element in
                element.members != nil ? (element, JSONPointer.appending(index, to: pointer)) : nil
            }
        default: []
        }
    }
}

/// The module a configuration file belongs to, as its resources' references see it: the file's own declarations
/// and those of the other files of its folder (`TerraformModuleFiles`), as Terraform merges them.
///
/// A name declared in two ordinary files is refused by Terraform, so it is not looked up (`repeated`). Override
/// files (`override.tf`, `*_override.tf` and their `.tofu`/`.tf.json` forms) replace what they set: a variable's
/// `default`, a local's value, a provider's `default_tags`; the last override in file-name order wins, and an
/// override with no ordinary declaration to override is refused by Terraform (`missing`).
struct TerraformModule {
    /// A declaration and the module file it is in (nil: the file being linted).
    struct Declaration {
        let node: Node
        let file: String?
    }

    enum Lookup {
        case found(Declaration)
        case missing
        /// Declared in several ordinary files (nil: the file being linted).
        case repeated(files: [String?])
    }

    let own: TerraformDeclarations
    /// The module's files other than this one; nil when they are not read (text linted on its own).
    let others: TerraformModuleFiles?
    /// The linted file's name (`TerraformModuleFiles.key(ofFile:)`), so the module's copy of it is not read again.
    let ownKey: String
    let ownIsOverride: Bool

    init(_ document: Node, fileName: String = "", others: TerraformModuleFiles? = nil) {
        own = TerraformDeclarations(document)
        self.others = others
        ownKey = TerraformModuleFiles.key(ofFile: fileName)
        ownIsOverride = TerraformModuleFiles.isOverride(fileName)
    }

    func lookup(_ kind: TerraformDeclarations.Kind, _ name: String) -> Lookup {
        var ordinary: [Declaration] = []
        var overrides: [Declaration] = []
        if let node = own.declared(kind)[name] {
            if ownIsOverride { overrides.append(Declaration(node: node, file: nil)) } else { ordinary.append(Declaration(node: node, file: nil)) }
        }
        for file in others?.declaring(kind, name) ?? [] where file.key != ownKey {
            guard let node = file.declarations.declared(kind)[name] else { continue }
            let declaration = Declaration(node: node, file: file.display)
            if file.isOverride { overrides.append(declaration) } else { ordinary.append(declaration) }
        }
        guard ordinary.count < 2 else { return .repeated(files: ordinary.map(\.file)) }
        guard let base = ordinary.first else { return .missing }
        let replaced: String? = switch kind {
        case .variable: "default"
        case .provider: "default_tags"
        case .local: nil
        }
        let override = overrides.last { override in replaced.map { override.node.memberValue($0) != nil } ?? true }
        return .found(override ?? base)
    }

    /// The `aws_sfn_activity` blocks of the module's override files that change the resource `name`, in file-name
    /// order (an override file's own blocks change resources of other files, not themselves).
    func activityOverrides(of name: String) -> [Declaration] {
        guard !ownIsOverride, let others else { return [] }
        return others.overrides.filter { $0.key != ownKey }.flatMap { file in
            (file.declarations.activityOverrides[name] ?? []).map { Declaration(node: $0, file: file.display) }
        }
    }
}
