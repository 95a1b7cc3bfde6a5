extension StringValue {
    /// Whether the value holds `marker` (a dynamic reference's `{{resolve:`), whose value no linter can know.
    /// Searched in the UTF-8 bytes: Foundation's `contains` bridges every tag value of a template to NSString,
    /// which was a fifth of linting one.
    func holds(_ marker: String) -> Bool {
        var text = self.text
        var marker = marker
        return text.withUTF8 { bytes in marker.withUTF8 { bytes.contains(bytes: $0) } }
    }
}
