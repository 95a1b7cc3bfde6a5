import Foundation

// Usage: embed-rules OUTPUT.swift INPUT.yml...
// Reads the catalog files with the library's own reader (the files under CatalogFormat/ are links to the
// library's sources) and writes `let builtInRuleDescriptors: [RuleDescriptor]` as Swift values, so the binary
// parses nothing at start. A broken catalog stops the build with `FILE:LINE:COLUMN: error: MESSAGE`.
let arguments = CommandLine.arguments.dropFirst()
guard let outputPath = arguments.first else {
    FileHandle.standardError.write(Data("usage: embed-rules OUTPUT INPUT...\n".utf8))
    exit(2)
}

var rules: [RuleDescriptor] = []
var problems: [CatalogError] = []
for path in arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else {
        problems.append(CatalogError(file: path, position: .start, message: "cannot read the catalog file"))
        continue
    }
    do throws(CatalogError) {
        for entry in try CatalogFileReader.eachEntry(in: SourceText(bytes: Array(data)), file: path) {
            switch entry {
            case .success(let entry): rules.append(entry.descriptor)
            case .failure(let problem): problems.append(problem)
            }
        }
    } catch {
        problems.append(error)
    }
}
guard problems.isEmpty else {
    for problem in problems {
        let location = "\(problem.file):\(problem.position.line):\(problem.position.column)"
        FileHandle.standardError.write(Data("\(location): error: \(problem.message)\n".utf8))
    }
    exit(1)
}
do {
    try CatalogSource.swift(for: rules).write(toFile: outputPath, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("\(outputPath): error: \(error)\n".utf8))
    exit(1)
}
