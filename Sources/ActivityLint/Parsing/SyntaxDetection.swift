/// Which parser reads an input: by file name ending, otherwise by its first significant character.
public enum Syntax: String, Sendable, CaseIterable {
    case json
    case yaml
    /// HCL native syntax: Terraform and OpenTofu `.tf` and `.tofu` files.
    case hcl

    public static func detect(path: String, bytes: [UInt8], contentOffset: Int) -> Syntax {
        if TerraformFileKind.of(path: path) == .native { return .hcl }
        let lowered = path.lowercased()
        if lowered.hasSuffix(".json") { return .json }
        if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") { return .yaml }
        let first = bytes[contentOffset...].first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[") ? .json : .yaml
    }

    /// `handoff` is for JSON only: elements of one top-level array handed over as they are parsed, not kept.
    func parse(_ source: SourceText, limits: ParseLimits, handoff: (any JSONElementHandoff)? = nil) -> ParsedSource {
        switch self {
        case .json: JSONParser.parse(source, limits: limits, handoff: handoff)
        case .yaml: YAMLLoader.load(source, limits: limits)
        case .hcl: TerraformConfigurationReader.read(source, limits: limits)
        }
    }
}
