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

/// What one configuration file declares that a resource's values may refer to: variables with their defaults,
/// local values, and the `aws` provider configurations' default tags. Read once per file.
struct TerraformModule: Sendable {
    /// `variable "x"` blocks' bodies by name (the first of a repeated name: Terraform refuses the repetition).
    let variables: [String: Node]
    let locals: [String: Node]
    /// The `aws` provider configurations by alias ("" for the default one).
    let providers: [String: Node]

    init(_ document: Node) {
        var variables: [String: Node] = [:]
        for block in TerraformBlocks.objects(named: "variable", in: document, at: "") {
            for member in block.node.members ?? [] where variables[member.key.text] == nil {
                variables[member.key.text] = member.value
            }
        }
        var locals: [String: Node] = [:]
        for block in TerraformBlocks.objects(named: "locals", in: document, at: "") {
            for member in block.node.members ?? [] where locals[member.key.text] == nil {
                locals[member.key.text] = member.value
            }
        }
        var providers: [String: Node] = [:]
        for block in TerraformBlocks.objects(named: "provider", in: document, at: "") {
            for configuration in TerraformBlocks.objects(named: "aws", in: block.node, at: "") {
                let alias = configuration.node.memberValue("alias")?.string?.text ?? ""
                if providers[alias] == nil { providers[alias] = configuration.node }
            }
        }
        self.variables = variables
        self.locals = locals
        self.providers = providers
    }
}
