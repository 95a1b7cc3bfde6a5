/// The rules across files (`activity-duplicate-tags`, `activity-duplicate-encryption`): each open document is
/// compared with the open documents and the workspace's activity files before it, as the command line compares
/// the files of `activity-lint .` in its walk's order. Open documents' text wins over the file on disk.
///
/// The workspace's files are read once when the server starts, again for a file the client reports changed, and
/// all again when a configuration changes; of each only the summary `WorkspaceActivities` keeps is kept.
extension LanguageServer {
    /// A checked document's diagnostics once its requests are compared with the files before it.
    func compared(_ checked: DocumentLinting.Checked, path: String?) -> [Diagnostic] {
        guard let path else {
            var alone = DuplicateActivities()
            return checked.diagnostics(after: &alone)
        }
        let names = checked.file.activities.lazy.map { DuplicateActivities.key($0.name) }
        var duplicates = workspace.duplicates(before: path, names: names)
        return checked.diagnostics(after: &duplicates)
    }

    /// Compares again the linted open documents after `file` that hold one of `names`, and publishes those whose
    /// diagnostics change. (Documents not linted yet are compared when they are.)
    func compareAgain(after file: String, names: Set<UInt64>) {
        guard !names.isEmpty else { return }
        let affected = workspace.files(after: file, holding: names)
        guard !affected.isEmpty else { return }
        for (uri, tracked) in documents.sorted(by: { $0.key < $1.key }) {
            guard tracked.isLinted, let path = tracked.document.path, affected.contains(path), let checked = tracked.checked
            else { continue }
            let diagnostics = compared(checked, path: path)
            guard diagnostics != tracked.diagnostics else { continue }
            documents[uri]?.diagnostics = diagnostics
            publishDiagnostics(of: uri)
        }
    }

    /// The folders `initialize` names: `workspaceFolders`, else `rootUri`, else `rootPath`.
    static func workspaceFolders(_ params: JSONValue?) -> [String] {
        if let folders = params?["workspaceFolders"]?.array {
            return folders.compactMap { $0["uri"]?.string.flatMap(DocumentURI.path) }
        }
        if let root = params?["rootUri"]?.string { return DocumentURI.path(root).map { [$0] } ?? [] }
        return params?["rootPath"]?.string.map { [$0] } ?? []
    }

    /// Reads every activity file of the workspace folders that is not open, as `activity-lint FOLDER` finds them,
    /// on all cores, keeping each one's summary; files no longer found are forgotten. Open documents are compared
    /// again with the result.
    func scanWorkspace() {
        let open = Set(documents.values.compactMap(\.document.path))
        var found: [(path: String, rules: DocumentLinting.Governance)] = []
        var seen: Set<String> = []
        var leftOut = 0
        for folder in workspaceFolders {
            let discovery = InputDiscovery(root: folder, isRepository: RepositoryRoot.find(from: folder) != nil)
            discovery.discover([folder]) { input in
                guard case .file(let path) = input.source, !open.contains(path) else { return }
                guard seen.count < options.workspaceFileLimit else {
                    leftOut += 1
                    return
                }
                guard seen.insert(path).inserted else { return }
                found.append((path, linting.governance(for: path)))
            }
        }
        var changed: [String: Set<UInt64>] = [:]
        let limits = options.limits
        OrderedParallelMap.run(produce: { add in found.forEach(add) }, transform: { item in
            (item.path, Self.activities(ofFile: item.path, under: item.rules, limits: limits))
        }) { path, activities in
            changed[path] = workspace.update(path, activities: activities)
        }
        if leftOut > 0 {
            log("the workspace has more than \(options.workspaceFileLimit) JSON, YAML and Terraform files: the first "
                + "\(options.workspaceFileLimit) are compared with open documents, \(leftOut) more are not")
        }
        for gone in diskFiles.subtracting(seen) { changed[gone] = workspace.update(gone, activities: []) }
        diskFiles = seen
        for (file, names) in changed.sorted(by: { WorkspaceActivities.precedes($0.key, $1.key) }) {
            compareAgain(after: file, names: names)
        }
    }

    /// A file changed, appeared or went on disk (or an open document was closed): its summary is read again
    /// unless it is open, and the open documents after it are compared again.
    func diskFileChanged(_ path: String) {
        guard !documents.values.contains(where: { $0.document.path == path }) else { return }
        let activities: [DuplicateActivities.Activity]
        if isWorkspaceActivityFile(path) {
            activities = Self.activities(ofFile: path, under: linting.governance(for: path), limits: options.limits)
            diskFiles.insert(path)
        } else {
            activities = []
            diskFiles.remove(path)
        }
        compareAgain(after: path, names: workspace.update(path, activities: activities))
    }

    /// `workspace/didChangeWatchedFiles`: a configuration or rule pack among the changes reloads everything;
    /// otherwise each changed file's summary is read again.
    func watchedFilesChanged(_ params: JSONValue?) {
        let paths = (params?["changes"]?.array ?? []).compactMap { $0["uri"]?.string.flatMap(DocumentURI.path) }
        let configurations = linting.configurationFiles
        if paths.isEmpty || paths.contains(where: { $0.hasSuffix("/" + ConfigurationLoader.fileName) || configurations.contains($0) }) {
            reloadConfigurations()
            return
        }
        for path in paths { diskFileChanged(path) }
    }

    /// Whether the walk of a workspace folder would lint the file at `path`: it is inside one, in no hidden or
    /// skipped folder, with a linted extension, and it exists.
    private func isWorkspaceActivityFile(_ path: String) -> Bool {
        guard let folder = workspaceFolders.first(where: { PathText.isWithin(path, $0) && path != $0 }),
              let relative = PathText.relative(path, to: folder), InputDiscovery.lintsWhenFound(name: String(PathText.lastComponent(relative)))
        else { return false }
        let folders = relative.split(separator: "/").dropLast()
        guard !folders.contains(where: { $0.hasPrefix(".") || InputDiscovery.skippedDirectories.contains(String($0)) })
        else { return false }
        return InputDiscovery.isRegularFile(path)
    }

    /// The activities a file on disk would create, as its configuration checks it; none when it cannot be read.
    private static func activities(
        ofFile path: String, under rules: DocumentLinting.Governance, limits: ParseLimits
    ) -> [DuplicateActivities.Activity] {
        guard let bytes = try? InputReader.read(.file(path), displayPath: path, maxBytes: limits.maxFileSize).get()
        else { return [] }
        return DocumentLinting.check(path: path, bytes: bytes, syntax: nil, under: rules, limits: limits).file.activities
    }
}
