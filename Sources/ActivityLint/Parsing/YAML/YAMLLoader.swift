import CYaml

/// Loads YAML (a stream of one or more documents) into `Node` trees with source positions, using
/// libyaml's event parser. Plain scalars are typed by the YAML 1.2 core schema (so `yes` is a string);
/// plain scalars that YAML 1.1 loaders read differently are marked and reported.
@_spi(Internals) public enum YAMLLoader {
    /// How deep flow collections (`[ ]`, `{ }`) may nest whatever `--max-depth` says: libyaml checks every open
    /// flow level on each token, so deeper flow nesting would cost time quadratic in the depth.
    public static let maxFlowDepth = 1_000

    public static func load(_ source: SourceText, limits: ParseLimits = .default) -> ParsedSource {
        guard !source.bytes.isEmpty else { return ParsedSource() }
        return source.bytes.withUnsafeBufferPointer { bytes in
            var session = YAMLLoadSession(source: source, bytes: bytes, limits: limits)
            session.run()
            let keysBeforeError = session.composer.openRootKeys
            var parsed = ParsedSource(
                documents: session.composer.documents, findings: session.composer.findings,
                keysBeforeError: keysBeforeError)
            parsed.scalarSpans = session.scalarSpans
            parsed.aliasedRanges = session.composer.aliasedRanges
            return parsed
        }
    }
}

/// One pass of libyaml's parser over one input.
private struct YAMLLoadSession {
    let source: SourceText
    let bytes: UnsafeBufferPointer<UInt8>
    let limits: ParseLimits
    var composer: YAMLComposer
    var marks: YAMLMarkConverter
    var aliasCount = 0
    /// Recorded only when the file mentions the suppression marker (nearly no file does).
    var scalarSpans: YAMLScalarSpans?
    /// The furthest end of a content event handled, where the text known to be YAML ends if loading stops early.
    private var handledUntil = 0

    init(source: SourceText, bytes: UnsafeBufferPointer<UInt8>, limits: ParseLimits) {
        self.source = source
        self.bytes = bytes
        self.limits = limits
        self.marks = YAMLMarkConverter(source: source)
        composer = YAMLComposer(sourceBytes: bytes.count)
        if Suppressions.mentionsMarker(source.bytes) { scalarSpans = YAMLScalarSpans() }
    }

