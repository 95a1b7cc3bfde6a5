/// Turns a path as the user gave it into a SARIF `artifactLocation` URI.
enum ArtifactURI {
    /// The SARIF base id that relative paths are resolved against (the checkout root on GitHub).
    static let sourceRootBaseID = "%SRCROOT%"

    /// A relative path becomes a relative URI reference (a leading `./` removed) against `%SRCROOT%`;
    /// an absolute path becomes a `file:///` URI without a base. Anything but unreserved characters and `/`
    /// is percent-encoded as UTF-8.
    static func location(forPath path: String) -> (uri: String, baseID: String?) {
        if path.hasPrefix("/") {
            return ("file://" + percentEncode(Substring(path)), nil)
        }
        var relative = Substring(path)
        while relative.hasPrefix("./") {
            relative = relative.dropFirst(2)
            while relative.hasPrefix("/") { relative = relative.dropFirst() }
        }
        return (percentEncode(relative), sourceRootBaseID)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Percent-encodes every byte except RFC 3986 unreserved characters (`A-Z a-z 0-9 - . _ ~`) and `/`.
    /// Encoding `:` too keeps a relative path such as `c:x.json` from reading as a URI scheme.
    static func percentEncode(_ path: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count)
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                bytes.append(byte)
            default:
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0xF)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
