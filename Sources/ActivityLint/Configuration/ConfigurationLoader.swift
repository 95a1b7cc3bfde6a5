import Foundation

/// Finds and reads `.activity-lint.yml`:
///
/// ```yaml
/// extends: ../shared/activity-lint.yml   # or a list; later files override earlier ones
/// disable: [name-cloudwatch-safe]
/// enable: [tag-value-missing]            # turns back on a rule an extended file disabled
/// severity:
///   tag-duplicate-pair: error            # error, warning, info or off
/// include: ["infra/**"]
/// exclude: ["**/fixtures/**"]
/// fail-on: warning                       # error (default) or warning
/// rules: [policies/payments.yml]         # rule packs, relative to this file
/// ```
public enum ConfigurationLoader {
    public static let fileName = ".activity-lint.yml"
    static let keys = ["extends", "disable", "enable", "severity", "include", "exclude", "fail-on", "rules"]

    /// The nearest configuration file in `directory` or a folder above it.
    public static func find(from directory: String) -> String? {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = url.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    /// Reads a configuration file and everything it extends.
    public static func load(path: String) throws(ConfigurationError) -> Configuration {
        var configuration = Configuration()
        configuration.file = path
        configuration.baseDirectory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try apply(path: path, to: &configuration, chain: [])
        return configuration
    }

    private static func apply(path: String, to configuration: inout Configuration, chain: [String]) throws(ConfigurationError) {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard !chain.contains(absolute) else {
            throw ConfigurationError(file: path, position: nil, message: "`extends` loops back to this file")
        }
        let document = try YAMLDocument.load(path: path)
        guard let root = document.root.members else {
            throw document.error("the configuration must be a mapping of settings", at: document.root)
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        for member in root where !keys.contains(member.key.text) {
            let hint = MemberSuggestion.closest(to: member.key.text, among: keys).map { "; did you mean `\($0)`?" } ?? ""
            throw document.error("unknown setting `\(member.key.text)`\(hint)", at: member.keyRange.start)
        }
        for base in try document.strings(document.root.memberValue("extends")) {
            let url = base.text.hasPrefix("/") ? URL(fileURLWithPath: base.text) : folder.appendingPathComponent(base.text)
            try apply(path: url.path, to: &configuration, chain: chain + [absolute])
        }
        for id in try document.strings(document.root.memberValue("disable")) {
            configuration.disabled.insert(id.text)
            configuration.ruleReferences.append((id.text, path, id.position))
        }
        for id in try document.strings(document.root.memberValue("enable")) {
            configuration.disabled.remove(id.text)
            configuration.ruleReferences.append((id.text, path, id.position))
        }
        if let severities = document.root.memberValue("severity") {
            guard let members = severities.members else { throw document.error("`severity` must map rule ids to severities", at: severities) }
            for member in members {
                configuration.ruleReferences.append((member.key.text, path, member.keyRange.start))
                let level = try document.string(member.value)
                if level.text == "off" {
                    configuration.disabled.insert(member.key.text)
                } else if let severity = Severity(rawValue: level.text) {
                    configuration.severities[member.key.text] = severity
                    configuration.disabled.remove(member.key.text)
                } else {
                    throw document.error("severity must be error, warning, info or off, not \(Quoting.code(level.text))", at: level.position)
                }
            }
        }
        configuration.include += try document.strings(document.root.memberValue("include")).map { Glob($0.text) }
        configuration.exclude += try document.strings(document.root.memberValue("exclude")).map { Glob($0.text) }
        if let failOn = document.root.memberValue("fail-on") {
            let level = try document.string(failOn)
            guard let severity = Severity(rawValue: level.text), severity != .info else {
                throw document.error("`fail-on` must be error or warning", at: level.position)
            }
            configuration.failOn = severity
        }
        for pack in try document.strings(document.root.memberValue("rules")) {
            let url = pack.text.hasPrefix("/") ? URL(fileURLWithPath: pack.text) : folder.appendingPathComponent(pack.text)
            configuration.rulePacks.append(url.standardizedFileURL.path)
        }
    }
}

/// A YAML file read for settings, with errors that point into it.
struct YAMLDocument {
    var path: String
    var source: SourceText
    var root: Node

    struct Text {
        var text: String
        var position: SourcePosition
    }

    static func load(path: String) throws(ConfigurationError) -> YAMLDocument {
        let bytes: [UInt8]
        switch InputReader.read(.file(path), displayPath: path) {
        case .success(let read): bytes = read
        case .failure(let failure): throw ConfigurationError(file: path, position: nil, message: failure.message)
        }
        let source = SourceText(bytes: bytes)
        if let problem = EncodingCheck.check(source).findings.first(where: { $0.ruleID == "invalid-encoding" }) {
            throw ConfigurationError(file: path, position: problem.range.start, message: problem.message)
        }
        let parsed = YAMLLoader.load(source)
        if let problem = parsed.findings.first(where: { $0.ruleID != "yaml-1-1-ambiguity" }) {
            throw ConfigurationError(file: path, position: problem.range.start, message: problem.message)
        }
        guard parsed.documents.count <= 1 else {
            throw ConfigurationError(file: path, position: parsed.documents[1].range.start,
                                     message: "expected one YAML document, found \(parsed.documents.count)")
        }
        return YAMLDocument(
            path: path, source: source,
            root: parsed.documents.first ?? Node(.object([]), range: SourceRange(at: .start)))
    }

    func error(_ message: String, at node: Node) -> ConfigurationError {
        error(message, at: node.range.start)
    }

    func error(_ message: String, at position: SourcePosition) -> ConfigurationError {
        ConfigurationError(file: path, position: position, message: message)
    }

    func string(_ node: Node) throws(ConfigurationError) -> Text {
        guard let string = node.string else { throw error("expected a string, found \(TypeDescription.article(node))", at: node) }
        return Text(text: string.text, position: node.range.start)
    }

    /// A string or a list of strings; nil gives an empty list.
    func strings(_ node: Node?) throws(ConfigurationError) -> [Text] {
        guard let node else { return [] }
        if node.string != nil { return [try string(node)] }
        guard let items = node.elements else {
            throw error("expected a list of strings, found \(TypeDescription.article(node))", at: node)
        }
        return try items.map { item throws(ConfigurationError) in try string(item) }
    }
}
