import ActivityLint

/// Stops the fuzzer with a message libFuzzer records next to the crashing input.
public func fuzzFailure(_ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) -> Never {
    fatalError("fuzz invariant broken: \(message())", file: file, line: line)
}

public func fuzzCheck(
    _ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line
) {
    if !condition { fuzzFailure(message(), file: file, line: line) }
}

/// The contract the parsers are called under (see `EncodingCheck`): UTF-8 text without NUL bytes.
/// Inputs outside it never reach a parser in a real run, so the parser targets skip them.
public func isParserInput(_ bytes: [UInt8]) -> Bool {
    !bytes.contains(0) && String(validating: bytes, as: UTF8.self) != nil
}

/// A range is inside the file and positions are 1-based and ordered.
public func checkRange(_ range: SourceRange, in source: SourceText, _ what: @autoclosure () -> String) {
    let count = source.bytes.count
    for position in [range.start, range.end] {
        fuzzCheck(position.line >= 1 && position.column >= 1, "\(what()): position \(position) is not 1-based")
        fuzzCheck(position.offset >= 0 && position.offset <= count,
                  "\(what()): offset \(position.offset) outside 0...\(count)")
        fuzzCheck(position.line <= source.lineStarts.count,
                  "\(what()): line \(position.line) past the last line \(source.lineStarts.count)")
    }
    fuzzCheck(range.start.offset <= range.end.offset, "\(what()): range ends before it starts")
}

/// Every finding and every node of a parse has a sane range.
public func checkParsed(_ parsed: ParsedSource, in source: SourceText) {
    for finding in parsed.findings {
        fuzzCheck(!finding.ruleID.isEmpty, "a finding without a rule id")
        checkRange(finding.range, in: source, "finding \(finding.ruleID)")
    }
    var stack = parsed.documents
    var visited = 0
    while let node = stack.popLast() {
        visited += 1
        // Aliases share their anchor's value: do not walk them again (that is how alias bombs stay cheap).
        if visited > 1_000_000 { break }
        checkRange(node.range, in: source, "node")
        if node.aliasOf != nil { continue }
        switch node.value {
        case .object(let members):
            for member in members {
                checkRange(member.keyRange, in: source, "key")
                stack.append(member.value)
            }
        case .array(let elements):
            stack.append(contentsOf: elements)
        default:
            break
        }
    }
}
