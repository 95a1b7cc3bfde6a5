import Foundation
import Testing

@_spi(Internals) @testable import ActivityLint

/// GitHub annotations name files exactly as they are on disk: values carry GitHub's workflow-command escapes and
/// no others, and still cannot start or end a command.
struct HostileAnnotationTests {
    /// Undoes GitHub's escapes of a property value, as the runner does.
    static func unescapeProperty(_ value: Substring) -> String {
        var text = String(value)
        for (escape, character) in [("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")] {
            text = text.replacingOccurrences(of: escape, with: character)
        }
        return text
    }

    @Test func fileNameWithEscapesColonsCommasPercentAndANewlineIsNamedAsItIs() throws {
        let dir = try TemporaryDirectory()
        let name = "red\u{1B}[31m::error file=x,line=1::y%0A\nz.json"
        let path = try dir.write(name, #"{"name": "a b"}"#)
        let run = try Executable.run(["--no-config", "--format", "github", path])
        #expect(run.status == 1, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 2, "one annotation, then the summary: \(lines)")
        let annotation = try #require(lines.first)
        #expect(annotation.hasPrefix("::error file="))
        #expect(!run.stdout.unicodeScalars.contains("\r"))
        // The properties end at the first `::`; the name's own colons, commas, % and line break are escaped.
        let properties = annotation.dropFirst("::error ".count).prefix { $0 != ":" }
        let file = try #require(properties.split(separator: ",").first { $0.hasPrefix("file=") }?.dropFirst("file=".count))
        #expect(file.contains("\u{1B}[31m"), "the ESC reaches GitHub as it is, not as a visible \\e: \(file)")
        #expect(file.hasSuffix("red\u{1B}[31m%3A%3Aerror file=x%2Cline=1%3A%3Ay%250A%0Az.json"), "\(file)")
        let named = Self.unescapeProperty(file)
        #expect(named == path)
        #expect(FileManager.default.fileExists(atPath: named), "the annotation names a file that exists")
        #expect(annotation.hasSuffix("title=name-forbidden-character::activity name contains the white space U+0020 "
            + "SPACE at character 2; AWS rejects the name with InvalidName"), "\(annotation)")
    }

    @Test func messagesKeepTheirTextWithGitHubsEscapesOnly() {
        #expect(GitHubReporter.data("50% \u{1B}[2J\r\n::x") == "50%25 \u{1B}[2J%0D%0A::x")
        #expect(GitHubReporter.property("a:b,c%\n\u{7}") == "a%3Ab%2Cc%25%0A\u{7}")
    }
}
