@_spi(Internals) import ActivityLint

/// Stops the fuzzer with a message libFuzzer records next to the crashing input.
package func fuzzFailure(_ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) -> Never {
    fatalError("fuzz invariant broken: \(message())", file: file, line: line)
}

package func fuzzCheck(
    _ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line
) {
    if !condition { fuzzFailure(message(), file: file, line: line) }
}

/// The contract the parsers are called under (see `EncodingCheck`): UTF-8 text without NUL bytes.
/// Inputs outside it never reach a parser in a real run, so the parser targets skip them.
package func isParserInput(_ bytes: [UInt8]) -> Bool {
    !bytes.contains(0) && String(validating: bytes, as: UTF8.self) != nil
}

/// A range is inside the file and positions are 1-based and ordered.
package func checkRange(_ range: SourceRange, in source: SourceText, _ what: @autoclosure () -> String) {
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
package func checkParsed(_ parsed: ParsedSource, in source: SourceText) {
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

/// A word of `message` that is content of `input` beyond a plain name, or nil. Words are split at white space and
/// commas, with quotes, brackets and trailing punctuation trimmed; a plain name is what keys and rule ids are
/// (letters, digits, `-`, `_`, `.`, `:`, at most 64), which settings errors may quote. Anything else of three
/// characters or more that the input holds counts as quoted content.
package func quotedContent(_ message: String, input: [UInt8]) -> String? {
    let trimmed: Set<Character> = ["`", "\"", "'", "(", ")", "[", "]", "{", "}", ";", ":", ".", "?", "\\"]
    let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:")
    for word in message.split(whereSeparator: { $0.isWhitespace || $0 == "," }) {
        var word = Substring(word)
        while let first = word.first, trimmed.contains(first) { word = word.dropFirst() }
        while let last = word.last, trimmed.contains(last) { word = word.dropLast() }
        let isPlainName = word.count <= 64 && word.allSatisfy(plain.contains)
        guard !isPlainName, word.utf8.count >= 3 else { continue }
        if contains(input, Array(word.utf8)) { return String(word) }
    }
    return nil
}

private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty, haystack.count >= needle.count else { return false }
    for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
        if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
    }
    return false
}