    mutating func run() {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            report("syntax-error", "out of memory while starting the YAML parser", at: SourcePosition.start)
            return
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
        // libyaml would decode UTF-16 after its byte order mark; positions and the AWS CLI expect UTF-8.
        let looksUTF16 =
            bytes.count >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF)
        if looksUTF16 { yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING) }

        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) == 1 else {
                reportParserError(parser.pointee, looksUTF16: looksUTF16)
                scalarSpans?.knownUntil = handledUntil
                return
            }
            let type = event.type
            let keepGoing = handle(&event)
            // Only content events count: a collection's end is marked at the next token, past comments that may
            // have broken the syntax (`[a # activity-lint: disable-file all]` comments out the `]`).
            if keepGoing, scalarSpans != nil, type == YAML_SCALAR_EVENT || type == YAML_ALIAS_EVENT
                || type == YAML_SEQUENCE_START_EVENT || type == YAML_MAPPING_START_EVENT
            {
                handledUntil = max(handledUntil, marks.position(of: event.end_mark, in: bytes).offset)
            }
            yaml_event_delete(&event)
            if !keepGoing { scalarSpans?.knownUntil = handledUntil }
            if !keepGoing || type == YAML_STREAM_END_EVENT { return }
        }
    }

    /// Handles one event; false stops loading.
    private mutating func handle(_ event: inout yaml_event_t) -> Bool {
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            composer.beginDocument()
        case YAML_DOCUMENT_END_EVENT:
            composer.endDocument(at: marks.position(of: event.start_mark, in: bytes))
        case YAML_SCALAR_EVENT:
            addScalar(&event)
        case YAML_ALIAS_EVENT:
            return addAlias(&event)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let start = marks.position(of: event.start_mark, in: bytes)
            guard composer.depth < limits.maxDepth else {
                report(
                    "nesting-too-deep",
                    "collections are nested more than \(limits.maxDepth) deep; loading stopped",
                    at: start, pointer: composer.containerPointer)
                return false
            }
            let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
            let tag = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
            let isFlow =
                isMapping
                ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
            guard !isFlow || composer.flowDepth < YAMLLoader.maxFlowDepth else {
                report(
                    "nesting-too-deep",
                    "flow collections ([ ] and { }) are nested more than \(YAMLLoader.maxFlowDepth) deep, the YAML "
                        + "limit whatever --max-depth says; loading stopped", at: start, pointer: composer.containerPointer)
                return false
            }
            composer.startCollection(
                isMapping: isMapping, isFlow: isFlow, start: start, tag: tag.map { String(cString: $0) },
                anchor: anchor.map { String(cString: $0) })
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            let start = composer.frameStart
            let merged = composer.endCollection(
                end: marks.position(of: event.end_mark, in: bytes), mergeBudget: max(0, limits.maxAliases - aliasCount))
            // Each member a merge key adds counts as one alias use: a chain of merges stays linear.
            aliasCount += merged
            if merged > 0, aliasCount > limits.maxAliases {
                report(
                    "alias-limit",
                    "more than \(limits.maxAliases) aliases and merged members (`<<`) in this YAML stream; loading "
                        + "stopped to guard against merge chains that grow quadratically",
                    at: start, pointer: composer.containerPointer)
                return false
            }
        default:
            break
        }
        return true
    }

    private mutating func addAlias(_ event: inout yaml_event_t) -> Bool {
        let name = String(cString: event.data.alias.anchor)
        let range = SourceRange(
            start: marks.position(of: event.start_mark, in: bytes), end: marks.position(of: event.end_mark, in: bytes))
        aliasCount += 1
        if aliasCount > limits.maxAliases {
            report(
                "alias-limit",
                "more than \(limits.maxAliases) aliases in this YAML stream; loading stopped to guard against "
                    + "alias bombs",
                range: range, pointer: composer.pointer())
            return false
        }
        let pointer = composer.pointer()
        switch composer.addAlias(name, range: range) {
        case nil:
            return true
        case .unknown:
            report(
                "syntax-error",
                "found undefined alias *\(YAMLMessageText.quoted(name)) (no anchor &"
                    + "\(YAMLMessageText.quoted(name)) before it in this document)", range: range, pointer: pointer)
        case .recursive:
            report(
                "syntax-error",
                "alias *\(YAMLMessageText.quoted(name)) refers to a collection that contains it; "
                    + "recursive structures cannot be loaded", range: range, pointer: pointer)
        }
        return false
    }

    private mutating func addScalar(_ event: inout yaml_event_t) {
        let scalar = event.data.scalar
        let value = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
        let text = KnownText.string(value)
        let tag = scalar.tag.map { String(cString: $0) }
        let anchor = scalar.anchor.map { String(cString: $0) }
        let style: YAMLScalarPositions.Style
        switch scalar.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: style = .literal
        case YAML_FOLDED_SCALAR_STYLE: style = .folded
        default: style = .plain
        }
        let start = marks.position(of: event.start_mark, in: bytes)
        var end = marks.position(of: event.end_mark, in: bytes)
        if scalarSpans != nil { recordSpan(start: start.offset, end: end.offset, isBlock: style == .literal || style == .folded) }
        if style == .literal || style == .folded {
            end = YAMLScalarPositions.trimmedBlockEnd(bytes: bytes, source: source, start: start, end: end)
        }
        let range = SourceRange(start: start, end: end)

        var typed = YAMLCoreSchema.resolve(value, text: text, tag: tag, isPlain: style == .plain)
        let isKey = composer.nextIsKey
        var stringValue: StringValue?
        if typed == nil || isKey {
            let located = YAMLScalarPositions.locate(
                bytes: bytes, start: start, end: end, style: style, hasProperties: tag != nil || anchor != nil,
                value: value, text: text)
            stringValue =
                if let positions = located.positions {
                    StringValue(text: text, contentStart: located.contentStart, scalarPositions: positions)
                } else {
                    StringValue(text: text, contentStart: located.contentStart)
                }
        }
        if isKey, anchor == nil {
            composer.addKey(stringValue.take()!, range: range)
            return
        }
        var yaml11Reading: String?
        // Keys are left alone: the rules read members by fixed names, none of which YAML 1.1 reads differently.
        if style == .plain, tag == nil, !isKey, let ambiguity = YAML11Schema.ambiguity(value, text: text, core: typed) {
            yaml11Reading = ambiguity.reading
            let quoted = YAMLMessageText.quoted(text)
            let message: String
            if ambiguity.specificationOnly {
                message =
                    "plain scalar '\(quoted)' is \(ambiguity.coreReading) in YAML 1.2 (AWS CLI v2) and PyYAML but "
                    + "\(ambiguity.reading) in the YAML 1.1 specification (some YAML 1.1 loaders); \(ambiguity.advice)"
            } else if ambiguity.ruamelAgreesWithYAML11 {
                message =
                    "plain scalar '\(quoted)' is \(ambiguity.coreReading) in the YAML 1.2 core schema but "
                    + "\(ambiguity.reading) in YAML 1.1 (PyYAML, AWS CLI v1) and in AWS CLI v2's loader (ruamel.yaml); "
                    + ambiguity.advice
            } else {
                message =
                    "plain scalar '\(quoted)' is \(ambiguity.coreReading) in YAML 1.2 (AWS CLI v2) but "
                    + "\(ambiguity.reading) in YAML 1.1 (PyYAML, AWS CLI v1); \(ambiguity.advice)"
            }
            // Quoting keeps what YAML 1.2 reads only when that is a string.
            let fix = typed == nil ? FixProposal("Quote the value", .safe, .quote(range, text: text)) : nil
            composer.findings.append(Finding(
                ruleID: "yaml-1-1-ambiguity", message: message, range: range, pointer: composer.pointer(),
                documentIndex: composer.documentIndex, fix: fix, value: text))
        }
        if isKey {
            // An anchored key's text is both the key and, as a string, its node (an alias may use it as a value).
            let key = stringValue!
            let node = Node(
                typed.take() ?? .string(stringValue.take()!), range: range, tag: tag, yaml11Reading: yaml11Reading)
            composer.addAnchoredKey(consume node, key: consume key, anchor: anchor!, text: text)
            return
        }
        let node = Node(
            typed.take() ?? .string(stringValue.take()!), range: range, tag: tag, yaml11Reading: yaml11Reading)
        composer.addScalar(consume node, anchor: anchor, text: text)
    }

    /// A block scalar's header line may end in a real comment, so its span starts at the header's line break.
    private mutating func recordSpan(start: Int, end: Int, isBlock: Bool) {
        var start = start
        if isBlock {
            while start < end, bytes[start] != 0x0A, bytes[start] != 0x0D { start += 1 }
        }
        if start < end { scalarSpans?.add(start..<end) }
    }

    // MARK: - Errors

    private mutating func reportParserError(_ parser: yaml_parser_t, looksUTF16: Bool) {
        let problem = YAMLMessageText.safe(parser.problem.map { String(cString: $0) } ?? "unknown YAML error")
        switch parser.error {
        case YAML_MEMORY_ERROR:
            report("syntax-error", "out of memory while parsing YAML", at: SourcePosition.start)
        case YAML_READER_ERROR:
            var message = problem
            if parser.problem_value >= 0 {
                if problem.contains("octet") {
                    let hex = String(parser.problem_value, radix: 16, uppercase: true)
                    message += " (byte 0x" + (hex.count < 2 ? "0" : "") + hex + ")"
                } else {
                    message += " (" + YAMLMessageText.codePoint(UInt32(parser.problem_value)) + ")"
                }
            }
            if looksUTF16 { message += "; the file looks UTF-16 encoded, save it as UTF-8" }
            report("syntax-error", message, at: source.position(atOffset: Int(parser.problem_offset)))
        default:
            var message = problem
            let position = marks.position(of: parser.problem_mark, in: bytes)
            var related: [RelatedLocation] = []
            if let context = parser.context.map({ String(cString: $0) }) {
                let contextPosition = marks.position(of: parser.context_mark, in: bytes)
                message += " (\(YAMLMessageText.safe(context)))"
                related.append(RelatedLocation(
                    file: "", range: SourceRange(at: contextPosition), message: YAMLMessageText.safe(context)))
            }
            composer.findings.append(Finding(
                ruleID: "syntax-error", message: message, range: SourceRange(at: position), pointer: composer.pointer(),
                documentIndex: composer.documentIndex, related: related))
        }
    }

    private mutating func report(_ ruleID: String, _ message: String, at position: SourcePosition, pointer: String = "")
    {
        report(ruleID, message, range: SourceRange(at: position), pointer: pointer)
    }

    private mutating func report(_ ruleID: String, _ message: String, range: SourceRange, pointer: String) {
        composer.findings.append(
            Finding(
                ruleID: ruleID, message: message, range: range, pointer: pointer,
                documentIndex: composer.documentIndex))
    }
}
