/// How a source writes values computed by functions at deploy time: CloudFormation's intrinsic functions
/// (`{"Ref": …}`, `!Sub`, `Fn::GetAtt`) or Pulumi YAML's built-ins (`fn::join`, `fn::invoke`). Such a value is
/// no linter's to know; only an `Fn::Sub` template has literal text to check.
@_spi(Internals) public struct FunctionSyntax: Sendable {
    private let kind: Kind

    private enum Kind { case cloudFormation, pulumi }

    public static let cloudFormation = FunctionSyntax(kind: .cloudFormation)
    public static let pulumi = FunctionSyntax(kind: .pulumi)

    /// The function's name when `node` is a call of one (`Ref`, `Fn::Sub`, `fn::join`), nil otherwise.
    func functionName(_ node: Node) -> String? {
        switch kind {
        case .cloudFormation:
            return Intrinsic.functionName(node)
        case .pulumi:
            // A single-member object whose key starts with `fn::`, in any letter case, as Pulumi YAML reads it.
            guard let members = node.members, members.count == 1 else { return nil }
            let key = members[0].key.text
            return key.utf8.count > 4 && key.prefix(4).lowercased() == "fn::" ? key : nil
        }
    }

    /// The template string of an `Fn::Sub`; Pulumi has none (its strings are templates themselves).
    func subTemplate(_ node: Node) -> Node? {
        kind == .cloudFormation ? Intrinsic.subTemplate(node) : nil
    }
}
