import Foundation
import Testing
@_spi(Internals) @testable import ActivityLint

/// The catalog is compiled into Swift values by the `embed-rules` build tool: the values must be what the catalog
/// reader reads from `Rules/*.yml`, and a broken catalog must stop the build where the mistake is.
struct CatalogBuildTests {
    @Test func theCompiledCatalogIsWhatTheReaderReadsFromTheRuleFiles() throws {
        let folder = Executable.packageRoot.appendingPathComponent("Rules")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yml") }.sorted()
        var read: [RuleDescriptor] = []
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            read += try CatalogFileReader.rules(in: text, file: file).map { rule in
                var rule = rule
                rule.helpURI = rule.helpURI ?? "\(ToolInfo.informationURI)/blob/main/docs/rules/\(rule.id).md"
                return rule
            }
        }
        #expect(!read.isEmpty)
        #expect(RuleCatalog.builtIn.rules.map(\.id) == read.map(\.id))
        for (compiled, parsed) in zip(RuleCatalog.builtIn.rules, read) {
            #expect(compiled == parsed, "\(compiled.id) differs from its catalog entry")
            #expect(compiled.failingExamples.map(\.markerOffsets) == parsed.failingExamples.map(\.markerOffsets))
        }
    }

    @Test func aBrokenCatalogIsABuildErrorAtEachMistake() throws {
        let directory = try TemporaryDirectory()
        let catalog = try directory.write("broken.yml", """
            rules:
              - id: first
                severity: error
                summary: One line.
                sumary: typo
              - id: second
                severity: fatal
                summary: One line.
            """)
        let output = directory.url.appendingPathComponent("Rules.swift").path
        let run = try Executable.run([output, catalog], product: "embed-rules")
        #expect(run.status == 1)
        #expect(run.stderr == """
            \(catalog):5:5: error: unknown key `sumary` in a rule; did you mean `summary`?
            \(catalog):7:15: error: severity must be error, warning or info, not `fatal`

            """)
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func aCatalogThatIsNotYAMLIsABuildErrorAtItsPosition() throws {
        let directory = try TemporaryDirectory()
        let catalog = try directory.write("broken.yml", "rules:\n  - id: [unclosed\n")
        let output = directory.url.appendingPathComponent("Rules.swift").path
        let run = try Executable.run([output, catalog], product: "embed-rules")
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("\(catalog):3:1: error: "), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
