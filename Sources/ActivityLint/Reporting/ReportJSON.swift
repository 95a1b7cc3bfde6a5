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
            var object = JSONContainerText(object: true, indent: indent, in: &output)
            for (key, value) in members {
                object.key(escaping: key, in: &output)
                value.write(to: &output, indent: indent + 1, sink: sink)
            }
            object.end(in: &output)
        case .array(let elements):
            var array = JSONContainerText(object: false, indent: indent, in: &output)
            for element in elements {
                array.nextElement(in: &output)
                element.write(to: &output, indent: indent + 1, sink: sink)
            }
            array.end(in: &output)
        case .string(let text):
            output.append(quoted: text)
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
    private var array: JSONContainerText
    private(set) var count = 0
    /// Text is handed to the spool in pieces of about this many bytes.
    private static let pieceSize = 1 << 16

    init(indent: Int) {
        self.indent = indent
        array = JSONContainerText(object: false, indent: indent, in: &text)
    }

    mutating func append(_ element: ReportJSON) {
        array.nextElement(in: &text)
        element.write(to: &text, indent: indent + 1)
        endElement()
    }

    /// Appends an element already rendered at this array's depth plus one.
    mutating func append(rendered element: String) {
        array.nextElement(in: &text)
        text.append(element)
        endElement()
    }

    /// Appends an element that `write` writes at the depth it is given (this array's plus one).
    mutating func append(writing write: (inout ReportText, Int) -> Void) {
        array.nextElement(in: &text)
        write(&text, indent + 1)
        endElement()
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
        var tail = text
        array.end(in: &tail)
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
