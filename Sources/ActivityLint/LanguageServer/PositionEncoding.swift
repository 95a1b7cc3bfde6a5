/// How the client counts characters in a line (LSP 3.17 `positionEncoding`): the server converts every position
/// between these and the linter's byte offsets, using the document's text.
@_spi(Internals) public enum PositionEncoding: String, Sendable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"

    /// The client's offer, in the server's order of preference: UTF-8 is what the linter counts natively, UTF-32
    /// is a scalar count; UTF-16, the protocol's default, is what every client supports.
    public static func negotiate(offered: [String]?) -> PositionEncoding {
        let offered = offered ?? []
        for candidate in [PositionEncoding.utf8, .utf32] where offered.contains(candidate.rawValue) { return candidate }
        return .utf16
    }

    /// How many units of this encoding a scalar that starts with `leadByte` takes.
    func width(leadByte: UInt8) -> Int {
        switch self {
        case .utf8: UTF8.width(leadByte: leadByte)
        case .utf16: leadByte >= 0xF0 ? 2 : 1
        case .utf32: 1
        }
    }
}

extension UTF8 {
    /// The length in bytes of the scalar that starts with `leadByte` (1 for a stray continuation byte).
    static func width(leadByte: UInt8) -> Int {
        switch leadByte {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }
}

/// A 0-based LSP position: line, and character in the negotiated encoding.
@_spi(Internals) public struct ProtocolPosition: Hashable, Sendable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    var json: JSONValue { .object([("line", .integer(line)), ("character", .integer(character))]) }

    init?(_ json: JSONValue?) {
        guard let line = json?["line"]?.integer, let character = json?["character"]?.integer, line >= 0, character >= 0
        else { return nil }
        self.init(line: line, character: character)
    }
}

/// Converts between byte offsets into a document and LSP positions. Lines end at LF, CR LF or a lone CR, as both
/// the linter and the protocol count them.
struct PositionConverter {
    let source: SourceText
    let encoding: PositionEncoding

    /// Positions of many offsets in one pass over the text they span: a minified template with a thousand
    /// findings on its one line costs one walk of the line, not a thousand.
    func positions(of offsets: [Int]) -> [Int: ProtocolPosition] {
        var result: [Int: ProtocolPosition] = [:]
        var line = 0
        var lineStart = lineStartOffset(0)
        var cursor = lineStart
        var character = 0
        for offset in Set(offsets).sorted() {
            let target = max(0, min(offset, source.bytes.count))
            if line + 1 < source.lineStarts.count, source.lineStarts[line + 1] <= target {
                line = lineIndex(containing: target)
                lineStart = lineStartOffset(line)
                cursor = lineStart
                character = 0
            }
            while cursor < target {
                let lead = source.bytes[cursor]
                let width = UTF8.width(leadByte: lead)
                // A line break is no character of the line; an offset inside a scalar stands at its start.
                if cursor + width > target { break }
                character += encoding.width(leadByte: lead)
                cursor += width
            }
            result[offset] = ProtocolPosition(line: line, character: character)
        }
        return result
    }

    func position(of offset: Int) -> ProtocolPosition {
        positions(of: [offset])[offset]!
    }

    /// The byte offset of a position. A character past the end of its line means the line's end (before its
    /// line break), a line past the end the end of the text, as the protocol asks.
    func offset(of position: ProtocolPosition) -> Int {
        guard position.line < source.lineStarts.count else { return source.bytes.count }
        var cursor = lineStartOffset(position.line)
        let end = lineContentEnd(position.line)
        var character = 0
        while cursor < end, character < position.character {
            let lead = source.bytes[cursor]
            character += encoding.width(leadByte: lead)
            cursor = min(end, cursor + UTF8.width(leadByte: lead))
        }
        return cursor
    }

    /// Where line `index` (0-based) starts; the first line starts after a byte order mark.
    private func lineStartOffset(_ index: Int) -> Int {
        index == 0 ? 0 : source.lineStarts[index]
    }

    /// Where line `index`'s text ends, before its line break.
    func lineContentEnd(_ index: Int) -> Int {
        var end = index + 1 < source.lineStarts.count ? source.lineStarts[index + 1] : source.bytes.count
        let start = lineStartOffset(index)
        while end > start, source.bytes[end - 1] == 0x0A || source.bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    private func lineIndex(containing offset: Int) -> Int {
        var low = 0
        var high = source.lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if source.lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
