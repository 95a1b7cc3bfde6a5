/// A check over one payload. Validators are Swift types registered by name (see `ValidatorRegistry`);
/// the rule catalog binds each rule id to a validator and gives it its severity, exception and options.
@_spi(Internals) public protocol Validator: Sendable {
    /// The name the catalog's `validator:` field refers to.
    static var name: String { get }
    /// Options from the catalog entry; invalid options throw a message for the user.
    init(options: [String: RuleOption]) throws(ValidatorOptionError)
    func validate(_ payload: Payload, _ context: inout ValidationContext)
}

/// A validator that takes no options: it is built with `init()`, and any option given to it is an error.
@_spi(Internals) public protocol PlainValidator: Validator {
    init()
}

extension PlainValidator {
    public init(options: [String: RuleOption]) throws(ValidatorOptionError) {
        if let unexpected = options.keys.sorted().first {
            throw ValidatorOptionError("validator `\(Self.name)` takes no options, but \(Quoting.name(unexpected)) was given")
        }
        self.init()
    }
}

/// Invalid options given to a validator in a catalog entry or rule pack.
@_spi(Internals) public struct ValidatorOptionError: Error, Sendable {
    public var message: String
    /// The option the error is about, so a rule pack error can point at its value.
    public var option: String?
    public init(_ message: String, option: String? = nil) {
        self.message = message
        self.option = option
    }
}

/// Collects what one validator reports about one payload.
@_spi(Internals) public struct ValidationContext {
    public internal(set) var problems: [Problem] = []

    /// A finding without a rule id: the engine adds it from the catalog entry that ran the validator, and the
    /// payload's subject and pointer.
    public struct Problem: Sendable {
        public var message: String
        public var range: SourceRange
        /// Relative to the payload.
        public var pointer: String
        public var exception: String?
        /// The offending value, for the finding's identity (see `Fingerprint`).
        public var value: String
        /// Other places in the same file the problem is about (an empty `file` means the payload's file).
        public var related: [RelatedLocation]
        public var fix: FixProposal?
    }

    public init() {}

    /// Reports a problem at `range`. `pointer` is relative to the payload; `value` is what is wrong there, as
    /// written (it identifies the finding when lines move).
    public mutating func report(
        _ message: String, at range: SourceRange, pointer: String, exception: String? = nil, value: String = "",
        related: [RelatedLocation] = [], fix: FixProposal? = nil
    ) {
        problems.append(Problem(
            message: message, range: range, pointer: pointer, exception: exception, value: value, related: related,
            fix: fix))
    }

    /// Reports a problem about a whole node; its value is the node's text when it is a scalar.
    public mutating func report(
        _ message: String, at node: Node, pointer: String, exception: String? = nil, fix: FixProposal? = nil
    ) {
        report(message, at: node.range, pointer: pointer, exception: exception, value: node.identityText, fix: fix)
    }

    /// Reports a problem about a string field as a whole.
    public mutating func report(
        _ message: String, about field: Payload.Field, exception: String? = nil, fix: FixProposal? = nil
    ) {
        report(message, at: field.range, pointer: field.pointer, exception: exception, value: field.string.text, fix: fix)
    }
}

extension Node {
    /// A scalar's text (a number as written), or "" for an object or list: what identifies a finding on the node.
    var identityText: String {
        switch value {
        case .string(let string): string.text
        case .number(let number): number.literal
        case .bool(let bool): bool ? "true" : "false"
        case .null: "null"
        case .object, .array: ""
        }
    }
}
