/// Each text's first earlier occurrence with the same bytes, found in one pass over a list (AWS compares tag keys
/// by their bytes). The texts' FNV-1a hashes, already in their summaries, go straight into an open-addressing table
/// of positions sized once for the list: a `Dictionary` would hash every key again and cost more than reading the
/// tags did.
struct FirstOccurrences {
    private struct Slot {
        var hash: UInt64 = 0
        /// The list position stored here, or -1 for an empty slot.
        var position = -1
    }

    /// Mixed into every hash before it picks a slot, and different in every process: a list crafted to pile its
    /// keys into one run of slots (and make the probes quadratic) cannot know where its keys land.
    private static let seed = UInt64.random(in: .min ... .max)

    private var slots: [Slot]
    private let shift: UInt64

    /// A table for a list of `count` texts: at most half full, so a probe run stays short.
    init(expecting count: Int) {
        var bits: UInt64 = 3
        while 1 << bits < 2 * count { bits += 1 }
        slots = Array(repeating: Slot(), count: 1 << bits)
        shift = 64 - bits
    }

    /// The position stored earlier for a text with `hash` that `isSame` confirms, or nil after storing `position`
    /// for it.
    mutating func earlier(hash: UInt64, storing position: Int, isSame: (Int) -> Bool) -> Int? {
        let mask = slots.count - 1
        // Fibonacci hashing: the multiply carries every bit of the hash into the top bits that pick the slot.
        var index = Int(truncatingIfNeeded: ((hash ^ Self.seed) &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while slots[index].position >= 0 {
            if slots[index].hash == hash, isSame(slots[index].position) { return slots[index].position }
            index = (index + 1) & mask
        }
        slots[index] = Slot(hash: hash, position: position)
        return nil
    }
}
