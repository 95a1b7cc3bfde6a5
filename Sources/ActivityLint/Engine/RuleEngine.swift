/// Runs the catalog's rules over payloads and turns what validators and parsers found into diagnostics.
public struct RuleEngine: Sendable {
    /// A catalog rule bound to its validator (nil for rules the parsers and the linter report themselves).
    struct BoundRule: Sendable {
        var descriptor: RuleDescriptor
        var validator: (any Validator)?
    }

    let rules: [BoundRule]
    /// The validators with their rule ids, apart from the descriptors so the per-request loop copies no
    /// documentation or examples.
    private let validators: [(ruleID: String, validator: any Validator)]
    private let descriptorsByID: [String: RuleDescriptor]

    /// Binds every rule to its registered validator. Rules with `validator: built-in-stage` are reported by the
    /// parsers or the linter itself and run nothing here.
    public init(rules: [RuleDescriptor], registry: ValidatorRegistry = .builtIn) throws(RuleBindingError) {
        var bound: [BoundRule] = []
        for rule in rules {
            if rule.validator == ValidatorRegistry.stageValidatorName {
                bound.append(BoundRule(descriptor: rule, validator: nil))
                continue
            }
            guard let type = registry.validators[rule.validator] else {
                throw RuleBindingError(ruleID: rule.id, message: "unknown validator `\(rule.validator)`")
            }
            do {
                bound.append(BoundRule(descriptor: rule, validator: try type.init(options: rule.options)))
            } catch {
                throw RuleBindingError(ruleID: rule.id, message: error.message)
            }
        }
        self.rules = bound
        self.validators = bound.compactMap { rule in rule.validator.map { (rule.descriptor.id, $0) } }
        self.descriptorsByID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public var descriptors: [RuleDescriptor] { rules.map(\.descriptor) }

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
                range: finding.range, pointer: finding.pointer, exception: finding.exception ?? rule.exception,
                documentIndex: finding.documentIndex)
        }
    }
}

/// A catalog rule that names a validator that does not exist or gives it bad options.
public struct RuleBindingError: Error, Sendable, CustomStringConvertible {
    public var ruleID: String
    public var message: String
    public var description: String { "rule `\(ruleID)`: \(message)" }
}
