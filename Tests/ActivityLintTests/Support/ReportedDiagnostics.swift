import Foundation

/// The diagnostics of a `--format json` report, as rule and position, for tests that check what a user sees.
struct ReportedDiagnostic: Equatable, CustomStringConvertible {
    var rule: String
    var line: Int
    var column: Int
    var message: String
    var description: String { "\(rule)@\(line):\(column)" }

    static func all(in json: String) throws -> [ReportedDiagnostic] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let list = object?["diagnostics"] as? [[String: Any]] ?? []
        return list.map {
            ReportedDiagnostic(
                rule: $0["rule"] as? String ?? "", line: $0["line"] as? Int ?? 0, column: $0["column"] as? Int ?? 0,
                message: $0["message"] as? String ?? "")
        }
    }
}
