/// The text of a string scalar, exactly as the document spells it.
///
/// Swift's `String` cannot hold a lone UTF-16 surrogate, but JSON's `"\ud800"` can spell one and AWS rejects it,
/// so lone surrogates are kept beside the text: `codePoints` is the truth rules must check.
@_spi(Internals) public struct StringValue: Hashable, Sendable {
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

    /// A string whose code points stand one column apart from `contentStart` (nearly every string): no empty
    /// table is made and dropped for the details it does not have.
    public init(text: String, contentStart: SourcePosition) {
        self.text = text
        self.contentStart = contentStart
        irregular = nil
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

    /// The source position of the code point at `index` (a walk from the start: for many code points of one
    /// string, use a `ScalarLocator`).
    public func position(ofScalar index: Int) -> SourcePosition {
        var locator = ScalarLocator(self)
        return locator.position(ofScalar: index)
    }

    /// The source range of the code point at `index`: up to the next code point when both are on one line
    /// (so an escape such as `\u0009` is covered whole), otherwise one column.
    public func range(ofScalar index: Int) -> SourceRange {
        var locator = ScalarLocator(self)
        return locator.range(ofScalar: index)
    }

    public static func == (lhs: StringValue, rhs: StringValue) -> Bool {
        lhs.text == rhs.text && lhs.loneSurrogates == rhs.loneSurrogates
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
    }
}

/// Finds where code points of one string stand by walking forward from the last one asked for, so reporting every
/// offending character of a long value costs one pass over it, not one pass per character. Asking for an earlier
/// code point than the last starts the walk over.
@_spi(Internals) public struct ScalarLocator {
    private let string: StringValue
    private let scalars: String.UnicodeScalarView
    /// The code point `index` is at `scalarIndex` in the text and, when there is no position table, at `position`.
    private var index = 0
    private var scalarIndex: String.UnicodeScalarView.Index
    private var position: SourcePosition

    public init(_ string: StringValue) {
        self.string = string
        scalars = string.text.unicodeScalars
        scalarIndex = scalars.startIndex
        position = string.contentStart
    }

    /// Moves to the code point at `target` (or to the end of the text).
    private mutating func move(to target: Int) {
        if target < index {
            index = 0
            scalarIndex = scalars.startIndex
            position = string.contentStart
        }
        while index < target, scalarIndex < scalars.endIndex {
            position.column += 1
            position.offset += UTF8.width(scalars[scalarIndex])
            scalars.formIndex(after: &scalarIndex)
            index += 1
        }
    }

    public mutating func position(ofScalar target: Int) -> SourcePosition {
        if let table = string.scalarPositions, target < table.count { return table[target] }
        move(to: target)
        return position
    }

    public mutating func range(ofScalar target: Int) -> SourceRange {
        let start = position(ofScalar: target)
        if let table = string.scalarPositions, target + 1 < table.count, table[target + 1].line == start.line {
            return SourceRange(start: start, end: table[target + 1])
        }
        move(to: target)
        let width = index == target && scalarIndex < scalars.endIndex ? UTF8.width(scalars[scalarIndex]) : 1
        return SourceRange(start: start, end: SourcePosition(line: start.line, column: start.column + 1, offset: start.offset + width))
    }
}
