import Testing
@_spi(Internals) @testable import ActivityLint

/// Key references are read the way KMS documents them: what each well-formed form is, and what a user is told
/// about a malformed one.
struct KMSKeyReferenceTests {
    static let wellFormed: [(String, KMSKeyReference)] = [
        ("1234abcd-12ab-34cd-56ef-1234567890ab", .keyID(uppercase: false)),
        ("1234ABCD-12AB-34CD-56EF-1234567890AB", .keyID(uppercase: true)),
        ("mrk-1234abcd12ab34cd56ef1234567890ab", .multiRegionKeyID(uppercase: false)),
        ("mrk-1234ABCD12AB34CD56EF1234567890AB", .multiRegionKeyID(uppercase: true)),
        ("alias/ExampleAlias", .aliasName(awsManaged: false)),
        ("alias/aws/states", .aliasName(awsManaged: true)),
        ("alias/team_a/orders-key", .aliasName(awsManaged: false)),
        ("alias/" + String(repeating: "a", count: 250), .aliasName(awsManaged: false)),
        ("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", .keyARN(uppercase: false)),
        ("arn:aws:kms:eu-west-2:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab", .keyARN(uppercase: false)),
        ("arn:aws:kms:ap-southeast-1:111122223333:key/1234ABCD-12ab-34cd-56ef-1234567890ab", .keyARN(uppercase: true)),
        ("arn:aws:kms:us-east-1:111122223333:alias/ExampleAlias", .aliasARN(awsManaged: false)),
        ("arn:aws:kms:us-east-1:111122223333:alias/aws/states", .aliasARN(awsManaged: true)),
        ("arn:aws-cn:kms:cn-north-1:111122223333:alias/orders", .aliasARN(awsManaged: false)),
        ("arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", .keyARN(uppercase: false)),
        ("arn:aws-iso-b:kms:us-isob-east-1:111122223333:alias/a", .aliasARN(awsManaged: false)),
        ("arn:aws-eusc:kms:eusc-de-east-1:111122223333:alias/a", .aliasARN(awsManaged: false)),
    ]

    static let notAReference = "is not a KMS key reference; " + KMSKeyReference.formsHint
    static let aliasCharacters = "in its alias name; alias names allow only letters, digits, '/', '_' and '-'"

    static let malformed: [(String, String)] = [
        ("", notAReference),
        (" alias/x", "contains white space (U+0020)"),
        ("alias/a\u{00A0}b", "contains white space (U+00A0)"),
        ("x\u{2003}y", "contains white space (U+2003)"),
        ("\t", "contains white space (U+0009)"),
        ("alias/", "is an alias with no name after \"alias/\""),
        ("alias/ünïcode", "has 'ü' (U+00FC LATIN SMALL LETTER U WITH DIAERESIS) " + aliasCharacters),
        // 256 characters in 257 bytes: the limit counts characters, so the character is what is wrong.
        ("alias/é" + String(repeating: "a", count: 249), "has 'é' (U+00E9 LATIN SMALL LETTER E WITH ACUTE) " + aliasCharacters),
        ("alias/" + String(repeating: "a", count: 251), "is an alias name longer than 256 characters"),
        ("alias/" + String(repeating: "é", count: 251), "is an alias name longer than 256 characters"),
        ("1234abcd-12ab-34cd-56ef-1234567890a", notAReference),
        ("1234abcd-12ab-34cd-56ef_1234567890ab", notAReference),
        ("1234abcg-12ab-34cd-56ef-1234567890ab", notAReference),
        ("12345abc-2ab-34cd-56ef-1234567890ab", notAReference),
        ("mrk-1234", notAReference),
        ("mrk-1234abcd12ab34cd56ef1234567890aZ", notAReference),
        ("orders-key", notAReference),
        ("ALIAS/x", notAReference),
        ("arn:aws:kms:us-east-1:111122223333", "is not a complete ARN (arn:PARTITION:kms:REGION:ACCOUNT:key/ID or alias/NAME)"),
        ("arn:aws:s3:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", "is an ARN of the service \"s3\", not of kms"),
        ("arn:aws:kms:cn-north-1:111122223333:alias/x", "has the region \"cn-north-1\", which is not a region of the partition \"aws\""),
        ("arn:aws:kms:us-east:111122223333:alias/x", "has the region \"us-east\", which is not a region of the partition \"aws\""),
        ("arn:aws:kms:us-east-1-2:111122223333:alias/x", "has the region \"us-east-1-2\", which is not a region of the partition \"aws\""),
        ("arn:aws:kms:us-east-1:11112222333:alias/x", "has the account \"11112222333\"; an account ID is 12 digits"),
        ("arn:aws:kms:us-east-1:1111222233a3:alias/x", "has the account \"1111222233a3\"; an account ID is 12 digits"),
        ("arn:aws:kms:us-east-1:111122223333:key/not-a-key", "has no valid key ID after \"key/\""),
        ("arn:aws:kms:us-east-1:111122223333:key/", "has no valid key ID after \"key/\""),
        ("arn:aws:kms:us-east-1:111122223333:keys/x", "names neither a key/ nor an alias/ resource"),
        ("arn:aws:kms:us-east-1:111122223333:alias/ü", "has 'ü' (U+00FC LATIN SMALL LETTER U WITH DIAERESIS) " + aliasCharacters),
        ("arn:aws:kms:us-east-1:111122223333:alias/", "is an alias with no name after \"alias/\""),
        ("arn:aws-moon:kms:us-east-1:111122223333:alias/x",
         "has the unknown partition \"aws-moon\" (known: aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc)"),
    ]

    @Test(arguments: wellFormed)
    func wellFormedReferencesAreRecognised(reference: String, kind: KMSKeyReference) {
        #expect(KMSKeyReference.parse(reference) == .success(kind))
    }

    @Test(arguments: malformed)
    func malformedReferencesSayWhatIsWrong(reference: String, message: String) {
        #expect(KMSKeyReference.parse(reference) == .failure(KMSKeyReference.Problem(message: message)))
    }
}
