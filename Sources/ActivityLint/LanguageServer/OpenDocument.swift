/// A document the client has open: its text as the editor holds it (saved or not) and its version.
struct OpenDocument {
    let uri: String
    /// The file system path the URI names (`file:` URIs), used to find the configuration; nil for other schemes.
    let path: String?
    var version: Int?
    private(set) var source: SourceText

    init(uri: String, version: Int?, text: String) {
        self.uri = uri
        self.path = DocumentURI.path(uri)
        self.version = version
        self.source = SourceText(text)
    }

    var bytes: [UInt8] { source.bytes }

    /// Applies one `TextDocumentContentChangeEvent`: a range and its new text, or, without a range, the whole text.
    /// Returns false when the change is not one.
    mutating func apply(_ change: JSONValue, encoding: PositionEncoding) -> Bool {
        guard let text = change["text"]?.string else { return false }
        guard let range = change["range"] else {
            source = SourceText(text)
            return true
        }
        let converter = PositionConverter(source: source, encoding: encoding)
        guard let start = ProtocolPosition(range["start"]), let end = ProtocolPosition(range["end"]) else { return false }
        let from = converter.offset(of: start)
        let to = max(from, converter.offset(of: end))
        var bytes = source.bytes
        bytes.replaceSubrange(from..<to, with: Array(text.utf8))
        source = SourceText(bytes: bytes)
        return true
    }
}

/// `file:` URIs and the paths they name (RFC 8089; percent-escapes decoded and written as VS Code writes them).
enum DocumentURI {
    static func path(_ uri: String) -> String? {
        guard uri.hasPrefix("file://") else { return nil }
        var rest = uri.dropFirst("file://".count)
        // `file://host/path`: only the local host is a path on this machine.
        if !rest.hasPrefix("/") {
            guard let slash = rest.firstIndex(of: "/"), rest[..<slash] == "localhost" else { return nil }
            rest = rest[slash...]
        }
        return percentDecoded(rest)
    }

    static func uri(_ path: String) -> String {
        var result = "file://"
        for byte in path.utf8 {
            if isUnreserved(byte) || byte == UInt8(ascii: "/") {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return result
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
             UInt8(ascii: "~"):
            true
        default: false
        }
    }

    private static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard iterator.count >= 2, let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16)
            else { return nil }
            bytes.append(value)
            iterator = iterator.dropFirst(2)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        // A path that is not UTF-8 would be changed by decoding: no such file is one the server can name.
        return text.utf8.elementsEqual(bytes) ? text : nil
    }
}
