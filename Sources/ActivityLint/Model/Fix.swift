/// A change that resolves a diagnostic: byte edits to the file it is about, whether applying them is safe, and a
/// title for the editor and the report.
public struct Fix: Hashable, Sendable {
    /// Safe fixes keep what the request means; unsafe ones change what AWS creates (see the README's fix section).
    public enum Applicability: String, Hashable, Sendable {
        /// Applied by `--fix`.
        case safe
        /// Applied only with `--unsafe-fixes`: the fix changes the activity's name or encryption, which
        /// CloudFormation answers by replacing the resource.
        case unsafe
    }

    /// What the fix does, imperative and short (`Rename \`Name\` to \`name\``).
    public var title: String
    public var applicability: Applicability
    /// Edits to the diagnostic's file, in any order, never overlapping.
    public var edits: [TextEdit]

    public init(title: String, applicability: Applicability, edits: [TextEdit]) {
        self.title = title
        self.applicability = applicability
        self.edits = edits
    }
}

/// Replaces the bytes `offset..<endOffset` of a file with `replacement` (an insertion when both are equal).
public struct TextEdit: Hashable, Sendable {
    /// 0-based byte offsets into the file as it was read.
    public var offset: Int
    public var endOffset: Int
    public var replacement: String

    public init(offset: Int, endOffset: Int, replacement: String) {
        self.offset = offset
        self.endOffset = endOffset
        self.replacement = replacement
    }

    /// Replaces what `range` covers.
    public init(replacing range: SourceRange, with replacement: String) {
        self.init(offset: range.start.offset, endOffset: range.end.offset, replacement: replacement)
    }
}

/// Another place a diagnostic is about: the earlier request with the same name, the first of two repeated tags.
public struct RelatedLocation: Hashable, Sendable {
    public var file: String
    public var range: SourceRange
    /// What is there, without positions (`first created here`).
    public var message: String

    public init(file: String, range: SourceRange, message: String) {
        self.file = file
        self.range = range
        self.message = message
    }
}
