/// A place in a source file. Lines and columns are 1-based; columns count Unicode scalars
/// (a tab is one column, an emoji is one column); `offset` is the 0-based byte offset into the file.
///
/// Line and column are kept in 32 bits each (a position is in every node and key of a tree, and 16 bytes copy and
/// store faster than 24); past 2^31 - 1 they saturate rather than trap.
public struct SourcePosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var offset: Int
    private var storedLine: Int32
    private var storedColumn: Int32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    public init(line: Int, column: Int, offset: Int) {
        self.offset = offset
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    public static let start = SourcePosition(line: 1, column: 1, offset: 0)

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool { lhs.offset < rhs.offset }

    public var description: String { "\(line):\(column)" }
}

/// A half-open range `[start, end)` of source text.
public struct SourceRange: Hashable, Sendable {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// An empty range at one position, for diagnostics about something that is absent.
    public init(at position: SourcePosition) {
        self.init(start: position, end: position)
    }
}
