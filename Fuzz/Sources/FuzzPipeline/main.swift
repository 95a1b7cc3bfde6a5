@_spi(Internals) import ActivityLint
import FuzzSupport

/// libFuzzer entry point: the whole pipeline (encoding check, parser chosen like a user's file, extraction,
/// every rule) and then every reporter, checking what users and tools rely on in each output.
///
/// The first input byte picks the file name (so both parsers, content detection and odd names are reached);
/// the rest is the file.
private let names = [
    "request.json", "request.yaml", "request.yml", "request", "dir/x.txt",
    "we\u{1B}[31mird\n::error::x.json", "a,b:c%.yaml", "π/ü.json", "cdk.out/Stack.template.json", "template.yaml",
    // File names that name an activity: nearly every document is a request, so the rules see whatever the input holds.
    "create-activity.json", "orders-activity.yaml", "dir/activity",
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let file = namedFile(data, size, names: names) else { return 0 }
    let (path, bytes) = file
    let result = fuzzLinter.lint(bytes: bytes, path: path)
    let source = SourceText(bytes: bytes)
    // A plan's changes checked as they are parsed give what the whole tree gives.
    if String(decoding: bytes, as: UTF8.self).contains("resource_changes") {
        var whole = fuzzLinter
        whole.streamsPlanChanges = false
        let wholeResult = whole.lint(bytes: bytes, path: path)
        fuzzCheck(result.diagnostics == wholeResult.diagnostics && result.payloadCount == wholeResult.payloadCount
            && result.skipped == wholeResult.skipped, "the streamed plan differs from the whole tree")
    }
    // A file is either linted or skipped with a reason, never both.
    if let skip = result.skipped {
        fuzzCheck(result.diagnostics.isEmpty && !skip.detail.isEmpty, "a skipped file has diagnostics or no reason")
        fuzzCheck(result.kind == .notActivity, "a skipped file is of the kind \(result.kind)")
    }
    for diagnostic in result.diagnostics {
        checkRange(diagnostic.range, in: source, "diagnostic \(diagnostic.ruleID)")
        fuzzCheck(diagnostic.file == path, "diagnostic for another file")
    }
    // A second, unreadable input, as the command line reports one.
    let failed = FileResult(path: "missing\u{7}.json", source: nil, failure: "does not exist")
    // SARIF lists the rules in force with their whole documentation; the fired ones (and one more) keep each
    // result's ruleIndex meaningful without rendering and re-parsing the whole catalog on every input.
    let fired = Set(result.diagnostics.map(\.ruleID))
    let rules = fuzzLinter.engine.descriptors.enumerated().filter { $0.offset == 0 || fired.contains($0.element.id) }
    let report = LintReport(files: [result, failed], rules: rules.map(\.element))
    for format in OutputFormat.allCases {
        for color in format == .text ? [false, true] : [false] {
            let output = format.reporter(color: color).render(report)
            check(output, format: format, color: color, report: report)
        }
    }
    return 0
}

private func check(_ output: String, format: OutputFormat, color: Bool, report: LintReport) {
    fuzzCheck(output.hasSuffix("\n"), "\(format) output does not end with a newline")
    switch format {
    case .json, .sarif:
        let parsed = JSONParser.parse(SourceText(output), limits: ParseLimits(maxDepth: 32, maxAliases: 0, maxFileSize: .max))
        let problems = parsed.findings.map { "\($0.ruleID) at \($0.range.start): \($0.message)" }
        fuzzCheck(parsed.documents.count == 1 && parsed.findings.isEmpty,
                  "\(format) output is not valid JSON: \(problems)\n\(output.prefix(4000))")
    case .text:
        for scalar in output.unicodeScalars where scalar.value < 0x20 || scalar.value == 0x7F {
            if scalar == "\n" { continue }
            // With colour on, the reporter's own SGR sequences are the only ESCs allowed.
            if color && scalar == "\u{1B}" { continue }
            fuzzFailure("text output holds the raw control U+\(String(scalar.value, radix: 16))\n\(output.prefix(4000))")
        }
        if color { checkOnlySGR(output) }
    case .github:
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        // One annotation per diagnostic and per unreadable input, then the summary line.
        let expected = report.diagnostics.count + report.failedFiles.count + 1
        fuzzCheck(lines.count == expected,
                  "github output has \(lines.count) lines, expected \(expected)\n\(output.prefix(4000))")
        for line in lines.dropLast() {
            let annotation = line.hasPrefix("::error ") || line.hasPrefix("::warning ") || line.hasPrefix("::notice ")
            fuzzCheck(annotation, "github output line is not an annotation: \(line.prefix(400))")
        }
        fuzzCheck(!(lines.last ?? "").hasPrefix("::"), "the summary line starts with ::")
        for line in lines where line.contains("\r") { fuzzFailure("github output holds a CR: \(line)") }
    }
}

/// Every ESC in coloured text starts a Select Graphic Rendition sequence (ESC [ digits ; m).
private func checkOnlySGR(_ output: String) {
    let scalars = Array(output.unicodeScalars)
    var index = 0
    while index < scalars.count {
        if scalars[index] == "\u{1B}" {
            fuzzCheck(index + 1 < scalars.count && scalars[index + 1] == "[", "ESC not followed by [")
            var end = index + 2
            while end < scalars.count, ("0"..."9").contains(scalars[end]) || scalars[end] == ";" { end += 1 }
            fuzzCheck(end < scalars.count && scalars[end] == "m", "ESC sequence that is not SGR")
            index = end
        }
        index += 1
    }
}

runFuzzer(fuzzPipeline)
