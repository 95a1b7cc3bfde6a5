/// The `<<-` heredoc's indentation removal: the fewest leading spaces and tabs of the lines that start with
/// literal text are removed from every such line (blank lines do not count). A line that starts with an
/// interpolation or directive has no indentation, so nothing is removed then.
enum HCLHeredocIndentation {
    static func removed(from parts: [HCLTemplatePart]) -> [HCLTemplatePart] {
        var indentation = Int.max
        measure(parts, into: &indentation)
        guard indentation > 0, indentation != Int.max else { return parts }
        return strip(parts, indentation)
    }

    /// Lowers `indentation` to the indentation of each line that starts in `parts` (and in directive bodies).
    private static func measure(_ parts: [HCLTemplatePart], into indentation: inout Int) {
        for part in parts {
            switch part {
            case .literal(let text, _):
                var locator = ScalarLocator(text)
                var run: Int?
                for (index, scalar) in text.text.unicodeScalars.enumerated() {
                    if locator.position(ofScalar: index).column == 1 { run = 0 }
                    guard let count = run else { continue }
                    if scalar == " " || scalar == "\t" {
                        run = count + 1
                    } else {
                        // A line with nothing but its line break is blank.
                        if !(count == 0 && (scalar == "\n" || scalar == "\r")) { indentation = min(indentation, count) }
                        run = nil
                    }
                }
                if let count = run { indentation = min(indentation, count) }
            case .interpolation(_, let range):
                if range.start.column == 1 { indentation = 0 }
            case .directive(let directive):
                if directive.range.start.column == 1 { indentation = 0 }
                measure(directive.body, into: &indentation)
                measure(directive.elseBody ?? [], into: &indentation)
            }
        }
    }

    private static func strip(_ parts: [HCLTemplatePart], _ indentation: Int) -> [HCLTemplatePart] {
        parts.compactMap { part in
            switch part {
            case .literal(let text, let range):
                var locator = ScalarLocator(text)
                let scalars = Array(text.text.unicodeScalars)
                let positions = scalars.indices.map { locator.position(ofScalar: $0) }
                var stripped = HCLLiteralBuilder()
                var toRemove = 0
                for (index, scalar) in scalars.enumerated() {
                    if positions[index].column == 1 { toRemove = indentation }
                    if toRemove > 0, scalar == " " || scalar == "\t" {
                        toRemove -= 1
                        continue
                    }
                    toRemove = 0
                    let end = index + 1 < positions.count ? positions[index + 1] : range.end
                    stripped.append(scalar, from: positions[index], to: end)
                }
                return stripped.take()
            case .interpolation:
                return part
            case .directive(var directive):
                directive.body = strip(directive.body, indentation)
                directive.elseBody = directive.elseBody.map { strip($0, indentation) }
                return .directive(directive)
            }
        }
    }
}
