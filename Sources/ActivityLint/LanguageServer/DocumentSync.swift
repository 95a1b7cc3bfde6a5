/// A document the server tracks: its text, what it is, and its diagnostics as last linted.
struct TrackedDocument {
    var document: OpenDocument
    /// From the client's language id, else from the path (as the command line chooses a parser).
    var syntax: Syntax?
    /// The current text's findings before the rules across files, kept to compare it again when another file changes.
    var checked: DocumentLinting.Checked?
    /// The findings split by resource once the document is edited, to re-check only what an edit touches.
    var template: IncrementalTemplate?
    /// Whether the document was changed since it was opened.
    var isEdited = false
    var diagnostics: [Diagnostic] = []
    /// Whether `diagnostics` are of the current text.
    var isLinted = false

    var isYAML: Bool { effectiveSyntax == .yaml }

    var effectiveSyntax: Syntax {
        syntax ?? Syntax.detect(path: document.path ?? "", bytes: document.bytes, contentOffset: document.source.contentOffset)
    }

    static func syntax(languageID: String?) -> Syntax? {
        switch languageID {
        case "json", "jsonc": .json
        case "yaml": .yaml
        case "terraform", "opentofu": .hcl
        default: nil
        }
    }
}

/// Text document synchronisation, linting and publishing.
extension LanguageServer {
    func didOpen(_ params: JSONValue?) -> Bool {
        guard let item = params?["textDocument"], let uri = item["uri"]?.string, let text = item["text"]?.string
        else { return false }
        let document = OpenDocument(uri: uri, version: item["version"]?.integer, text: text)
        documents[uri] = TrackedDocument(document: document, syntax: TrackedDocument.syntax(languageID: item["languageId"]?.string))
        lintAndPublish(uri)
        return true
    }

    func didChange(_ params: JSONValue?) -> Bool {
        guard let uri = params?["textDocument"]?["uri"]?.string, let changes = params?["contentChanges"]?.array,
              var tracked = documents[uri]
        else { return false }
        // Applied in order, each to the text the one before left (the protocol's rule for a list of changes).
        for change in changes {
            guard tracked.document.apply(change, encoding: encoding) else { return false }
        }
        tracked.document.version = params?["textDocument"]?["version"]?.integer ?? tracked.document.version
        tracked.isLinted = false
        tracked.isEdited = true
        documents[uri] = tracked
        due[uri] = .now + options.debounce
        return true
    }

    func didSave(_ params: JSONValue?) -> Bool {
        guard let uri = params?["textDocument"]?["uri"]?.string else { return false }
        // A saved configuration or rule pack changes what every document is linted with.
        if let path = DocumentURI.path(uri),
           path.hasSuffix("/" + ConfigurationLoader.fileName) || linting.configurationFiles.contains(path)
        {
            reloadConfigurations()
        } else if documents[uri]?.isLinted == false {
            due[uri] = nil
            lintAndPublish(uri)
        }
        return true
    }

    func didClose(_ params: JSONValue?) -> Bool {
        guard let uri = params?["textDocument"]?["uri"]?.string else { return false }
        let path = documents[uri]?.document.path
        documents[uri] = nil
        due[uri] = nil
        // The file on disk takes the closed text's place among the files compared.
        if let path { diskFileChanged(path) }
        // Configuration errors stay shown while the configuration is broken, open or not.
        let remaining = DocumentURI.path(uri).flatMap { linting.configurationErrors[$0] } ?? []
        publish(uri: uri, version: nil, diagnostics: remaining.map { configurationDiagnostic($0, text: nil) })
        return true
    }

    /// Loads every configuration again, reads the workspace's files again, then re-lints every open document and
    /// updates the configuration errors.
    func reloadConfigurations() {
        linting.reload()
        for uri in documents.keys {
            documents[uri]?.isLinted = false
            documents[uri]?.template = nil
        }
        scanWorkspace()
        for uri in documents.keys.sorted() {
            due[uri] = nil
            lintAndPublish(uri)
        }
        publishConfigurationErrors()
    }

    /// Lints the document's current text if it changed, and publishes its diagnostics.
    func lintAndPublish(_ uri: String) {
        guard lint(uri) != nil else { return }
        publishDiagnostics(of: uri)
        publishConfigurationErrors()
    }

    /// Publishes the document's diagnostics as last linted, with the errors of a configuration it is.
    func publishDiagnostics(of uri: String) {
        guard let tracked = documents[uri] else { return }
        let document = tracked.document
        let converter = PositionConverter(source: document.source, encoding: encoding)
        let protocolDiagnostics = ProtocolDiagnostics(
            tracked.diagnostics, converter: converter, documentFile: document.path ?? "untitled", documentURI: uri,
            uri: uri(forFile:))
        var published = tracked.diagnostics.map(protocolDiagnostics.json)
        if let path = document.path {
            published += (linting.configurationErrors[path] ?? []).map { configurationDiagnostic($0, text: document.source) }
        }
        publish(uri: uri, version: document.version, diagnostics: published)
    }

