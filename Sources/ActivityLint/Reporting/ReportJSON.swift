/// A small ordered JSON tree that the JSON and SARIF reporters build and print.
///
/// Keys keep the order they were given in, so output is deterministic; printing is `json.dumps(indent=2)` style.
indirect enum ReportJSON {
    case object([(String, ReportJSON)])
    case array([ReportJSON])
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    /// JSON already rendered for the depth where it stands (a `StreamedJSONArray`), written piece by piece as it is.
    case raw(RenderedJSON)

    /// A string, or `null` when `text` is nil.
    static func string(orNull text: String?) -> ReportJSON {
        text.map(ReportJSON.string) ?? .null
    }

    /// Pretty-printed with two-space indentation, ending with a newline.
    func rendered() -> String {
        var output = ""
        render { output += $0 }
        return output
    }

    /// Pretty-printed as `rendered()`, handed to `write` in pieces: pre-rendered parts go through as they are, so
    /// a large report is never copied into one string.
    func render(_ write: (String) -> Void) {
        var output = ReportText()
        // An optional closure parameter counts as escaping; `write` is only used during this call.
        withoutActuallyEscaping(write) { self.write(to: &output, indent: 0, sink: $0) }
        output.append("\n")
        write(output.string)
    }

    /// The value rendered at nesting depth `indent`, appended to `output`.
    func write(to output: inout String, indent: Int) {
        var text = ReportText()
        write(to: &text, indent: indent)
        output += text.string
    }

    /// Appends the value rendered at nesting depth `indent`; `sink`, when given, takes what is written so far
    /// before each pre-rendered part.
    func write(to output: inout ReportText, indent: Int, sink: ((String) -> Void)? = nil) {
        switch self {
        case .object(let members):
            if members.isEmpty {
                output.append("{}")
                return
            }
            output.append("{\n")
            for (index, (key, value)) in members.enumerated() {
                output.indent(indent + 1)
                output.append(byte: UInt8(ascii: "\""))
                JSONStringEscaper.append(key, to: &output)
                output.append("\": ")
                value.write(to: &output, indent: indent + 1, sink: sink)
                output.append(index + 1 < members.count ? ",\n" : "\n")
            }
            output.indent(indent)
            output.append(byte: UInt8(ascii: "}"))
        case .array(let elements):
            if elements.isEmpty {
                output.append("[]")
                return
            }
            output.append("[\n")
            for (index, element) in elements.enumerated() {
                output.indent(indent + 1)
                element.write(to: &output, indent: indent + 1, sink: sink)
                output.append(index + 1 < elements.count ? ",\n" : "\n")
            }
            output.indent(indent)
            output.append(byte: UInt8(ascii: "]"))
        case .string(let text):
            output.append(byte: UInt8(ascii: "\""))
            JSONStringEscaper.append(text, to: &output)
            output.append(byte: UInt8(ascii: "\""))
        case .int(let value):
            output.append(value)
        case .bool(let value):
            output.append(value ? "true" : "false")
        case .null:
            output.append("null")
        case .raw(let rendered):
            guard let sink else { return rendered.forEach { output.append($0) } }
            output.flush(to: sink)
            rendered.forEach(sink)
        }
    }
}

/// A JSON array rendered one element at a time, for the long lists of a report that fill up as files are linted:
/// a run keeps their text, not the results, and keeps it in a `ReportSpool` (a temporary file past its first
/// 256 KiB), so memory does not grow with the report.
struct StreamedJSONArray {
    /// The nesting depth at which the array stands in its document.
    let indent: Int
    private let spool = ReportSpool()
    private var pieces: [ReportSpool.Piece] = []
    private var text = ReportText()
    private(set) var count = 0
    /// Text is handed to the spool in pieces of about this many bytes.
    private static let pieceSize = 1 << 16

    init(indent: Int) {
        self.indent = indent
    }

    mutating func append(_ element: ReportJSON) {
        startElement()
        element.write(to: &text, indent: indent + 1)
        endElement()
    }

    /// Appends an element already rendered at this array's depth plus one.
    mutating func append(rendered element: String) {
        startElement()
        text.append(element)
        endElement()
    }

    private mutating func startElement() {
        text.append(count == 0 ? "[\n" : ",\n")
        text.indent(indent + 1)
    }

    private mutating func endElement() {
        count += 1
        if text.count >= Self.pieceSize {
            pieces.append(spool.append(text.string))
            text.removeAll()
        }
    }

    /// The finished array, to place in the document.
    var value: ReportJSON {
        guard count > 0 else { return .array([]) }
        var tail = text
        tail.append(byte: UInt8(ascii: "\n"))
        tail.indent(indent)
        tail.append(byte: UInt8(ascii: "]"))
        return .raw(RenderedJSON(spool: spool, pieces: pieces, tail: tail.string))
    }
}

/// Rendered JSON text: pieces kept in a spool, then a tail still in memory.
struct RenderedJSON {
    let spool: ReportSpool
    let pieces: [ReportSpool.Piece]
    let tail: String

    /// Hands the text to `body` piece by piece, in order.
    func forEach(_ body: (String) -> Void) {
        for piece in pieces { body(spool.text(of: piece)) }
        body(tail)
    }
}
