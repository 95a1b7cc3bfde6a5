/// How serious a finding is. Only errors fail a run by default.
public enum Severity: String, Sendable, CaseIterable, Comparable, Codable {
    case error
    case warning
    case info

    private var rank: Int {
        switch self {
        case .error: 2
        case .warning: 1
        case .info: 0
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
