@_spi(Internals) import ActivityLint
import FuzzSupport

/// libFuzzer entry point: configuration, rule-pack and baseline loading from bytes (the first byte picks which;
/// the rest is the file). Checks: no crash; an error is either without position or at a position inside the
/// file; and errors about rule packs and baselines quote nothing of the file but plain names (keys, rule ids).
/// A pack that loads is bound and run on a request, so its patterns are compiled and matched too.
private let builtInIDs = Set(RuleCatalog.builtIn.rules.map(\.id))
/// A folder that does not exist, so what a configuration extends by a relative path is never found.
private let folder = "/nonexistent-activity-lint-fuzz"
private let request = Array(#"{"name": "payments-orders", "tags": [{"key": "cost-center", "value": "CC-1234"}]}"#.utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfiguration(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let all = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let selector = all.first else { return 0 }
    let bytes = Array(all.dropFirst())
    let kind = Int(selector % 3)
    let path = folder + ["/.activity-lint.yml", "/pack.yml", "/baseline.json"][kind]
    do {
        switch kind {
        case 0:
            _ = try ConfigurationLoader.parse(bytes, path: path)
        case 1:
            let rules = try RulePackLoader.parse(bytes, path: path, taken: builtInIDs)
            let engine = try RuleEngine(rules: rules)
            _ = Linter(engine: engine).lint(bytes: request, path: "request.json")
        default:
            _ = try Baseline.parse(bytes, path: path)
        }
    } catch let error as ConfigurationError {
        check(error, file: path, bytes: bytes, quotesNoContent: kind != 0)
    } catch {
        fuzzFailure("a pack that loaded does not bind: \(error)")
    }
    return 0
}

private func check(_ error: ConfigurationError, file: String, bytes: [UInt8], quotesNoContent: Bool) {
    fuzzCheck(!error.message.isEmpty, "an error without a message")
    // A configuration may name another file (`extends: /etc/hostname`); its errors point into that file.
    if error.file == file, let position = error.position {
        let source = SourceText(bytes: bytes)
        checkRange(SourceRange(at: position), in: source, "error \(error.message)")
    }
    if quotesNoContent, let leaked = quotedContent(error.message, input: bytes) {
        fuzzFailure("the error quotes the file's content \(leaked.debugDescription): \(error.message)")
    }
}

runFuzzer(fuzzConfiguration)
