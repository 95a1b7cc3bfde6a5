/// The declarations of every file of one Terraform module: the `.tf`, `.tofu` and `.tf.json` files of one folder
/// (not of its subfolders, which are other modules), as Terraform and OpenTofu load them. Where both `x.tf` and
/// `x.tofu` exist, OpenTofu reads only `x.tofu`, and so does this (Terraform ignores `.tofu` files: a folder
/// holding both is OpenTofu's).
struct TerraformModuleFiles: Sendable {
    struct File: Sendable {
        /// The path as reports name it.
        let display: String
        /// The name with `.tofu` read as `.tf`: a `.tofu` file and the `.tf` it replaces have one key.
        let key: String
        let isOverride: Bool
        let declarations: TerraformDeclarations
    }

    private struct Name: Hashable {
        let kind: TerraformDeclarations.Kind
        let name: String
    }

    let files: [File]
    /// The override files, in name order, apart: each resource looks at them, and most modules have none.
    let overrides: [File]
    /// The files declaring each name, so a lookup costs the files that declare it, not the module's size.
    private let index: [Name: [Int]]

    init(_ files: [File]) {
        self.files = files
        overrides = files.filter(\.isOverride)
        var index: [Name: [Int]] = [:]
        for (position, file) in files.enumerated() {
            for kind in [TerraformDeclarations.Kind.variable, .local, .provider] {
                for name in file.declarations.declared(kind).keys {
                    index[Name(kind: kind, name: name), default: []].append(position)
                }
            }
        }
        self.index = index
    }

    func declaring(_ kind: TerraformDeclarations.Kind, _ name: String) -> [File] {
        (index[Name(kind: kind, name: name)] ?? []).map { files[$0] }
    }

    static func key(ofFile name: String) -> String {
        for (tofu, tf) in [(".tofu.json", ".tf.json"), (".tofu", ".tf")] where name.hasSuffix(tofu) {
            return String(name.dropLast(tofu.count)) + tf
        }
        return name
    }

    /// `override.tf`, `a_override.tf` and their `.tofu` and `.json` forms.
    static func isOverride(_ name: String) -> Bool {
        let key = key(ofFile: name)
        let stem = key.hasSuffix(".tf.json") ? key.dropLast(8) : key.hasSuffix(".tf") ? key.dropLast(3) : ""
        return stem == "override" || stem.hasSuffix("_override")
    }
}

/// Each module folder's declarations, read once per run however many of its files are linted, by whichever
/// linting thread first needs them (the others wait for that read). Sibling files are found by the run's
/// discovery rules (`InputDiscovery.terraformFiles(inFolder:)`) and read within its size limit; one that cannot be
/// read, decoded or parsed contributes nothing (its own lint reports why).
final class TerraformModuleCache: @unchecked Sendable {
    private enum Entry {
        case reading
        case read(TerraformModuleFiles)
    }

    private let discovery: InputDiscovery
    private let limits: ParseLimits
    private let lock = ConditionLock()
    /// By the bytes of the folder's path (two folders whose names are canonically equivalent are two modules).
    private var folders: [BytewiseKey: Entry] = [:]

    init(discovery: InputDiscovery, limits: ParseLimits) {
        self.discovery = discovery
        self.limits = limits
    }

    /// The module of the file at `path` (as it was opened), whose reports name it `displayPath`.
    func module(ofFile path: String, displayPath: String) -> TerraformModuleFiles {
        let folder = PathText.parent(of: PathText.standardized(path, in: PathText.currentDirectory))
        let key = BytewiseKey(folder)
        lock.lock()
        while case .reading = folders[key] { lock.wait() }
        if case .read(let files) = folders[key] {
            lock.unlock()
            return files
        }
        folders[key] = .reading
        lock.unlock()
        let slash = displayPath.lastIndex(of: "/")
        let files = read(folder: folder, displayPrefix: slash.map { String(displayPath[...$0]) } ?? "")
        lock.lock()
        folders[key] = .read(files)
        lock.broadcast()
        lock.unlock()
        return files
    }

    private func read(folder: String, displayPrefix: String) -> TerraformModuleFiles {
        var chosen: [(name: String, path: String)] = []
        // By bytes, as the file system tells names apart.
        var positions: [BytewiseKey: Int] = [:]
        for item in discovery.terraformFiles(inFolder: folder) {
            guard case .file(let path) = item.source else { continue }
            let name = String(PathText.lastComponent(path))
            let key = TerraformModuleFiles.key(ofFile: name)
            if let position = positions[BytewiseKey(key)] {
                if !key.utf8.elementsEqual(name.utf8) { chosen[position] = (name, path) }  // `.tofu` replaces `.tf`
                continue
            }
            positions[BytewiseKey(key)] = chosen.count
            chosen.append((name, path))
        }
        var files: [TerraformModuleFiles.File] = []
        for (name, path) in chosen {
            let isOverride = TerraformModuleFiles.isOverride(name)
            guard let declarations = Self.declarations(ofFile: path, isOverride: isOverride, limits: limits),
                  !declarations.isEmpty
            else { continue }
            files.append(TerraformModuleFiles.File(
                display: displayPrefix + name, key: TerraformModuleFiles.key(ofFile: name),
                isOverride: isOverride, declarations: declarations))
        }
        return TerraformModuleFiles(files)
    }

    private static let declarationWords = ["variable", "locals", "provider"].map { Array($0.utf8) }
    private static let overrideWords = declarationWords + [Array(TerraformConfigurationExtractor.resourceType.utf8)]

    /// What a file declares, nil when it cannot be read, is not UTF-8 or does not parse.
    private static func declarations(ofFile path: String, isOverride: Bool, limits: ParseLimits) -> TerraformDeclarations? {
        guard case .success(let bytes) = InputReader.read(.file(path), displayPath: path, maxBytes: limits.maxFileSize)
        else { return nil }
        // Most files of a module (resources, outputs) declare nothing a request refers to: a byte scan spares
        // their parse.
        let mentions = bytes.withUnsafeBufferPointer { text in
            (isOverride ? overrideWords : declarationWords).contains { word in
                word.withUnsafeBufferPointer { text.contains(bytes: $0) }
            }
        }
        guard mentions else { return nil }
        let source = SourceText(bytes: bytes)
        guard EncodingCheck.check(source).problem == nil else { return nil }
        let syntax = Syntax.detect(path: path, bytes: bytes, contentOffset: source.contentOffset)
        var parsed = syntax.parse(source, limits: limits)
        defer { parsed.releaseDocuments() }
        guard !parsed.findings.contains(where: { ["syntax-error", "nesting-too-deep"].contains($0.ruleID) }),
              let document = parsed.documents.first
        else { return nil }
        return TerraformDeclarations(document, isOverride: isOverride)
    }
}

/// Where the linted file's module is read from, handed to extraction: the files are read only when a resource
/// needs them.
struct TerraformModuleContext: Sendable {
    let cache: TerraformModuleCache
    /// The linted file as it was opened, and as reports name it.
    let path: String
    let displayPath: String

    var fileName: String { String(PathText.lastComponent(path)) }

    func files() -> TerraformModuleFiles {
        cache.module(ofFile: path, displayPath: displayPath)
    }
}
