import ActivityLint
import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension LintSettings {
    /// Lints and prints the report; returns the exit status.
    func execute() throws -> Int32 {
        var paths = self.paths
        if let filesFrom {
            if filesFrom == "-" && paths.contains("-") {
                throw ValidationError("standard input cannot hold both the --files-from list and an input (-)")
            }
            switch FileList.read(filesFrom, separator: nullSeparated ? 0 : UInt8(ascii: "\n")) {
            case .success(let listed): paths += listed
            case .failure(let failure):
                Console.error("activity-lint: error: \(TerminalEscaping.escape(filesFrom)): "
                    + "\(TerminalEscaping.escape(failure.message))\n")
                return ExitStatus.failure
            }
        }
        // Naming standard input is reading it, unless a - already does (or the --files-from list is read from it).
        if stdinFilename != nil && !paths.contains("-") && filesFrom != "-" { paths.append("-") }
        var run = LintRun(paths: paths)
        if let stdinFilename { run.stdinFilename = stdinFilename }
        run.configurationPath = configPath
        run.ignoreConfiguration = noConfig
        run.rulePacks = rulePacks
        run.forceInclude = forceInclude
        run.baselinePath = baseline
        run.writeBaselinePath = writeBaseline
        run.inputKind = inputKind
        run.limits = ParseLimits(maxDepth: maxDepth, maxAliases: maxAliases, maxFileSize: maxFileSize)
        run.findingCap = FindingCap(limit: maxFindingsPerRule)
        if fix || diff { run.fixMode = FixMode(includesUnsafe: unsafeFixes, writes: !diff) }
        if diff { return try printDiffs(run) }
        // Text and annotations are written as each file is done; JSON and SARIF are one document, filled file by
        // file and written at the end.
        let writer = format.writer(
            color: useColor, showSkipped: showSkipped,
            sarif: SARIFReporter(maxResults: sarifMaxResults, maxBytes: sarifMaxBytes))
        var streaming: (any StreamingReporter)?
        var documentReporter: (any DocumentReporter)?
        switch writer {
        case .streaming(let reporter): streaming = reporter
        case .document(let reporter): documentReporter = reporter
        }
        var document: (any ReportDocument)?
        var failures: [(path: String, reason: String)] = []
        var wroteOutput = false
        var output = OutputBuffer()
        let totals: LintRun.Totals
        do {
            totals = try run.run(starting: { rules in
                document = documentReporter?.document(rules: rules)
            }) { file in
                if streaming == nil, let failure = file.failure { failures.append((file.path, failure)) }
                document?.add(file)
                let text = streaming?.render(file: file) ?? ""
                if !text.isEmpty {
                    output.add(text)
                    wroteOutput = true
                }
            }
        } catch {
            output.flush()
            for problem in error.shown {
                Console.error("activity-lint: " + TerminalEscaping.escape(problem.description) + "\n")
            }
            return ExitStatus.failure
        }
        output.flush()
        for note in totals.notes { Console.error("activity-lint: note: \(TerminalEscaping.escape(note))\n") }
        if let streaming {
            Console.output(streaming.summary(totals.totals, afterOutput: wroteOutput))
        } else {
            // The text report lists unreadable inputs itself; machine formats get them on stderr too.
            for failed in failures {
                Console.error("activity-lint: error: \(TerminalEscaping.escape(failed.path)): "
                    + "\(TerminalEscaping.escape(failed.reason))\n")
            }
            document?.finish(totals.totals) { Console.output($0) }
        }
        return totals.exitStatus
    }

    /// `--diff`: the diff of every file a fix would change, in input order, and nothing else on standard output.
    private func printDiffs(_ run: LintRun) throws -> Int32 {
        let totals: LintRun.Totals
        do {
            totals = try run.run { file in
                if let diff = file.fixes?.diff, !diff.isEmpty { Console.output(diff) }
            }
        } catch {
            Console.error("activity-lint: " + TerminalEscaping.escape(error.description) + "\n")
            return ExitStatus.failure
        }
        let fixes = totals.totals
        Console.error(fixes.fixesApplied == 0 ? "activity-lint: nothing to fix\n"
            : "activity-lint: would fix \(fixes.fixesApplied) problem\(fixes.fixesApplied == 1 ? "" : "s") in "
                + "\(fixes.filesFixed) file\(fixes.filesFixed == 1 ? "" : "s") (--fix applies them)\n")
        return fixes.unreadable > 0 ? ExitStatus.failure : fixes.fixesApplied > 0 ? ExitStatus.findings : ExitStatus.clean
    }

    private var useColor: Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            let noColor = getenv("NO_COLOR").map { String(cString: $0) } ?? ""
            return isatty(STDOUT_FILENO) == 1 && noColor.isEmpty
        }
    }
}
