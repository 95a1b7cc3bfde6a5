/// What the rules across files need of every file the server knows, open or on disk in the workspace: the first
/// request of each name in each file, and which files hold each name.
///
/// The command line compares each file with the files before it in its walk; the server compares a document with
/// the files before it in the same order (paths compared folder by folder, each folder's entries by name, as the
/// walk sorts them). A document is re-checked against this summary alone, never by linting the other files again.
struct WorkspaceActivities {
    typealias FirstSeen = DuplicateActivities.FirstSeen

    private var firsts: [String: [UInt64: FirstSeen]] = [:]
    /// The files that hold each name, in run order.
    private var holders: [UInt64: [String]] = [:]

    /// Replaces what `file` holds with `activities` (its requests in source order). Returns the names whose first
    /// request in `file` came, went or now reads differently: the only names whose findings in other files change.
    mutating func update(_ file: String, activities: [DuplicateActivities.Activity]) -> Set<UInt64> {
        var current: [UInt64: FirstSeen] = [:]
        for activity in activities {
            let key = DuplicateActivities.key(activity.name)
            if current[key] == nil { current[key] = FirstSeen(activity) }
        }
        let previous = firsts[file] ?? [:]
        var changed: Set<UInt64> = []
        for (key, seen) in current {
            if let before = previous[key] {
                if !before.readsSame(as: seen) { changed.insert(key) }
            } else {
                changed.insert(key)
                var files = holders[key] ?? []
                files.insert(file, at: files.partitioningIndex { !Self.precedes($0, file) })
                holders[key] = files
            }
        }
        for key in previous.keys where current[key] == nil {
            changed.insert(key)
            holders[key]?.removeAll { $0 == file }
            if holders[key]?.isEmpty == true { holders[key] = nil }
        }
        firsts[file] = current.isEmpty ? nil : current
        return changed
    }

    /// A comparison that starts from the first request of each of `names` in the files before `file`.
    func duplicates(before file: String, names: some Sequence<UInt64>) -> DuplicateActivities {
        var duplicates = DuplicateActivities()
        for key in names {
            guard let first = holders[key]?.first, Self.precedes(first, file), let seen = firsts[first]?[key] else { continue }
            duplicates.seed(key, seen)
        }
        return duplicates
    }

    /// The files after `file` that hold one of `names`: those whose findings a change of these names in `file`
    /// can change.
    func files(after file: String, holding names: Set<UInt64>) -> Set<String> {
        var found: Set<String> = []
        for key in names {
            guard let files = holders[key] else { continue }
            let start = files.partitioningIndex { !Self.precedes($0, file) }
            for other in files[start...] where other != file { found.insert(other) }
        }
        return found
    }

    /// Whether the walk meets `a` before `b`: a folder's entries in name order, a folder's contents at its name
    /// (so `a/b.json` comes before `a-c.json`), which is the scalar order with `/` below every other scalar.
    static func precedes(_ a: String, _ b: String) -> Bool {
        var left = a.unicodeScalars.makeIterator()
        var right = b.unicodeScalars.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return false
            case (nil, _): return true
            case (_, nil): return false
            case (let x?, let y?) where x != y:
                return (x == "/" ? 0 : x.value + 1) < (y == "/" ? 0 : y.value + 1)
            default: continue
            }
        }
    }
}

extension Array {
    /// The first index whose element satisfies `belongsAfter`, for a predicate that is false then true along the
    /// array (a binary search).
    func partitioningIndex(where belongsAfter: (Element) -> Bool) -> Int {
        var (low, high) = (0, count)
        while low < high {
            let middle = (low + high) / 2
            if belongsAfter(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
