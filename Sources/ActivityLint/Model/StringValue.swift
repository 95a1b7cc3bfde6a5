/// The text of a string scalar, exactly as the document spells it.
///
/// Swift's `String` cannot hold a lone UTF-16 surrogate, but JSON's `"\ud800"` can spell one and AWS rejects it,
/// so lone surrogates are kept beside the text: `codePoints` is the truth rules must check.
public struct StringValue: Hashable, Sendable {
    /// The text for display and comparison; a lone surrogate shows as U+FFFD here.
    public let text: String
    /// Where the first code point of the content is (after any opening quote).
    public let contentStart: SourcePosition
    /// The rare details, boxed: copying a string value (which rules do often) then retains two references, not four.
    private let irregular: Irregular?

    private final class Irregular: Sendable {
        let loneSurrogates: [Int: UInt32]
        let scalarPositions: [SourcePosition]?

        init(loneSurrogates: [Int: UInt32], scalarPositions: [SourcePosition]?) {
            self.loneSurrogates = loneSurrogates
            self.scalarPositions = scalarPositions
        }
    }

    public init(
        text: String,
        contentStart: SourcePosition,
        loneSurrogates: [Int: UInt32] = Dictionary(),
        scalarPositions: [SourcePosition]? = nil
    ) {
        self.text = text
        self.contentStart = contentStart
        irregular = loneSurrogates.isEmpty && scalarPositions == nil
            ? nil : Irregular(loneSurrogates: loneSurrogates, scalarPositions: scalarPositions)
    }

    /// Lone surrogates by their index in `codePoints`.
    public var loneSurrogates: [Int: UInt32] { irregular?.loneSurrogates ?? Dictionary() }

    /// Where each code point starts in the source, when escapes or line breaks make it irregular.
    /// `nil` means the code points stand one column apart on one line from `contentStart`.
    public var scalarPositions: [SourcePosition]? { irregular?.scalarPositions }

    /// Every code point, lone surrogates included (as their U+D800...U+DFFF values).
    public var codePoints: [UInt32] {
        var result: [UInt32] = []
        forEachCodePoint { _, value in result.append(value) }
        return result
    }

    /// Calls `body` with each code point and its index, lone surrogates included, without building an array.
    @inline(__always)
    public func forEachCodePoint(_ body: (Int, UInt32) -> Void) {
        let loneSurrogates = self.loneSurrogates
        var index = 0
        for scalar in text.unicodeScalars {
            body(index, loneSurrogates.isEmpty ? scalar.value : loneSurrogates[index] ?? scalar.value)
            index += 1
        }
    }

    /// The length in UTF-16 code units, as a Java or JavaScript service would count it.
    public var utf16Count: Int { text.utf16.count }

    /// The source position of the code point at `index`.
    public func position(ofScalar index: Int) -> SourcePosition {
        if let scalarPositions = scalarPositions, index < scalarPositions.count { return scalarPositions[index] }
        var position = contentStart
        for scalar in text.unicodeScalars.prefix(index) {
            position.column += 1
            position.offset += UTF8.width(scalar)
        }
        return position
    }

    /// The source range of the code point at `index`: up to the next code point when both are on one line
    /// (so an escape such as `\u0009` is covered whole), otherwise one column.
    public func range(ofScalar index: Int) -> SourceRange {
        let start = position(ofScalar: index)
        if let scalarPositions = scalarPositions, index + 1 < scalarPositions.count, scalarPositions[index + 1].line == start.line {
            return SourceRange(start: start, end: scalarPositions[index + 1])
        }
        let scalar = text.unicodeScalars.dropFirst(index).first
        let end = SourcePosition(
            line: start.line, column: start.column + 1, offset: start.offset + (scalar.map(UTF8.width) ?? 1))
        return SourceRange(start: start, end: end)
    }

    public static func == (lhs: StringValue, rhs: StringValue) -> Bool {
        lhs.text == rhs.text && lhs.loneSurrogates == rhs.loneSurrogates
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
    }
}
