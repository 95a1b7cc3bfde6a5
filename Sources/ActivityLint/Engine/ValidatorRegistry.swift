/// Validator types by the name the catalog uses for them.
@_spi(Internals) public struct ValidatorRegistry: Sendable {
    public var validators: [String: any Validator.Type]

    public init(_ types: [any Validator.Type]) {
        validators = Dictionary(types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The catalog's `validator:` for rules that a pipeline stage (parser, extractor, linter) reports itself.
    public static let stageValidatorName = "built-in-stage"

    /// Every built-in validator, gathered from the per-area lists next to their types.
    public static let builtIn = ValidatorRegistry(
        ShapeValidators.all + NameValidators.all + TagValidators.all + EncryptionValidators.all
            + PolicyValidators.all)
}
