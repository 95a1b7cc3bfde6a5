/// Values a request takes from another file of its Terraform module (a variable's default in `variables.tf`, the
/// provider's default tags in `providers.tf`). The rules read positions from nodes, and a position of another
/// file must never be reported as one of this file: each use of such a value moves a copy of its nodes to a zone
/// of offsets no file reaches (zone `k` starts at `k << zoneShift`), keeping lines and columns. A finding in a
/// zone is then moved to where this file uses the value, with a note at the exact place in the other file.
struct ForeignValueZones: Sendable {
    /// One use of a value from another file.
    struct Zone: Sendable {
        /// The other file, as reports name it.
        let file: String
        /// What the value is there (`the default of `var.env``), for the note that points at it.
        let what: String
        /// Where the request uses it: in this file, or in a zone itself (a local's map in another file using a
        /// variable from a third).
        let use: SourceRange
    }

    /// Offsets in a file stay below 2^40 (1 TiB); 2^23 zones fit in 63 bits.
    static let zoneShift = 40
    static let capacity = 1 << 22

    private(set) var zones: [Zone] = []

    var isEmpty: Bool { zones.isEmpty }

    /// A copy of `node` in a new zone for `zone`, or nil when the request already uses more zones than there are.
    mutating func place(_ node: Node, for zone: Zone) -> Node? {
        guard zones.count < Self.capacity, node.range.end.offset < 1 << Self.zoneShift else { return nil }
        zones.append(zone)
        return node.moved(by: zones.count << Self.zoneShift)
    }

    /// The zone `position` is in, nil for this file's own positions.
    func zone(of position: SourcePosition) -> Zone? {
        let index = position.offset >> Self.zoneShift
        return index > 0 && index <= zones.count ? zones[index - 1] : nil
    }

    /// `range` as it stands in its own file.
    static func unzoned(_ range: SourceRange) -> SourceRange {
        let mask = (1 << zoneShift) - 1
        var range = range
        range.start.offset &= mask
        range.end.offset &= mask
        return range
    }

    /// The finding moved out of every zone it is in, to this file: each move notes the place in the other file.
    /// A finding moved to a use has no fix: its fix would edit the other file.
    func localized(_ finding: Finding) -> Finding {
        var finding = finding
        finding.related = finding.related.map(localized)
        // Each move leaves a zone for an older one (a use is placed before what it uses): the loop ends.
        while let zone = zone(of: finding.range.start) {
            finding.related.append(RelatedLocation(file: zone.file, range: Self.unzoned(finding.range), message: zone.what))
            finding.range = zone.use
            finding.fix = nil
        }
        return finding
    }

    /// A related location in a zone, named by its file.
    func localized(_ location: RelatedLocation) -> RelatedLocation {
        guard location.file.isEmpty, let zone = zone(of: location.range.start) else { return location }
        return RelatedLocation(file: zone.file, range: Self.unzoned(location.range), message: location.message)
    }

    /// `range` moved out of every zone to where this file uses the value (for a request's name, which a later
    /// duplicate's note points at).
    func localized(_ range: SourceRange) -> SourceRange {
        var range = range
        while let zone = zone(of: range.start) { range = zone.use }
        return range
    }
}

extension Node {
    /// A copy whose every position is `distance` bytes further on (lines and columns unchanged). Nodes nest no
    /// deeper than the parser allowed. YAML details (tags, aliases) are not kept: Terraform's nodes have none.
    func moved(by distance: Int) -> Node {
        let moved: Value = switch value {
        case .object(let members):
            .object(Members(members.map { member in
                Node.Member(
                    key: member.key.moved(by: distance), keyRange: member.keyRange.moved(by: distance),
                    value: member.value.moved(by: distance))
            }))
        case .array(let elements): .array(Elements(elements.map { $0.moved(by: distance) }))
        case .string(let string): .string(string.moved(by: distance))
        case .number, .bool, .null: value
        }
        return Node(moved, range: range.moved(by: distance))
    }
}

extension StringValue {
    func moved(by distance: Int) -> StringValue {
        StringValue(
            text: text, contentStart: contentStart.moved(by: distance), loneSurrogates: loneSurrogates,
            scalarPositions: scalarPositions?.map { $0.moved(by: distance) })
    }
}

extension SourceRange {
    func moved(by distance: Int) -> SourceRange {
        SourceRange(start: start.moved(by: distance), end: end.moved(by: distance))
    }
}

extension SourcePosition {
    func moved(by distance: Int) -> SourcePosition {
        SourcePosition(line: line, column: column, offset: offset + distance)
    }
}
