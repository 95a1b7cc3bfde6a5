/// A failing example of a rule, as the catalog writes it: the text with a `↓` where each of the rule's diagnostics
/// starts (as SwiftLint's triggering examples mark them), and the text after the rule's fix when it has one.
public struct RuleExample: Hashable, Sendable {
    /// Marks where a diagnostic starts. No rule needs it as a character of an example, and it is not ASCII, so it
    /// cannot be confused with the syntax of JSON or YAML.
    public static let marker: Unicode.Scalar = "↓"

    /// The example as written, markers included (what the documentation shows).
    public let markedText: String
    /// The text the linter reads: `markedText` without its markers.
    public let text: String
    /// 0-based byte offsets into `text` where the markers stood, in order; two markers in a row give one offset twice.
    public let markerOffsets: [Int]
    /// The text after applying the fixes of this rule's diagnostics, or nil when the rule offers none here.
    public let fixed: String?

    public init(_ markedText: String, fixed: String? = nil) {
        self.markedText = markedText
        self.fixed = fixed
        // Scalar by scalar: a marker before a combining mark would otherwise join it in one Character.
        var text = String.UnicodeScalarView()
        var offsets: [Int] = []
        var byteCount = 0
        for scalar in markedText.unicodeScalars {
            if scalar == Self.marker {
                offsets.append(byteCount)
            } else {
                text.append(scalar)
                byteCount += UTF8.width(scalar)
            }
        }
        self.text = String(text)
        markerOffsets = offsets
    }

    /// The parts `init(_:fixed:)` computes, given as they are: the catalog the build generates uses it.
    init(markedText: String, text: String, markerOffsets: [Int], fixed: String?) {
        self.markedText = markedText
        self.text = text
        self.markerOffsets = markerOffsets
        self.fixed = fixed
    }
}
