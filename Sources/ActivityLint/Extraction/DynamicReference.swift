extension StringValue {
    /// Whether the value holds a CloudFormation dynamic reference (`{{resolve:ssm:…}}`), whose value no linter
    /// can know. Searched in the UTF-8 bytes: Foundation's `contains` bridges every tag value of a template to
    /// NSString, which was a fifth of linting one.
    var holdsDynamicReference: Bool {
        let marker = Self.dynamicReferenceMarker
        var text = self.text
        return text.withUTF8 { bytes in
            guard bytes.count >= marker.count else { return false }
            var index = 0
            while let found = bytes.offset(of: marker[0], from: index), found + marker.count <= bytes.count {
                if bytes[found..<found + marker.count].elementsEqual(marker) { return true }
                index = found + 1
            }
            return false
        }
    }

    private static let dynamicReferenceMarker = Array("{{resolve:".utf8)
}
