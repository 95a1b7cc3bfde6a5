/// Rules across everything linted in one run: CreateActivity is idempotent by name, so a second request with the
/// same name and other tags is silently ignored (AWS keeps the first tags), and one with other encryption fails
/// with `ActivityAlreadyExists`.
struct DuplicateActivities {
    /// What one request would create, for comparing requests with the same name.
    struct Activity: Sendable {
        var name: String
        /// An order-independent fingerprint of the tags (a sum of one hash per key and value pair).
        var tags: UInt64
        /// A fingerprint of the encryption settings (type, key, reuse period).
        var encryption: UInt64
        var file: String
        var subject: String?
        var range: SourceRange
        var pointer: String
        var documentIndex: Int
        /// The file's text, kept only until the batch is compared, so a report can quote the name's line.
        var source: SourceText
    }

    /// The activity a payload would create, when its name and settings are all known literals.
    static func activity(_ payload: Payload, file: String, source: SourceText) -> Activity? {
        guard let name = payload.name, !name.isTemplate, name.summary.scalarCount > 0, !hasUnresolvedSettings(payload)
        else { return nil }
        var tags: UInt64 = 0
        for entry in payload.tagEntries {
            guard let key = entry.key, !key.isTemplate else { return nil }
            // A missing value is sent as "", whose hash is FNV-1a's starting value.
            let valueHash = entry.value?.summary.bytesHash ?? StableHash.Running().value
            tags = tags &+ StableHash.pair(key.summary.bytesHash, valueHash)
        }
        // No encryption configuration means an AWS owned key. The settings are hashed as if joined by NULs.
        let type = payload.encryptionType?.string.text ?? EncryptionValidators.awsOwned
        var encryption = StableHash.Running()
        encryption.add(type.utf8)
        if type == EncryptionValidators.customerManaged {
            encryption.add(0)
            encryption.add((payload.kmsKeyId?.string.text ?? "").utf8)
            encryption.add(0)
            encryption.add((payload.reusePeriod?.number.literal ?? "300").utf8)
        }
        return Activity(
            name: name.string.text, tags: tags, encryption: encryption.value, file: file, subject: payload.subject,
            range: name.range, pointer: payload.site.absolutePointer(name.pointer), documentIndex: payload.documentIndex,
            source: source)
    }

    /// Whether tags or encryption are computed at deploy time, so the request cannot be compared.
    private static func hasUnresolvedSettings(_ payload: Payload) -> Bool {
        let dialect = payload.dialect
        func isUnresolved(_ member: String) -> Bool {
            payload.root.memberValue(member).map { payload.isUnresolved($0, member: member) } ?? false
        }
        if isUnresolved(dialect.tags) || isUnresolved(dialect.encryption) { return true }
        guard let encryption = payload.encryption else { return false }
        return dialect.encryptionMembers.contains { member in
            encryption.member(member).map { dialect.isIntrinsic($0.value) } ?? false
        }
    }

    /// What is kept of the first request with a name: only what a later message names, since a run may see a
    /// hundred thousand names. Keyed by a 64-bit hash of the name (a collision among 10^5 names has a chance of
    /// about 10^-9).
    struct FirstSeen: Sendable {
        var tags: UInt64
        var encryption: UInt64
        var file: String
        var subject: String?
        var range: SourceRange

        init(_ activity: Activity) {
            (tags, encryption, file, subject, range) =
                (activity.tags, activity.encryption, activity.file, activity.subject, activity.range)
        }

        /// Whether a later request's finding would read the same: the settings compared and the place a related
        /// location shows (line and column; the byte offset moves with every edit above it).
        func readsSame(as other: FirstSeen) -> Bool {
            (tags, encryption, file, subject) == (other.tags, other.encryption, other.file, other.subject)
                && (range.start.line, range.start.column, range.end.line, range.end.column)
                    == (other.range.start.line, other.range.start.column, other.range.end.line, other.range.end.column)
        }
    }

    /// The key a name is kept under.
    static func key(_ name: String) -> UInt64 { StableHash.fnv1a64(name.utf8) }

    private var first: [UInt64: FirstSeen] = [:]

    /// Starts from a request seen before everything checked from now on (in an input not checked here).
    mutating func seed(_ key: UInt64, _ earlier: FirstSeen) {
        first[key] = earlier
    }

    /// The finding for a request whose name an earlier request already used with other settings, if any.
    mutating func check(_ activity: Activity) -> Finding? {
        let key = Self.key(activity.name)
        guard let earlier = first[key] else {
            first[key] = FirstSeen(activity)
            return nil
        }
        let related = RelatedLocation(
            file: earlier.file, range: earlier.range,
            message: "first created here" + (earlier.subject.map { " by \(Quoting.code($0))" } ?? ""))
        if earlier.encryption != activity.encryption {
            return Self.finding(activity, "activity-duplicate-encryption", related,
                "activity \(Quoting.code(activity.name)) is created earlier in this run with other encryption; "
                + "the later CreateActivity fails with ActivityAlreadyExists")
        }
        if earlier.tags != activity.tags {
            return Self.finding(activity, "activity-duplicate-tags", related,
                "activity \(Quoting.code(activity.name)) is created earlier in this run with other tags; "
                + "CreateActivity is idempotent by name, so AWS silently keeps the first tags")
        }
        return nil
    }

    private static func finding(_ activity: Activity, _ rule: String, _ related: RelatedLocation, _ message: String)
        -> Finding
    {
        Finding(ruleID: rule, message: message, range: activity.range, pointer: activity.pointer,
                documentIndex: activity.documentIndex, subject: activity.subject, related: [related],
                value: activity.name)
    }
}
