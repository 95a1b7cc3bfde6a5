extension StringValue {
    /// Whether the value holds `marker` (a dynamic reference's `{{resolve:`), whose value no linter can know.
    func holds(_ marker: String) -> Bool { text.containsBytes(of: marker) }
}
