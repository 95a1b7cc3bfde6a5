/// Checks made on raw bytes before parsing: empty files, other encodings, binary content, invalid UTF-8, a BOM.
/// Parsers then only ever see UTF-8 text.
enum EncodingCheck {
    /// What keeps the parsers from reading a file.
    enum Problem: Equatable {
        case empty, wideEncoding, binary, invalidUTF8
    }

    /// Findings about the bytes, and what keeps parsing from going on (nil when it can).
    static func check(_ source: SourceText) -> (findings: [Finding], problem: Problem?) {
        let bytes = source.bytes
        if let encoding = wideEncoding(bytes) {
            return ([Finding(ruleID: "invalid-encoding", message: "the file is \(encoding); AWS CLI input files "
                + "and templates must be UTF-8: convert it (for example with iconv -t UTF-8)",
                range: SourceRange(at: .start))], .wideEncoding)
        }
        if let nul = bytes.withUnsafeBufferPointer({ $0.offset(of: 0) }) {
            return ([Finding(ruleID: "invalid-encoding", message: "the file holds a NUL byte (at byte \(nul)); it "
                + "looks binary, not JSON or YAML text", range: point(source, nul))], .binary)
        }
        if let bad = firstInvalidUTF8(bytes, from: source.contentOffset) {
            return ([Finding(ruleID: "invalid-encoding", message: "invalid UTF-8 at byte \(bad) (byte 0x"
                + String(bytes[bad], radix: 16, uppercase: true) + "); save the file as UTF-8",
                range: point(source, bad))], .invalidUTF8)
        }
        var findings: [Finding] = []
        if source.hasByteOrderMark {
            findings.append(Finding(ruleID: "byte-order-mark", message: "the file starts with a UTF-8 byte order "
                + "mark; `aws … --cli-input-json` rejects it (json.loads: Unexpected UTF-8 BOM): remove it",
                range: SourceRange(at: SourcePosition(line: 1, column: 1, offset: 0))))
        }
        if let crlf = lineEndingFinding(source) { findings.append(crlf) }
        if bytes[source.contentOffset...].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            findings.append(Finding(ruleID: "empty-file", message: "the file is empty: it holds no CreateActivity "
                + "request", range: SourceRange(at: source.position(atOffset: source.contentOffset))))
            return (findings, .empty)
        }
        return (findings, nil)
    }

    /// CR LF and lone CR line endings are valid in JSON and YAML, and positions treat each as one break; saying so
    /// once (an info) explains line numbers that differ from a tool counting CRs, and mixed endings are worth a look.
    /// The message names exactly the kinds the file holds.
    private static func lineEndingFinding(_ source: SourceText) -> Finding? {
        let bytes = source.bytes
        guard let cr = bytes.withUnsafeBufferPointer({ $0.offset(of: 0x0D) }) else { return nil }
        var hasCRLF = false, hasLoneCR = false, hasLF = false
        for index in bytes.indices {
            switch bytes[index] {
            case 0x0D:
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { hasCRLF = true } else { hasLoneCR = true }
            case 0x0A:
                if index == 0 || bytes[index - 1] != 0x0D { hasLF = true }
            default: break
            }
        }
        let kinds = [(hasCRLF, "CR LF"), (hasLoneCR, "lone CR"), (hasLF, "LF")].filter(\.0).map(\.1)
        let message: String
        if kinds.count == 1 {
            message = "the file uses \(kinds[0]) line endings; that is valid, and positions count "
                + "\(kinds[0] == "CR LF" ? "CR LF" : "a lone CR") as one line break"
        } else {
            let list = kinds.dropLast().joined(separator: ", ") + " and " + kinds.last!
            message = "the file mixes \(list) line endings (the first CR is here); editors and diffs may show it oddly"
        }
        return Finding(ruleID: "line-endings", message: message, range: point(source, cr))
    }

    private static func point(_ source: SourceText, _ offset: Int) -> SourceRange {
        let start = source.position(atOffset: offset)
        return SourceRange(start: start, end: SourcePosition(line: start.line, column: start.column + 1, offset: offset + 1))
    }

    /// UTF-16 or UTF-32, by byte order mark or by the NUL pattern of ASCII text in them.
    private static func wideEncoding(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return "UTF-32 (big-endian, with a byte order mark)" }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32 (little-endian, with a byte order mark)" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16 (big-endian, with a byte order mark)" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16 (little-endian, with a byte order mark)" }
        guard bytes.count >= 4 else { return nil }
        switch (bytes[0] == 0, bytes[1] == 0, bytes[2] == 0, bytes[3] == 0) {
        case (true, true, true, false): return "UTF-32 (big-endian)"
        case (false, true, true, true): return "UTF-32 (little-endian)"
        case (true, false, true, false): return "UTF-16 (big-endian)"
        case (false, true, false, true): return "UTF-16 (little-endian)"
        default: return nil
        }
    }

    /// The offset of the first byte that is not well-formed UTF-8 (overlongs, surrogates and values past
    /// U+10FFFF included), or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var index = start
            let count = buffer.count
            while index < count {
                // Eight ASCII bytes at a time: most files are ASCII throughout.
                if index + 8 <= count, buffer.word(at: index) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
                let lead = buffer[index]
                if lead < 0x80 { index += 1; continue }
                let length: Int
                var low: UInt8 = 0x80
                var high: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; low = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; high = 0x9F
                case 0xF0: length = 4; low = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; high = 0x8F
                default: return index
                }
                guard index + length <= count else { return index }
                let second = buffer[index + 1]
                guard second >= low, second <= high else { return index }
                for offset in 2..<max(2, length) where buffer[index + offset] & 0xC0 != 0x80 { return index }
                index += length
            }
            return nil
        }
    }
}
