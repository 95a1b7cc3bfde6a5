#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a Terraform or OpenTofu configuration file is written, told by its name as those tools tell it:
/// `.tf` and `.tofu` are HCL native syntax (`HCLParser`), `.tf.json` and `.tofu.json` are Terraform's JSON syntax
/// (`JSONParser`). Endings are matched exactly: Terraform does not load `main.TF`.
@_spi(Internals) public enum TerraformFileKind: String, Sendable, CaseIterable {
    case native
    case json

    /// The kind of the file at `path`, or nil when Terraform and OpenTofu would not load it as configuration.
    public static func of(path: String) -> TerraformFileKind? {
        // Over the bytes, one `memcmp` an ending: this runs three times for every file a folder run meets.
        var path = path
        return path.withUTF8 { bytes in
            for (ending, kind) in endings {
                let count = ending.count
                // The ending must leave a name before it (`.tf` alone, or `dir/.tf`, is not loaded).
                guard bytes.count > count, bytes[bytes.count - count - 1] != UInt8(ascii: "/"),
                      memcmp(bytes.baseAddress! + bytes.count - count, ending, count) == 0
                else { continue }
                return kind
            }
            return nil
        }
    }

    private static let endings: [([UInt8], TerraformFileKind)] = [
        (Array(".tf.json".utf8), .json), (Array(".tofu.json".utf8), .json), (Array(".tf".utf8), .native),
        (Array(".tofu".utf8), .native),
    ]
}
