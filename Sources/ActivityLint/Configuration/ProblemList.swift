/// Collects the problems of a configuration, its rule packs and the rule ids they name, so that one run reports
/// every one of them rather than the first.
struct ProblemList {
    private(set) var problems: [ConfigurationError] = []

    var isEmpty: Bool { problems.isEmpty }

    /// Runs `body`; what it throws is recorded and nil returned.
    mutating func attempt<Value>(_ body: () throws(ConfigurationError) -> Value) -> Value? {
        do {
            return try body()
        } catch {
            record(error)
            return nil
        }
    }

    mutating func record(_ error: ConfigurationError) {
        problems += error.all
    }

    /// The problems file by file (in the order the files were met), each file's from its top: the order a reader
    /// fixes them in, whichever stage of the reading found each.
    var inReadingOrder: [ConfigurationError] {
        var fileOrder: [String: Int] = [:]
        for problem in problems where fileOrder[problem.file] == nil { fileOrder[problem.file] = fileOrder.count }
        return problems.enumerated().sorted { a, b in
            let (fileA, fileB) = (fileOrder[a.element.file]!, fileOrder[b.element.file]!)
            if fileA != fileB { return fileA < fileB }
            let placeA = a.element.position.map { ($0.line, $0.column) } ?? (0, 0)
            let placeB = b.element.position.map { ($0.line, $0.column) } ?? (0, 0)
            return placeA != placeB ? placeA < placeB : a.offset < b.offset
        }.map(\.element)
    }

    /// Every recorded problem as one error, or nil.
    var error: ConfigurationError? {
        guard var first = problems.first else { return nil }
        first.more = Array(problems.dropFirst())
        return first
    }

    func check() throws(ConfigurationError) {
        if let error { throw error }
    }
}
