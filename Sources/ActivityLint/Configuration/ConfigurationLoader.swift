// FoundationEssentials where it exists: full Foundation would link ICU's data into the binary (tens of MB).
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
        try load(path: path, namedBy: nil)
    }

    /// A configuration from its bytes, as if read from `path` (what it extends is read relative to it).
    public static func parse(_ bytes: [UInt8], path: String) throws(ConfigurationError) -> Configuration {
        try load(path: path, namedBy: nil, bytes: bytes)
    }

    static func load(
        path: String, namedBy reference: SettingsFile.Reference?, bytes: [UInt8]? = nil
    ) throws(ConfigurationError) -> Configuration {
        var problems = ProblemList()
        let configuration = load(path: path, namedBy: reference, bytes: bytes, problems: &problems)
        try problems.check()
        return configuration
    }

    /// What the files that could be read say, every problem of every file recorded in `problems`.
    static func load(
        path: String, namedBy reference: SettingsFile.Reference?, bytes: [UInt8]? = nil, problems: inout ProblemList
    ) -> Configuration {
        var configuration = Configuration()
        configuration.file = path
        configuration.baseDirectory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let graph = ExtendsGraph(root: path, namedBy: reference, bytes: bytes)
        var found = ProblemList()
        for problem in graph.problems { found.record(problem) }
        for (document, reference) in graph.order {
            var settings = ProblemList()
            apply(document, to: &configuration, problems: &settings)
            found.attempt { () throws(ConfigurationError) in
                try SettingsFile.within(document.path, namedBy: reference) { () throws(ConfigurationError) in
                    try settings.check()
                }
            }
        }
        for problem in found.inReadingOrder { problems.record(problem) }
        return configuration
    }

    /// Reads one file of an `extends` graph (or takes its bytes). Its unknown keys go to `problems`: the file's
    /// other settings still apply, so that their mistakes are reported in the same run.
    static func read(
        path: String, namedBy reference: SettingsFile.Reference?, bytes: [UInt8]? = nil, problems: inout ProblemList
    ) throws(ConfigurationError) -> YAMLDocument {
        let document = if let bytes {
            try YAMLDocument.parse(bytes, path: path)
        } else {
            try YAMLDocument.load(path: path, as: .configuration, namedBy: reference)
        }
        var unknown = ProblemList()
        try SettingsFile.within(path, namedBy: reference) { () throws(ConfigurationError) in
            guard let root = document.root.members else {
                throw document.error("the configuration must be a mapping of settings", at: document.root)
            }
            for member in root where !keys.contains(member.key.text) {
                let hint = MemberSuggestion.closest(to: member.key.text, among: keys).map { "; did you mean `\($0)`?" } ?? ""
                unknown.record(document.error("unknown setting \(Quoting.name(member.key.text))\(hint)", at: member.keyRange.start))
            }
        }
        problems.attempt { () throws(ConfigurationError) in
            try SettingsFile.within(path, namedBy: reference) { () throws(ConfigurationError) in try unknown.check() }
        }
        return document
    }

    /// The paths a file's `extends` names, with where each is named.
    static func bases(of document: YAMLDocument) throws(ConfigurationError) -> [(path: String, reference: SettingsFile.Reference)] {
        try document.strings(document.root.memberValue("extends")).map { base in
            (document.resolve(base.text),
             SettingsFile.Reference(key: "extends", file: document.path, position: base.position, written: base.text))
        }
    }

    /// One file's own settings (not its `extends`, which the graph has already applied before it). A setting
    /// with a mistake is recorded in `problems` and the others still apply, so that every mistake is reported.
    private static func apply(_ document: YAMLDocument, to configuration: inout Configuration, problems: inout ProblemList) {
        let path = document.path
        func strings(_ key: String) -> [YAMLDocument.Text] {
            problems.attempt { () throws(ConfigurationError) in try document.strings(document.root.memberValue(key)) } ?? []
        }
        for id in strings("disable") {
            configuration.disabled.insert(id.text)
            configuration.ruleReferences.append((id.text, path, id.position))
        }
        for id in strings("enable") {
            configuration.disabled.remove(id.text)
            configuration.ruleReferences.append((id.text, path, id.position))
        }
        if let severities = document.root.memberValue("severity") {
            if severities.members == nil {
                problems.record(document.error("`severity` must map rule ids to severities", at: severities))
            }
            for member in severities.members ?? [] {
                configuration.ruleReferences.append((member.key.text, path, member.keyRange.start))
                guard let level = problems.attempt({ () throws(ConfigurationError) in try document.string(member.value) }) else {
                    continue
                }
                if level.text == "off" {
                    configuration.disabled.insert(member.key.text)
                } else if let severity = Severity(rawValue: level.text) {
                    configuration.severities[member.key.text] = severity
                    configuration.disabled.remove(member.key.text)
                } else {
                    problems.record(document.error(
                        "severity must be error, warning, info or off, not \(Quoting.name(level.text))", at: level.position))
                }
            }
        }
        configuration.include += strings("include").map { Glob($0.text) }
        configuration.exclude += strings("exclude").map { Glob($0.text) }
        if let failOn = document.root.memberValue("fail-on"),
           let level = problems.attempt({ () throws(ConfigurationError) in try document.string(failOn) }) {
            if let severity = Severity(rawValue: level.text), severity != .info {
                configuration.failOn = severity
            } else {
                problems.record(document.error("`fail-on` must be error or warning", at: level.position))
            }
        }
        for pack in strings("rules") {
            let packPath = URL(fileURLWithPath: document.resolve(pack.text)).standardizedFileURL.path
            configuration.rulePacks.append(packPath)
            configuration.rulePackReferences[packPath] = SettingsFile.Reference(
                key: "rules", file: path, position: pack.position, written: pack.text)
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

    static func load(
        path: String, as kind: SettingsFile.Kind, namedBy reference: SettingsFile.Reference?
    ) throws(ConfigurationError) -> YAMLDocument {
        let bytes = try SettingsFile.read(path, as: kind, namedBy: reference)
        return try SettingsFile.within(path, namedBy: reference) { () throws(ConfigurationError) in
            try parse(bytes, path: path)
        }
    }

    /// Parser errors are told by line, column and a generic reason only (see `SettingsFile.syntaxError`).
    static func parse(_ bytes: [UInt8], path: String) throws(ConfigurationError) -> YAMLDocument {
        let source = SourceText(bytes: bytes)
        if let problem = EncodingCheck.check(source).findings.first(where: { $0.ruleID == "invalid-encoding" }) {
            throw SettingsFile.syntaxError(problem, in: path, format: "YAML")
        }
        let parsed = YAMLLoader.load(source)
        if let problem = parsed.findings.first(where: { $0.ruleID != "yaml-1-1-ambiguity" }) {
            throw SettingsFile.syntaxError(problem, in: path, format: "YAML")
        }
        guard parsed.documents.count <= 1 else {
            throw ConfigurationError(file: path, position: parsed.documents[1].range.start,
                                     message: "expected one YAML document, found \(parsed.documents.count)")
        }
        return YAMLDocument(
            path: path, source: source,
            root: parsed.documents.first ?? Node(.object([]), range: SourceRange(at: .start)))
    }

    /// A path the file names, relative to the file's folder unless absolute.
    func resolve(_ named: String) -> String {
        named.hasPrefix("/") ? named : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(named).path
    }

    func error(_ message: String, at node: Node) -> ConfigurationError {
        error(message, at: node.range.start)
    }

    func error(_ message: String, at position: SourcePosition) -> ConfigurationError {
        ConfigurationError(file: path, position: position, message: message)
    }

    func string(_ node: Node) throws(ConfigurationError) -> Text {
        guard let string = node.string else { throw error("expected a string, found \(TypeDescription.kind(node))", at: node) }
        return Text(text: string.text, position: node.range.start)
    }

    /// A string or a list of strings; nil gives an empty list.
    func strings(_ node: Node?) throws(ConfigurationError) -> [Text] {
        guard let node else { return [] }
        if node.string != nil { return [try string(node)] }
        guard let items = node.elements else {
            throw error("expected a list of strings, found \(TypeDescription.kind(node))", at: node)
        }
        var problems = ProblemList()
        let texts = items.compactMap { item in problems.attempt { () throws(ConfigurationError) in try string(item) } }
        try problems.check()
        return texts
    }
}