    /// The document with diagnostics of its current text (linting it if need be). A document whose requests
    /// changed is put in the workspace's summary, and the open documents after it that share a changed name are
    /// compared again and published when their diagnostics change.
    func lint(_ uri: String) -> TrackedDocument? {
        guard var tracked = documents[uri] else { return nil }
        if !tracked.isLinted {
            let path = tracked.document.path
            var checked = check(&tracked)
            checked.keepOnly(source: tracked.document.source)
            let changed = path.map { workspace.update($0, activities: checked.file.activities) } ?? []
            tracked.checked = checked
            tracked.diagnostics = compared(checked, path: path)
            tracked.isLinted = true
            documents[uri] = tracked
            if let path { compareAgain(after: path, names: changed) }
        }
        return tracked
    }

    /// The document's findings: from the split by resource when the edit allows it, else from a full lint, which
    /// is split for the next edit once the document is being edited (a document only opened is linted once).
    private func check(_ tracked: inout TrackedDocument) -> DocumentLinting.Checked {
        let source = tracked.document.source
        if source.bytes.count <= options.limits.maxFileSize, let linter = tracked.template?.linter,
           let file = tracked.template?.apply(source)
        {
            return DocumentLinting.Checked(file: file, linter: linter)
        }
        let path = tracked.document.path
        let checked = linting.check(path: path, bytes: source.bytes, syntax: tracked.syntax)
        tracked.template = tracked.isEdited
            ? IncrementalTemplate(
                checked.file, source: source, path: path ?? "untitled", syntax: tracked.effectiveSyntax,
                linter: checked.linter)
            : nil
        return checked
    }

    func publish(uri: String, version: Int?, diagnostics: [JSONValue]) {
        var params: [(String, JSONValue)] = [("uri", .string(uri))]
        if let version { params.append(("version", .integer(version))) }
        params.append(("diagnostics", .array(diagnostics)))
        send(JSONRPC.notification("textDocument/publishDiagnostics", .object(params)))
    }

    /// Shows each broken configuration on its own file when what is broken changed, and clears fixed files. An
    /// open file gets its configuration errors with its own diagnostics (see `lintAndPublish`).
    func publishConfigurationErrors() {
        let current = linting.configurationErrors.mapValues { $0.map(\.description) }
        guard current != publishedConfigurationErrors else { return }
        let openPaths = Set(documents.values.compactMap(\.document.path))
        for file in Set(current.keys).union(publishedConfigurationErrors.keys).sorted()
        where current[file] != publishedConfigurationErrors[file] && !openPaths.contains(file) {
            let errors = linting.configurationErrors[file] ?? []
            let bytes = try? InputReader.read(.file(file), displayPath: file, maxBytes: options.limits.maxFileSize).get()
            let text = SourceText(bytes: bytes ?? [])
            publish(uri: uri(forFile: file), version: nil, diagnostics: errors.map { configurationDiagnostic($0, text: text) })
        }
        publishedConfigurationErrors = current
    }

    /// A configuration error as a diagnostic on its file; `text` places it (nil: at the start of the file).
    func configurationDiagnostic(_ error: ConfigurationError, text: SourceText?) -> JSONValue {
        var start = ProtocolPosition(line: 0, character: 0)
        if let position = error.position, let text {
            let offset = text.bytes.isEmpty ? 0 : text.offset(line: position.line, column: position.column)
            start = PositionConverter(source: text, encoding: encoding).position(of: offset)
        }
        return .object([
            ("range", .object([("start", start.json), ("end", start.json)])),
            ("severity", .integer(1)),
            ("code", .string("invalid-configuration")),
            ("source", .string(ProtocolDiagnostics.source)),
            ("message", .string(error.message + "; activity-lint keeps using the last configuration that loaded")),
        ])
    }

    /// The URI the client knows a file by: an open document's own, else a `file:` URI of the path.
    func uri(forFile path: String) -> String {
        documents.values.first { $0.document.path == path }?.document.uri ?? DocumentURI.uri(path)
    }

    /// `textDocument/codeAction`: nil when the parameters are not a document and a range.
    func codeActions(_ params: JSONValue?) -> [JSONValue]? {
        guard let uri = params?["textDocument"]?["uri"]?.string,
              let start = ProtocolPosition(params?["range"]?["start"]), let end = ProtocolPosition(params?["range"]?["end"])
        else { return nil }
        // Actions are built from the current text's diagnostics: a document changed since the last lint is linted now.
        if documents[uri]?.isLinted == false {
            due[uri] = nil
            lintAndPublish(uri)
        }
        guard let tracked = documents[uri] else { return [] }
        let protocolDiagnostics = ProtocolDiagnostics(
            tracked.diagnostics, converter: PositionConverter(source: tracked.document.source, encoding: encoding),
            documentFile: tracked.document.path ?? "untitled", documentURI: uri, uri: uri(forFile:))
        let only = params?["context"]?["only"]?.array?.compactMap(\.string)
        let actions = CodeActions(
            document: tracked.document, diagnostics: tracked.diagnostics, protocolDiagnostics: protocolDiagnostics,
            isYAML: tracked.isYAML)
        return actions.actions(lines: (start.line + 1)...max(start.line, end.line) + 1, only: only)
    }
}
