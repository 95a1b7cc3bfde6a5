/// Runs the catalog's rules over payloads and turns what validators and parsers found into diagnostics.
public struct RuleEngine: Sendable {
    /// Every rule in force, in catalog order.
    public let descriptors: [RuleDescriptor]
    /// The validators with their rule ids, apart from the descriptors so the per-request loop copies no
    /// documentation or examples. Rules the parsers and the linter report themselves have none.
    private let validators: [BoundValidator]

    /// A rule's validator, boxed: the per-request loop then retains a reference instead of copying an existential
    /// (a call through the witness table) and the rule id out of the array.
    private final class BoundValidator: Sendable {
        let ruleID: String
        let validator: any Validator

        init(ruleID: String, validator: any Validator) {
            self.ruleID = ruleID
            self.validator = validator
        }
    }
    private let descriptorsByID: [String: RuleDescriptor]

    /// Binds every rule to its registered validator. Rules with `validator: built-in-stage` are reported by the
    /// parsers or the linter itself and run nothing here.
    public init(rules: [RuleDescriptor]) throws(RuleBindingError) {
        try self.init(rules: rules, registry: .builtIn)
    }

    /// Binds rules to the validators of `registry`.
    init(rules: [RuleDescriptor], registry: ValidatorRegistry) throws(RuleBindingError) {
        var validators: [BoundValidator] = []
        for rule in rules where rule.validator != ValidatorRegistry.stageValidatorName {
            guard let type = registry.validators[rule.validator] else {
                throw RuleBindingError(ruleID: rule.id, message: "unknown validator \(Quoting.name(rule.validator))")
            }
            do {
                validators.append(BoundValidator(ruleID: rule.id, validator: try type.init(options: rule.options)))
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

    /// Every rule's findings on one payload, about the payload's resource (`subject`).
    func findings(for payload: Payload) -> [Finding] {
        var findings: [Finding] = []
        for index in validators.indices {
            var context = ValidationContext()
            // Borrowed, not retained: the validators are shared by the worker threads, and a reference count
            // written by both for every rule of every request moves its cache line between the cores. The rule's
            // id (a shared string) is read only for a rule with findings, for the same reason.
            let ruleID = Unmanaged.passUnretained(validators[index])._withUnsafeGuaranteedRef { bound in
                bound.validator.validate(payload, &context)
                return context.problems.isEmpty ? nil : bound.ruleID
            }
            guard let ruleID else { continue }
            for problem in context.problems {
                findings.append(Finding(
                    ruleID: ruleID, message: problem.message, range: problem.range,
                    pointer: payload.site.absolutePointer(problem.pointer), exception: problem.exception,
                    documentIndex: payload.documentIndex, subject: payload.subject, related: problem.related,
                    fix: problem.fix, value: problem.value))
            }
        }
        return findings
    }

    /// Whether a finding's rule is in force.
    func isInForce(_ finding: Finding) -> Bool { descriptorsByID[finding.ruleID] != nil }

    /// Gives findings their rule's severity and exception, and their proposed fix its edits: the one place a
    /// finding becomes a diagnostic. Findings of rules not in force are dropped; related locations without a file
    /// are in `file`.
    func diagnostics(for findings: [Finding], file: String, fixes: FixResolver? = nil) -> [Diagnostic] {
        findings.compactMap { finding in
            guard let rule = descriptorsByID[finding.ruleID] else { return nil }
            return Diagnostic(
                ruleID: finding.ruleID, severity: rule.severity, message: finding.message, file: file,
                range: finding.range, pointer: finding.pointer,
                exception: finding.exception == Finding.noException ? nil : finding.exception ?? rule.exception,
                documentIndex: finding.documentIndex, subject: finding.subject,
                related: finding.related.map { $0.file.isEmpty ? RelatedLocation(file: file, range: $0.range, message: $0.message) : $0 },
                fix: finding.fix.flatMap { proposal in fixes?.fix(for: proposal) }, value: finding.value)
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
