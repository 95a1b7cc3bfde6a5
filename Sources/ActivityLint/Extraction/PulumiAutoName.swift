/// The name Pulumi gives an `aws:sfn:Activity` without `name`: its logical name (the resource's key, or the
/// resource's own `name` when it has one), `-` and seven random hex digits. The suffix is always valid, so the
/// logical name must be a valid name of at most 72 characters; what is wrong with it is reported where it is
/// written, under the name rules.
enum AutoName {
    static func findings(for resource: Node.Member, documentIndex: Int) -> [Finding] {
        let resourcePointer = JSONPointer.appending(resource.key.text, to: "/resources")
        let subject = resource.key.text
        let written = resource.value.memberValue("name").flatMap { node in node.string.map { ($0, node.range) } }
        let key = written?.0 ?? resource.key
        let range = written?.1 ?? resource.keyRange
        let pointer = written == nil ? resourcePointer : JSONPointer.appending("name", to: resourcePointer)
        let made = "the name Pulumi makes when `properties` has no `name` (the logical name, `-` and 7 random hex digits)"
        var findings: [Finding] = []
        let count = key.text.unicodeScalars.count
        let maximum = NameValidators.maximumLength - PulumiExtractor.autoNameSuffixLength
        if count > maximum {
            findings.append(Finding(
                ruleID: "name-length",
                message: "\(made) is \(count + PulumiExtractor.autoNameSuffixLength) characters long, over the "
                    + "maximum of 80; set `name`, or shorten the logical name to \(maximum) characters",
                range: range, pointer: pointer, documentIndex: documentIndex, subject: subject, value: key.text))
        }
        var locator = ScalarLocator(key)
        var firstUnsafe: (index: Int, value: UInt32)?
        var hasForbidden = false
        for (index, scalar) in key.text.unicodeScalars.enumerated() {
            if let category = NameCharacterClass.forbiddenCategory(scalar.value) {
                hasForbidden = true
                findings.append(Finding(
                    ruleID: "name-forbidden-character",
                    message: "\(made) contains \(category) \(CodePointDescription.describe(scalar.value)) at "
                        + "character \(index + 1); AWS rejects the name with InvalidName (set `name`)",
                    range: locator.range(ofScalar: index), pointer: pointer, documentIndex: documentIndex,
                    subject: subject, value: String(scalar.value, radix: 16)))
            } else if firstUnsafe == nil, !NameCharacterClass.isCloudWatchSafe(scalar.value) {
                firstUnsafe = (index, scalar.value)
            }
        }
        if !hasForbidden, let (index, value) = firstUnsafe {
            findings.append(Finding(
                ruleID: "name-cloudwatch-safe",
                message: "\(made) contains \(CodePointDescription.describe(value)); CloudWatch Logs logging and "
                    + "metrics need names of only 0-9, A-Z, a-z, '-' and '_'",
                range: key.range(ofScalar: index), pointer: pointer, documentIndex: documentIndex, subject: subject,
                value: key.text))
        }
        return findings
    }
}
