/// An HCL file as the `Node` tree Terraform's JSON syntax (`.tf.json`) would spell it, so one extractor reads both:
///
/// - a block is a member named by its type whose value nests one object per label (`resource "T" "N" {…}` is
///   `"resource": {"T": {"N": {…}}}`); a nested block without labels is a one-element list (`"encryption_configuration":
///   [{…}]`), and a file or body with several blocks of one type has one member per block;
/// - a static value is itself; a template is the string `.tf.json` would hold (`"orders-${var.env}"`, literal `${`
///   spelt `$${`), and any other expression is the string `${…}` of its source text, as `.tf.json` writes it.
///
/// Every node keeps the range of what it came from; a string's code points keep theirs, so a character in the
/// literal text of a template is reported where it is.
struct HCLJSONShape {
    let source: SourceText
    /// The document's containers' children, and the members and elements of the containers being built (each
    /// container's from where it started), as the JSON and YAML parsers keep theirs.
    private let storage = NodeStorage()
    private let openMembers = ChildStack<Node.Member>()
    private let openElements = ChildStack<Node>()

    init(source: SourceText) {
        self.source = source
    }

    mutating func document(_ body: HCLBody, range: SourceRange) -> Node {
        object(body, range: range, nested: false)
    }

    private mutating func object(_ body: HCLBody, range: SourceRange, nested: Bool) -> Node {
        let start = openMembers.count
        for item in body.items {
            switch item {
            case .attribute(let attribute):
                let value = node(attribute.value)
                openMembers.append(Node.Member(
                    key: StringValue(text: attribute.name, contentStart: attribute.nameRange.start),
                    keyRange: attribute.nameRange, value: value))
            case .block(let block):
                let member = member(block, nested: nested)
                openMembers.append(member)
            }
        }
        return Node(.object(storage.appendMembers(from: openMembers, start: start)), range: range)
    }

    /// `type "a" "b" {…}` as `type: {a: {b: {…}}}`; a block without labels nested in a body as `type: [{…}]`.
    private mutating func member(_ block: HCLBlock, nested: Bool) -> Node.Member {
        var value = object(block.body, range: block.range, nested: true)
        if block.labels.isEmpty, nested {
            let start = openElements.count
            openElements.append(value)
            value = Node(.array(storage.appendElements(from: openElements, start: start)), range: block.range)
        }
        for label in block.labels.reversed() {
            let start = openMembers.count
            openMembers.append(Node.Member(key: label.value, keyRange: label.range, value: value))
            value = Node(.object(storage.appendMembers(from: openMembers, start: start)), range: block.range)
        }
        return Node.Member(
            key: StringValue(text: block.type, contentStart: block.typeRange.start), keyRange: block.typeRange,
            value: value)
    }

    private mutating func node(_ expression: HCLExpression) -> Node {
        switch expression.kind {
        case .number(let number):
            return Node(.number(number), range: expression.range)
        case .bool(let value):
            return Node(.bool(value), range: expression.range)
        case .null:
            return Node(.null, range: expression.range)
        case .template(let template):
            if let text = template.literalText, !text.text.utf8.contains(UInt8(ascii: "{")) {
                return Node(.string(text), range: expression.range)
            }
            return Node(.string(templateString(template, range: expression.range)), range: expression.range)
        case .tuple(let elements):
            let start = openElements.count
            for index in elements.indices {
                let value = node(elements[index])
                openElements.append(value)
            }
            return Node(.array(storage.appendElements(from: openElements, start: start)), range: expression.range)
        case .object(let items):
            let start = openMembers.count
            // By index: an item copied out of its array costs more than reading it in place.
            for index in items.indices {
                let value = node(items[index].value)
                openMembers.append(Node.Member(
                    key: items[index].literalKey.map(escapedLiteral) ?? key(items[index].key),
                    keyRange: items[index].key.range, value: value))
            }
            return Node(.object(storage.appendMembers(from: openMembers, start: start)), range: expression.range)
        case .other(let other) where other.kind == .parentheses && other.children.count == 1:
            let inner = node(other.children[0])
            return inner.string.map { Node(.string($0), range: expression.range) } ?? inner
        case .traversal, .functionCall, .other:
            return Node(.string(computed(expression.range)), range: expression.range)
        }
    }

    /// An object key that is not literal: a template (`"${var.k}"`) as such, anything else (`(var.k)`) computed.
    private func key(_ expression: HCLExpression) -> StringValue {
        if case .template(let template) = expression.kind { return templateString(template, range: expression.range) }
        return computed(expression.range)
    }

    /// `${` and the source text of a computed expression and `}`.
    private func computed(_ range: SourceRange) -> StringValue {
        var text = TextWithPositions()
        text.append("${", at: range.start)
        text.appendSource(source, range)
        text.append("}", at: range.end)
        return text.value(contentStart: range.start)
    }

    /// Literal text with `${` and `%{` escaped as `.tf.json` escapes them, so they are not read as substitutions.
    private func escapedLiteral(_ literal: StringValue) -> StringValue {
        guard literal.text.utf8.contains(UInt8(ascii: "{")) else { return literal }
        var text = TextWithPositions()
        text.appendEscaped(literal)
        return text.value(contentStart: literal.contentStart)
    }

    /// The template's literal parts (escaped) and its interpolations and directives as written.
    private func templateString(_ template: HCLTemplate, range: SourceRange) -> StringValue {
        var text = TextWithPositions()
        for part in template.parts {
            switch part {
            case .literal(let literal, _): text.appendEscaped(literal)
            case .interpolation(_, let range): text.appendSource(source, range)
            case .directive(let directive): text.appendSource(source, directive.range)
            }
        }
        return text.value(contentStart: template.emptyContentStart)
    }
}

/// Text being assembled from pieces of the source, with where each code point came from.
private struct TextWithPositions {
    var scalars = String.UnicodeScalarView()
    var positions: [SourcePosition] = []

    mutating func append(_ ascii: String, at position: SourcePosition) {
        for scalar in ascii.unicodeScalars {
            scalars.append(scalar)
            positions.append(position)
        }
    }

    /// The literal's code points, with `${` and `%{` written `$${` and `%%{`.
    mutating func appendEscaped(_ literal: StringValue) {
        var locator = ScalarLocator(literal)
        let all = Array(literal.text.unicodeScalars)
        for (index, scalar) in all.enumerated() {
            let position = locator.position(ofScalar: index)
            if scalar == "$" || scalar == "%", index + 1 < all.count, all[index + 1] == "{" {
                scalars.append(scalar)
                positions.append(position)
            }
            scalars.append(scalar)
            positions.append(position)
        }
    }

    /// The source's text in `range`, as written.
    mutating func appendSource(_ source: SourceText, _ range: SourceRange) {
        let start = max(0, min(range.start.offset, source.bytes.count))
        let end = max(start, min(range.end.offset, source.bytes.count))
        var position = range.start
        for scalar in String(decoding: source.bytes[start..<end], as: UTF8.self).unicodeScalars {
            scalars.append(scalar)
            positions.append(position)
            position.offset += UTF8.width(scalar)
            if scalar == "\n" {
                position.line += 1
                position.column = 1
            } else {
                position.column += 1
            }
        }
    }

    func value(contentStart: SourcePosition) -> StringValue {
        StringValue(text: String(scalars), contentStart: positions.first ?? contentStart, scalarPositions: positions)
    }
}
