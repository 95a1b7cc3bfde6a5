import Testing
@testable import ActivityLint

/// The quick byte-level acceptance of key references agrees with the full parse that explains problems.
struct KMSKeyReferenceTests {
    static let wellFormed = [
        "1234abcd-12ab-34cd-56ef-1234567890ab",
        "1234ABCD-12AB-34CD-56EF-1234567890AB",
        "mrk-1234abcd12ab34cd56ef1234567890ab",
        "mrk-1234ABCD12AB34CD56EF1234567890AB",
        "alias/ExampleAlias",
        "alias/aws/states",
        "alias/team_a/orders-key",
        "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        "arn:aws:kms:eu-west-2:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab",
        "arn:aws:kms:ap-southeast-1:111122223333:key/1234ABCD-12ab-34cd-56ef-1234567890ab",
        "arn:aws:kms:us-east-1:111122223333:alias/ExampleAlias",
        "arn:aws:kms:us-east-1:111122223333:alias/aws/states",
        "arn:aws-cn:kms:cn-north-1:111122223333:alias/orders",
        "arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        "arn:aws-iso-b:kms:us-isob-east-1:111122223333:alias/a",
        "arn:aws-eusc:kms:eusc-de-east-1:111122223333:alias/a",
    ]

    static let malformed = [
        "", " alias/x", "alias/", "alias/with space", "alias/ünïcode", "1234abcd-12ab-34cd-56ef-1234567890a",
        "1234abcd-12ab-34cd-56ef_1234567890ab", "1234abcg-12ab-34cd-56ef-1234567890ab", "mrk-1234", "orders-key",
        "arn:aws:kms:us-east-1:111122223333", "arn:aws:s3:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        "arn:aws:kms:cn-north-1:111122223333:alias/x", "arn:aws:kms:us-east:111122223333:alias/x",
        "arn:aws:kms:us-east-1:11112222333:alias/x", "arn:aws:kms:us-east-1:111122223333:key/not-a-key",
        "arn:aws:kms:us-east-1:111122223333:keys/x", "arn:aws-moon:kms:us-east-1:111122223333:alias/x",
        "arn:aws:kms:us-east-1:111122223333:alias/", "alias/" + String(repeating: "a", count: 251),
    ]

    @Test(arguments: wellFormed)
    func quickAcceptanceAgreesWithTheFullParse(reference: String) throws {
        let quick = try #require(KMSKeyReferenceQuickAccept.reference(reference))
        #expect(KMSKeyReference.explain(reference) == .success(quick))
    }

    @Test(arguments: malformed)
    func malformedReferencesAreLeftToTheFullParse(reference: String) {
        #expect(KMSKeyReferenceQuickAccept.reference(reference) == nil)
        guard case .failure = KMSKeyReference.parse(reference) else {
            Issue.record("\(reference) was accepted")
            return
        }
    }

    @Test func aliasLengthLimitIsTheSameOnBothPaths() {
        let longest = "alias/" + String(repeating: "a", count: 250)
        #expect(KMSKeyReferenceQuickAccept.reference(longest) != nil)
        #expect(KMSKeyReference.explain(longest) == .success(.aliasName(awsManaged: false)))
    }
}
