/// How near two member names are, the one place that decides it: the classifier (is `nmae` a request's name?)
/// and the member suggestions (`did you mean name?`) must agree.
enum Spelling {
    /// Lowercased, without `_`, `-` and spaces: PascalCase, snake_case and kebab-case spell the same word.
    static func normalized(_ key: String) -> [UInt8] {
        // ASCII, nearly every key, is lowercased byte by byte; `lowercased()` is for the rest (`É` is `é`).
        var word: [UInt8] = []
        word.reserveCapacity(key.utf8.count)
        for byte in key.utf8 {
            if byte >= 0x80 { return withoutSeparators(key.lowercased().utf8) }
            if isSeparator(byte) { continue }
            word.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
        }
        return word
    }

    /// `normalized` the long way, for any text: what the byte loop must agree with.
    static func withoutSeparators(_ lowercased: String.UTF8View) -> [UInt8] {
        Array(lowercased.filter { !isSeparator($0) })
    }

    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: " ")
    }

    /// Letters added, dropped, changed, or two neighbours swapped (`nmae`), counted over UTF-8 bytes; gives up with
    /// `limit + 1` once the distance must exceed `limit`, and for words over 64 bytes.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        guard abs(a.count - b.count) <= limit, a.count <= 64, b.count <= 64 else { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            if current.min()! > limit { return limit + 1 }
            (beforePrevious, previous) = (previous, current)
        }
        return previous[b.count]
    }
}
