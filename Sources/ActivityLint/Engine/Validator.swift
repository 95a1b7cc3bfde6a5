/// A check over one payload. Validators are Swift types registered by name (see `ValidatorRegistry`);
/// the rule catalog binds each rule id to a validator and gives it its severity, exception and options.
public protocol Validator: Sendable {
    /// The name the catalog's `validator:` field refers to.
    static var name: String { get }
    /// Options from the catalog entry; invalid options throw a message for the user.
    init(options: [String: RuleOption]) throws(ValidatorOptionError)
    func validate(_ payload: Payload, _ context: inout ValidationContext)
}

/// A validator that takes no options: it is built with `init()`, and any option given to it is an error.
public protocol PlainValidator: Validator {
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
public struct ValidatorOptionError: Error, Sendable {
    public var message: String
    /// The option the error is about, so a rule pack error can point at its value.
    public var option: String?
    public init(_ message: String, option: String? = nil) {
        self.message = message
        self.option = option
    }
}

/// Collects what one validator reports about one payload.
public struct ValidationContext {
    public internal(set) var problems: [Problem] = []

    /// A finding without a rule id: the engine adds it from the catalog entry that ran the validator.
    public struct Problem: Sendable {
        public var message: String
        public var range: SourceRange
        public var pointer: String
        public var exception: String?
    }

    public init() {}

    /// Reports a problem at `range`. `pointer` is relative to the payload.
    public mutating func report(_ message: String, at range: SourceRange, pointer: String, exception: String? = nil) {
        problems.append(Problem(message: message, range: range, pointer: pointer, exception: exception))
    }

    public mutating func report(_ message: String, at node: Node, pointer: String, exception: String? = nil) {
        report(message, at: node.range, pointer: pointer, exception: exception)
    }
}
