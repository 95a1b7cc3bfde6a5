#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A POSIX extended regular expression (glibc), for patterns users write in rule packs.
///
/// glibc matches patterns without back-references by simulating an automaton, in polynomial time, so a pattern
/// such as `(a+)+$` cannot make the linter hang the way a backtracking engine would. Back-references, the one
/// feature that needs backtracking, are refused when the pattern is compiled, and so are patterns that would
/// compile too big (see `RegexCost`). Matching is on UTF-8 bytes.
final class SafeRegex: @unchecked Sendable {
    let pattern: String
    private var compiled = regex_t()

    struct CompileError: Error {
        var message: String
    }

    init(_ pattern: String) throws(CompileError) {
        self.pattern = pattern
        if let reference = SafeRegex.backReference(in: pattern) {
            throw CompileError(message: "back-references such as `\(reference)` are not supported (they can take "
                + "exponential time)")
        }
        switch RegexCost.check(pattern) {
        case .fine: break
        case .tooLarge:
            throw CompileError(message: "too costly to compile: over \(RegexCost.limitText) elements once "
                + "its repetitions are expanded (`{m,n}` repeats its operand n times, and nested repetitions multiply)")
        case .tooDeep:
            throw CompileError(message: "groups are nested deeper than \(RegexCost.maximumDepth)")
        }
        let status = regcomp(&compiled, pattern, REG_EXTENDED | REG_NOSUB)
        guard status == 0 else {
            var buffer = [CChar](repeating: 0, count: 256)
            regerror(status, &compiled, &buffer, buffer.count)
            let message = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw CompileError(message: message)
        }
    }

    deinit {
        regfree(&compiled)
    }

    /// Whether the pattern matches somewhere in `text` (anchor it with `^…$` to match the whole text).
    /// A NUL in `text` ends the subject for glibc, so such text never matches a pattern that needs what follows.
    func matches(_ text: String) -> Bool {
        regexec(&compiled, text, 0, nil, 0) == 0
    }

    private static func backReference(in pattern: String) -> String? {
        var escaped = false
        for scalar in pattern.unicodeScalars {
            if escaped, ("1"..."9").contains(scalar) { return "\\" + String(scalar) }
            escaped = !escaped && scalar == "\\"
        }
        return nil
    }
}
