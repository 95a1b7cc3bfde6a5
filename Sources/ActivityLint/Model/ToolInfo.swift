/// The tool's identity as it appears in reports.
public enum ToolInfo {
    public static let name = "activity-lint"
    public static let version = "0.1.0"
    public static let informationURI = "https://github.com/activity-lint/activity-lint"
    /// The version of the `--format json` contract; bump on any incompatible change.
    public static let jsonFormatVersion = 2
}
