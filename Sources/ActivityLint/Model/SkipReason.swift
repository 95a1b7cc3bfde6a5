/// Why a file was not linted. Skipped files get no diagnostics; the summary counts them by category and
/// `--show-skipped` (and the JSON report) gives each one's reason.
public struct SkipReason: Sendable, Hashable {
    public enum Category: String, Sendable, CaseIterable {
        /// Read and classified: not a request, template or plan.
        case notActivity = "not-activity"
        /// A symbolic link to a place outside the repository: never followed, so its target is never read.
        case outsideRepository = "outside-repository"
        /// The linter's own files: the configuration, rule packs and baseline in use.
        case linterFile = "linter-file"
        /// Turned away by the configuration's `include` and `exclude` (a run leaves such files out of its report
        /// and counts them; a document linted in memory gets this reason).
        case excluded
    }

    public var category: Category
    /// One line for people: what the file is, or what it points at in general terms (never its content).
    public var detail: String

    public init(_ category: Category, _ detail: String) {
        self.category = category
        self.detail = detail
    }
}
