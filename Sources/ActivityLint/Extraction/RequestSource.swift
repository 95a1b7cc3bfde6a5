/// One source of CreateActivity requests: how its documents are recognised, how its requests are spelt (its
/// `Dialect`, defined beside it), and where the requests are in a document. Adding a source is one type that
/// conforms to this, its line in `PayloadExtractor.sources`, and its `DocumentKind` and `InputKind` cases.
protocol RequestSource: Sendable {
    /// The kinds of document whose requests this source finds; the first is what `--input-kind` forces.
    static var documentKinds: [DocumentKind] { get }
    /// The `--input-kind` value that says every input is of this source.
    static var inputKind: InputKind { get }
    /// Whether a document with these top-level members is of this source by the format's own markers. `document`
    /// is nil for a document cut short by a syntax error, of which only the keys were read.
    static func hasMarkers(keys: [String], document: Node?) -> Bool
    /// Words that appear in this source's documents and hardly anywhere else, for text that cannot be parsed.
    static var textMarkers: [String] { get }
    /// What `no-request-found` says is missing when `--input-kind` forces this source and there is no request.
    static var noRequestDescription: String { get }
    /// The requests in one document of this source.
    static func sites(in document: Node, documentIndex: Int) -> [PayloadSite]
    /// The requests in one document, where the source may read what surrounds the file (a Terraform module's
    /// other files, through `module`); sources that need nothing of the kind use `sites(in:documentIndex:)`.
    static func sites(in document: Node, documentIndex: Int, module: TerraformModuleContext?) -> [PayloadSite]
    /// What is wrong with the document around its requests (a Serverless `activities` that is no list), which no
    /// request's rules can see.
    static func findings(in document: Node, documentIndex: Int) -> [Finding]
    /// Why a document of this source's format is not an activity document (a service without activities), for
    /// `--show-skipped`; nil when it is not of the format.
    static func notActivityReason(_ document: Node) -> String?
}

extension RequestSource {
    static func sites(in document: Node, documentIndex: Int, module: TerraformModuleContext?) -> [PayloadSite] {
        sites(in: document, documentIndex: documentIndex)
    }
    static func findings(in document: Node, documentIndex: Int) -> [Finding] { [] }
    static func notActivityReason(_ document: Node) -> String? { nil }
}
