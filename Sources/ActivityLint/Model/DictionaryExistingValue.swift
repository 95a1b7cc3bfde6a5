/// One lookup to find a key's first value or to store it: repeated tag keys and repeated object keys are found so.
extension Dictionary {
    /// The value already held for `key`, or nil after storing `value` for it: one lookup either way.
    mutating func existingValue(for key: Key, storing value: Value) -> Value? {
        let before = count
        func read(_ held: inout Value) -> Value { held }
        // The defaulted subscript's modify accessor stores `value` when the key is new, and only then grows.
        let held = read(&self[key, default: value])
        return count > before ? nil : held
    }
}
