/// The CreateActivity members in every spelling a user might have meant: the API's (`name`), CloudFormation's
/// (`Name`), Terraform's (`encryption_configuration`) and near misses (`tag`, `nmae`). The classifier counts them
/// as request members so that a broken request is still linted.
enum RequestMember {
    enum Family: Equatable {
        case name, tags, encryption
    }

    static func family(of key: String) -> Family? {
        let word = normalized(key)
        // Exact spellings first: nearly every key of a request is one, and none is a near miss of another family.
        switch word {
        case "name", "activityname": return .name
        case "tags", "tag", "taglist", "tagslist": return .tags
        case "encryptionconfiguration", "kmskeyid", "kmsdatakeyreuseperiodseconds": return .encryption
        default: break
        }
        if isNear(word, "name") { return .name }
        if isNear(word, "tags") { return .tags }
        if word.hasPrefix("encryption") || editDistance(word, "encryptionconfiguration", limit: 3) <= 3 {
            return .encryption
        }
        return nil
    }

    /// An encryption block as CreateActivity spells it in any dialect: an object (or a one-element block list)
    /// with a `type`, a key id or a reuse period.
    static func looksLikeEncryption(_ node: Node) -> Bool {
        if Intrinsic.isIntrinsic(node) { return true }
        let block = node.elements?.first ?? node
        return block.members?.contains { member in
            let word = normalized(member.key.text)
            return word == "type" || word == "kmskeyid" || word == "kmsdatakeyreuseperiodseconds"
        } == true
    }

    /// Tags as a request writes them: a list of `{key, value}` entries in any spelling, or, next to a name, the
    /// map that Terraform and SAM users write by habit (`tags: {team: a}`).
    static func looksLikeTags(_ node: Node, besideName: Bool) -> Bool {
        if let entries = node.elements {
            return !entries.isEmpty && entries.allSatisfy { entry in
                entry.members?.contains { ["key", "value"].contains(normalized($0.key.text)) } == true
            }
        }
        guard besideName, let members = node.members, !members.isEmpty else { return false }
        return members.allSatisfy { $0.value.string != nil || $0.value.members == nil && $0.value.elements == nil }
    }

    private static func normalized(_ key: String) -> String {
        String(decoding: Spelling.normalized(key), as: UTF8.self)
    }

    /// One letter added, dropped, changed or two letters swapped: `nmae`, `nam`, `tgas`.
    private static func isNear(_ word: String, _ target: String) -> Bool {
        word.utf8.count >= 3 && editDistance(word, target, limit: 1) <= 1
    }

    private static func editDistance(_ word: String, _ target: String, limit: Int) -> Int {
        // Lengths further apart than the limit decide it without copying the words.
        guard abs(word.utf8.count - target.utf8.count) <= limit else { return limit + 1 }
        return Spelling.distance(Array(word.utf8), Array(target.utf8), limit: limit)
    }
}
