/// Runs the catalog's rules over payloads and turns what validators and parsers found into diagnostics.
public struct RuleEngine: Sendable {
    /// Every rule in force, in catalog order.
    public let descriptors: [RuleDescriptor]
    /// The validators with their rule ids, apart from the descriptors so the per-request loop copies no
    /// documentation or examples. Rules the parsers and the linter report themselves have none.
    private let validators: [(ruleID: String, validator: any Validator)]
    private let descriptorsByID: [String: RuleDescriptor]

    /// Binds every rule to its registered validator. Rules with `validator: built-in-stage` are reported by the
    /// parsers or the linter itself and run nothing here.
    public init(rules: [RuleDescriptor], registry: ValidatorRegistry = .builtIn) throws(RuleBindingError) {
        var validators: [(ruleID: String, validator: any Validator)] = []
        for rule in rules where rule.validator != ValidatorRegistry.stageValidatorName {
            guard let type = registry.validators[rule.validator] else {
                throw RuleBindingError(ruleID: rule.id, message: "unknown validator \(Quoting.name(rule.validator))")
            }
            do {
                validators.append((rule.id, try type.init(options: rule.options)))
            } catch {
                throw RuleBindingError(ruleID: rule.id, message: error.message, option: error.option)
            }
        }
        self.descriptors = rules
        self.validators = validators
        self.descriptorsByID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The ids of the rules in force.
    public var ruleIDs: Set<String> { Set(descriptorsByID.keys) }

    /// Every rule's findings on one payload.
    public func findings(for payload: Payload) -> [Finding] {
        var findings: [Finding] = []
        for (ruleID, validator) in validators {
            var context = ValidationContext()
            validator.validate(payload, &context)
            for problem in context.problems {
                // Templates and plans hold many requests: every message names the resource it is about.
                let message = payload.label.map { "\($0): " + problem.message } ?? problem.message
                findings.append(Finding(
                    ruleID: ruleID, message: message, range: problem.range,
                    pointer: payload.pointer + problem.pointer, exception: problem.exception,
                    documentIndex: payload.documentIndex))
            }
        }
        return findings
    }

    /// Gives findings their rule's severity and exception. Findings of rules not in force are dropped.
    public func diagnostics(for findings: [Finding], file: String) -> [Diagnostic] {
        findings.compactMap { finding in
            guard let rule = descriptorsByID[finding.ruleID] else { return nil }
            return Diagnostic(
                ruleID: finding.ruleID, severity: rule.severity, message: finding.message, file: file,
                range: finding.range, pointer: finding.pointer,
                exception: finding.exception == Finding.noException ? nil : finding.exception ?? rule.exception,
                documentIndex: finding.documentIndex)
        }
    }
}

/// A catalog rule that names a validator that does not exist or gives it bad options.
public struct RuleBindingError: Error, Sendable, CustomStringConvertible {
    public var ruleID: String
    public var message: String
    /// The option the error is about, when it is one (see `ValidatorOptionError`).
    public var option: String?
    public var description: String { "rule \(Quoting.name(ruleID)): \(message)" }
}
