/// A unified diff of two texts by lines (`diff -u` layout, three lines of context), for `--diff`.
enum UnifiedDiff {
    static func render(old: [UInt8], new: [UInt8], path: String) -> String {
        let a = lines(old)
        let b = lines(new)
        let script = editScript(a, b)
        guard script.contains(where: { $0 != .same }) else { return "" }
        var output = "--- a/\(path)\n+++ b/\(path)\n"
        // Walk the script, cutting it into hunks around the changes.
        var ia = 0, ib = 0, index = 0
        let context = 3
        while index < script.count {
            guard let change = script[index...].firstIndex(where: { $0 != .same }) else { break }
            let skip = max(0, change - index - context)
            for _ in 0..<skip { ia += 1; ib += 1 }
            index += skip
            var end = change
            var sameRun = 0
            var cursor = change
            while cursor < script.count {
                if script[cursor] == .same {
                    sameRun += 1
                    if sameRun > 2 * context { break }
                } else {
                    sameRun = 0
                    end = cursor
                }
                cursor += 1
            }
            let hunkEnd = min(script.count, end + 1 + context)
            var body = ""
            var countA = 0, countB = 0
            let startA = ia, startB = ib
            for step in script[index..<hunkEnd] {
                switch step {
                case .same: body += " " + a[ia]; ia += 1; ib += 1; countA += 1; countB += 1
                case .delete: body += "-" + a[ia]; ia += 1; countA += 1
                case .insert: body += "+" + b[ib]; ib += 1; countB += 1
                }
            }
            output += "@@ -\(range(startA, countA)) +\(range(startB, countB)) @@\n" + body
            index = hunkEnd
        }
        return output
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start + 1)" : "\(count == 0 ? start : start + 1),\(count)"
    }

    /// Lines with their line breaks; a last line without one is marked as `diff` marks it.
    private static func lines(_ bytes: [UInt8]) -> [String] {
        var result: [String] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            result.append(String(decoding: bytes[start...index], as: UTF8.self))
            start = index + 1
        }
        if start < bytes.count {
            result.append(String(decoding: bytes[start...], as: UTF8.self) + "\n\\ No newline at end of file\n")
        }
        return result
    }

    enum Step: Equatable { case same, delete, insert }

    /// The shortest edit script (Myers' O((N+M)D) algorithm), after the common prefix and suffix are set aside so
    /// that a fix's few changed lines cost little in a long file.
    static func editScript(_ a: [String], _ b: [String]) -> [Step] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        let x = Array(a[prefix..<(a.count - suffix)])
        let y = Array(b[prefix..<(b.count - suffix)])
        return Array(repeating: .same, count: prefix) + myers(x, y) + Array(repeating: .same, count: suffix)
    }

    private static func myers(_ a: [String], _ b: [String]) -> [Step] {
        let n = a.count, m = b.count
        if n == 0 { return Array(repeating: .insert, count: m) }
        if m == 0 { return Array(repeating: .delete, count: n) }
        // Past this many differences, replace the middle whole: the diff stays right, only longer.
        let limit = min(n + m, 500)
        let offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        var trace: [[Int]] = []
        for d in 0...limit {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n, y >= m { return backtrack(trace + [v], n: n, m: m, offset: offset) }
            }
        }
        return Array(repeating: .delete, count: n) + Array(repeating: .insert, count: m)
    }

    private static func backtrack(_ trace: [[Int]], n: Int, m: Int, offset: Int) -> [Step] {
        var steps: [Step] = []
        var x = n, y = m
        for d in stride(from: trace.count - 2, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1
            let previousX = v[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX, y > previousY { steps.append(.same); x -= 1; y -= 1 }
            if d > 0 { steps.append(x == previousX ? .insert : .delete) }
            x = previousX
            y = previousY
        }
        while x > 0, y > 0 { steps.append(.same); x -= 1; y -= 1 }
        return steps.reversed()
    }
}
