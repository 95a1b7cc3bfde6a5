@_spi(Internals) import ActivityLint
import FuzzSupport

/// libFuzzer entry point: every fix the linter offers (safe and unsafe) applied to fuzzed input, as `--fix
/// --unsafe-fixes` would. The result parses whenever the input did, every edit lies inside the file, and a fix's
/// edits never overlap one another.
///
/// The first input byte picks the file name (JSON, YAML, a template), the rest is the file.
private let names = ["create-activity.json", "orders-activity.yaml", "template.yaml", "template.json", "activity"]

/// Findings that mean the file could not be read at all.
private let unreadable: Set<String> = ["syntax-error", "invalid-encoding", "nesting-too-deep", "alias-limit"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFixes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let file = namedFile(data, size, names: names) else { return 0 }
    let (path, bytes) = file
    let before = fuzzLinter.lint(bytes: bytes, path: path)
    for diagnostic in before.diagnostics {
        guard let fix = diagnostic.fix else { continue }
        let edits = fix.edits.sorted { $0.offset < $1.offset }
        fuzzCheck(!edits.isEmpty && !fix.title.isEmpty, "\(diagnostic.ruleID): a fix without edits or title")
        for edit in edits {
            fuzzCheck(0 <= edit.offset && edit.offset <= edit.endOffset && edit.endOffset <= bytes.count,
                      "\(diagnostic.ruleID): an edit outside the file")
        }
        fuzzCheck(!zip(edits, edits.dropFirst()).contains { $0.endOffset > $1.offset }, "\(diagnostic.ruleID): edits overlap")
    }
    let parsed = !before.diagnostics.contains { unreadable.contains($0.ruleID) }
    let fixed = fuzzLinter.fix(bytes: bytes, path: path, mode: FixMode(includesUnsafe: true))
    if parsed {
        let broken = fixed.result.diagnostics.filter { unreadable.contains($0.ruleID) }
        fuzzCheck(broken.isEmpty, "fixing made the file unreadable: \(broken.map(\.message))\n"
            + "before: \(String(decoding: bytes, as: UTF8.self))\nafter: \(String(decoding: fixed.bytes, as: UTF8.self))")
    }
    fuzzCheck((fixed.result.fixes == nil) == (fixed.bytes == bytes), "fixes reported but nothing changed, or the reverse")
    return 0
}

runFuzzer(fuzzFixes)
