// FoundationEssentials where it exists: full Foundation would link ICU's data into the binary (tens of MB).
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A CreateActivity request built in code, to lint before sending it with an AWS SDK.
///
/// ```swift
/// let request = CreateActivityRequest(name: "orders worker", tags: ["team": "payments"])
/// let problems = Linter.builtIn().lint(request: request).diagnostics.filter { $0.severity == .error }
/// // problems[0].ruleID == "name-forbidden-character", problems[0].exception == "InvalidName"
/// ```
public struct CreateActivityRequest: Sendable, Hashable {
    public struct Tag: Sendable, Hashable {
        public var key: String
        public var value: String

        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    public struct EncryptionConfiguration: Sendable, Hashable {
        public var type: String
        public var kmsKeyId: String?
        public var kmsDataKeyReusePeriodSeconds: Int?

        public init(type: String, kmsKeyId: String? = nil, kmsDataKeyReusePeriodSeconds: Int? = nil) {
            self.type = type
            self.kmsKeyId = kmsKeyId
            self.kmsDataKeyReusePeriodSeconds = kmsDataKeyReusePeriodSeconds
        }
    }

    public var name: String
    public var tags: [Tag]?
    public var encryptionConfiguration: EncryptionConfiguration?

    public init(name: String, tags: [Tag]? = nil, encryptionConfiguration: EncryptionConfiguration? = nil) {
        self.name = name
        self.tags = tags
        self.encryptionConfiguration = encryptionConfiguration
    }

    /// Tags from a dictionary, in key order (a dictionary cannot hold duplicate keys).
    public init(name: String, tags: [String: String], encryptionConfiguration: EncryptionConfiguration? = nil) {
        self.init(name: name, tags: tags.sorted { $0.key < $1.key }.map { Tag(key: $0.key, value: $0.value) },
                  encryptionConfiguration: encryptionConfiguration)
    }

    /// The request as the API's JSON, one member per line so positions in diagnostics are readable.
    public var json: String {
        var members = ["  \"name\": " + JSONStringEscaper.quoted(name)]
        if let tags {
            let entries = tags.map {
                "    {\"key\": \(JSONStringEscaper.quoted($0.key)), \"value\": \(JSONStringEscaper.quoted($0.value))}"
            }
            members.append("  \"tags\": [\n" + entries.joined(separator: ",\n") + "\n  ]")
        }
        if let encryption = encryptionConfiguration {
            var fields = ["\"type\": " + JSONStringEscaper.quoted(encryption.type)]
            if let key = encryption.kmsKeyId { fields.append("\"kmsKeyId\": " + JSONStringEscaper.quoted(key)) }
            if let period = encryption.kmsDataKeyReusePeriodSeconds { fields.append("\"kmsDataKeyReusePeriodSeconds\": \(period)") }
            members.append("  \"encryptionConfiguration\": {" + fields.joined(separator: ", ") + "}")
        }
        return "{\n" + members.joined(separator: ",\n") + "\n}\n"
    }
}

extension Linter {
    /// Lints a request built in code. Diagnostics point into `request.json`; use their `pointer`
    /// (`/tags/3/key`) to find the member in your own data.
    public func lint(request: CreateActivityRequest) -> FileResult {
        lint(text: request.json, path: "<request>", syntax: .json)
    }

    /// Lints request bytes, JSON or YAML (chosen by `path`'s ending, else by the first character).
    public func lint(data: Data, path: String = "<memory>", syntax: Syntax? = nil) -> FileResult {
        lint(bytes: [UInt8](data), path: path, syntax: syntax)
    }
}
