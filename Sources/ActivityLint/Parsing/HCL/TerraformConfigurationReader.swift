/// Reads a `.tf` or `.tofu` file into one document in Terraform's JSON shape (`HCLJSONShape`).
///
/// A file that declares no `aws_sfn_activity` before its first syntax error gives no document: the classifier then
/// lints it only when its text names `aws_sfn_activity` or `encryption_configuration` (past the error) or its name
/// names an activity, and otherwise skips it as not an activity document, its syntax error unreported, as it does
/// for broken JSON and YAML whose start is not an activity document. An empty file gives no document either.
enum TerraformConfigurationReader {
    static func read(_ source: SourceText, limits: ParseLimits) -> ParsedSource {
        let file = HCLParser.parse(source, limits: limits)
        var shape = HCLJSONShape(source: source)
        let range = SourceRange(
            start: source.position(atOffset: source.contentOffset), end: source.position(atOffset: source.bytes.count))
        let document = shape.document(file.body, range: range)
        let declaresActivity = TerraformConfigurationExtractor.declaresActivity(document)
        let keep = file.error == nil ? !file.body.items.isEmpty : declaresActivity
        var parsed = ParsedSource(documents: keep ? [document] : [], findings: file.findings)
        parsed.lineComments = file.lineComments
        parsed.kindWhenUnread = .terraformConfiguration
        return parsed
    }
}
