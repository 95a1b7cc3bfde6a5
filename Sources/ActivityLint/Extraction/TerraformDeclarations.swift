/// What one configuration file declares that a resource's values may refer to: variables with their defaults,
/// local values, the `aws` provider configurations, and in an override file the `aws_sfn_activity` blocks that
/// change resources of other files. Read once per file.
struct TerraformDeclarations: Sendable {
    enum Kind: Sendable, Hashable {
        case variable, local, provider
    }

    /// `variable "x"` blocks' bodies by name (the first of a repeated name: Terraform refuses the repetition).
    let variables: [String: Node]
    let locals: [String: Node]
    /// The `aws` provider configurations by alias ("" for the default one).
    let providers: [String: Node]
    /// In an override file, its `aws_sfn_activity` blocks by name: they change the resources of that name.
    let activityOverrides: [String: [Node]]

    init(_ document: Node, isOverride: Bool = false) {
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
        var activityOverrides: [String: [Node]] = [:]
        if isOverride {
            for resources in TerraformBlocks.objects(named: "resource", in: document, at: "") {
                for byName in TerraformBlocks.objects(named: TerraformConfigurationExtractor.resourceType, in: resources.node, at: "") {
                    for member in byName.node.members ?? [] {
                        activityOverrides[member.key.text, default: []] += TerraformBlocks.objects(of: member.value, at: "").map(\.node)
                    }
                }
            }
        }
        self.variables = variables
        self.locals = locals
        self.providers = providers
        self.activityOverrides = activityOverrides
    }

    var isEmpty: Bool { variables.isEmpty && locals.isEmpty && providers.isEmpty && activityOverrides.isEmpty }

    func declared(_ kind: Kind) -> [String: Node] {
        switch kind {
        case .variable: variables
        case .local: locals
        case .provider: providers
        }
    }
}
