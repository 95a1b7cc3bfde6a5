/// How a run fixes what it finds (`--fix`, `--unsafe-fixes`, `--diff`).
public struct FixMode: Sendable, Equatable {
    /// Whether unsafe fixes are applied too.
    public var includesUnsafe: Bool
    /// Whether fixed files are written back; false prints a diff instead (`--diff`).
    public var writes: Bool
    /// The most lint-and-fix rounds per file: each round may make room for fixes that overlapped before.
    public static let maxRounds = 10

    public init(includesUnsafe: Bool = false, writes: Bool = true) {
        self.includesUnsafe = includesUnsafe
        self.writes = writes
    }

    func admits(_ fix: Fix) -> Bool { includesUnsafe || fix.applicability == .safe }
}

/// What fixing did to one file.
public struct FileFixes: Sendable, Equatable {
    /// How many fixes were applied (or would be, with `--diff`).
    public var applied: Int
    /// The unified diff from the file as read to the fixed file.
    public var diff: String
}
