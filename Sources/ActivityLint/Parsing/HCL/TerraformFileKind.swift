/// How a Terraform or OpenTofu configuration file is written, told by its name as those tools tell it:
/// `.tf` and `.tofu` are HCL native syntax (`HCLParser`), `.tf.json` and `.tofu.json` are Terraform's JSON syntax
/// (`JSONParser`). Endings are matched exactly: Terraform does not load `main.TF`.
@_spi(Internals) public enum TerraformFileKind: String, Sendable, CaseIterable {
    case native
    case json

    /// The kind of the file at `path`, or nil when Terraform and OpenTofu would not load it as configuration.
    public static func of(path: String) -> TerraformFileKind? {
        // Over the bytes: this runs for every file a folder run meets.
        var path = path
        return path.withUTF8 { bytes in
            for (ending, kind) in endings {
                let count = ending.utf8.count
                // The ending must leave a name before it (`.tf` alone, or `dir/.tf`, is not loaded).
                guard bytes.count > count, bytes[bytes.count - count - 1] != UInt8(ascii: "/"),
                      bytes.suffix(count).elementsEqual(ending.utf8)
                else { continue }
                return kind
            }
            return nil
        }
    }

    private static let endings: [(String, TerraformFileKind)] = [
        (".tf.json", .json), (".tofu.json", .json), (".tf", .native), (".tofu", .native),
    ]
}
