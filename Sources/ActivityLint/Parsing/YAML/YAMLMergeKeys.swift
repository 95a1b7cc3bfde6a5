/// YAML merge keys (`<<: *base`), which both loaders the AWS CLI uses apply (ruamel.yaml for v2, PyYAML for v1):
/// the members of the merged mapping (or of each mapping in a merged list, earlier ones first) are added where the
/// `<<` stands, unless the mapping defines the key itself. Merged values are shared, not copied, but each merged
/// member is an entry of the mapping, so a chain of merges (each map merging the one before) would add entries
/// quadratically: `merged` counts the entries added, and the loader holds them to the alias budget. A `<<` whose
/// value is not a mapping or a list of mappings stays an ordinary member (and is reported as unknown).
enum YAMLMergeKeys {
    static let key = "<<"

    /// `budget` is how many merged members the stream may still add: merging stops before a source that would go
    /// over it (`merged` then exceeds the budget), so one mapping merging many aliases of a large map costs no more
    /// than the budget.
    static func apply(_ members: [Node.Member], merged: inout Int, budget: Int) -> [Node.Member] {
        guard members.contains(where: { $0.key.text == key && sources(of: $0.value) != nil }) else { return members }
        var defined = Set(members.filter { $0.key.text != key }.map(\.key.text))
        var result: [Node.Member] = []
        result.reserveCapacity(members.count)
        for member in members {
            guard member.key.text == key, let sources = sources(of: member.value) else {
                result.append(member)
                continue
            }
            for source in sources {
                merged += source.count
                if merged > budget { return result }
                for member in source where defined.insert(member.key.text).inserted {
                    result.append(member)
                }
            }
        }
        return result
    }

    /// The mappings a merge value names, or nil when it is not a mapping or a list of mappings.
    private static func sources(of value: Node) -> [Node.Members]? {
        if let members = value.members { return [members] }
        guard let items = value.elements, !items.isEmpty else { return nil }
        let mappings = items.compactMap(\.members)
        return mappings.count == items.count ? mappings : nil
    }
}
