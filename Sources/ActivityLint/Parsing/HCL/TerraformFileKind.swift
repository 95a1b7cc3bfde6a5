/// How a Terraform or OpenTofu configuration file is written, told by its name as those tools tell it:
/// `.tf` and `.tofu` are HCL native syntax (`HCLParser`), `.tf.json` and `.tofu.json` are Terraform's JSON syntax
/// (`JSONParser`). Endings are matched exactly: Terraform does not load `main.TF`.
@_spi(Internals) public enum TerraformFileKind: String, Sendable, CaseIterable {
    case native
    case json

    /// The kind of the file at `path`, or nil when Terraform and OpenTofu would not load it as configuration.
    public static func of(path: String) -> TerraformFileKind? {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        for (ending, kind) in endings where name.hasSuffix(ending) && name.utf8.count > ending.utf8.count {
            return kind
        }
        return nil
    }

    private static let endings: [(String, TerraformFileKind)] = [
        (".tf.json", .json), (".tofu.json", .json), (".tf", .native), (".tofu", .native),
    ]
}
