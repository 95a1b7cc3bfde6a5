import Foundation
@testable import ActivityLint

/// Applies the fixes of diagnostics to the text they were found in, as `--fix` would in one round: every edit of
/// every fix, by byte offset into the original text, refused when edits overlap or leave invalid UTF-8.
enum FixApplication {
    enum Problem: Error, Equatable {
        case outOfRange(TextEdit)
        /// Two edits cover the same bytes, or start at the same offset, so their order is undefined.
        case overlapping(TextEdit, TextEdit)
        /// An edit cuts a multi-byte character.
        case invalidUTF8
    }

    static func applying(fixesOf diagnostics: [Diagnostic], to text: String) throws(Problem) -> String {
        try applying(diagnostics.flatMap { $0.fix?.edits ?? [] }, to: text)
    }

    static func applying(_ edits: [TextEdit], to text: String) throws(Problem) -> String {
        let bytes = Array(text.utf8)
        let ordered = edits.sorted { ($0.offset, $0.endOffset) < ($1.offset, $1.endOffset) }
        for edit in ordered where edit.offset < 0 || edit.offset > edit.endOffset || edit.endOffset > bytes.count {
            throw .outOfRange(edit)
        }
        for (earlier, later) in zip(ordered, ordered.dropFirst())
        where later.offset < earlier.endOffset || later.offset == earlier.offset {
            throw .overlapping(earlier, later)
        }
        // Offsets all refer to the original text, so copying the bytes between edits front to back is the same as
        // applying the edits from the last to the first, in one pass.
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var cursor = 0
        for edit in ordered {
            result += bytes[cursor..<edit.offset]
            result += edit.replacement.utf8
            cursor = edit.endOffset
        }
        result += bytes[cursor...]
        guard let fixed = String(bytes: result, encoding: .utf8) else { throw .invalidUTF8 }
        return fixed
    }
}
