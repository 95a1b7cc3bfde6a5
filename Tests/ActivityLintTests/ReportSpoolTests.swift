import Foundation
import Testing

@_spi(Internals) @testable import ActivityLint

/// A JSON or SARIF report's text waits in a spool until the document is written: past its first 256 KiB in a
/// temporary file, so a long report does not grow the run's memory; in memory when no file can be made.
struct ReportSpoolTests {
    /// Three megabytes of pieces, some with multi-byte characters and quotes, as a report's text is.
    private static let pieces = (0..<48).map { index in
        String(repeating: index % 2 == 0 ? "é\"ü" : "tag-\(index) ", count: 64 * 1024 / 6)
    }

    @Test func textPastTheFirstMegabyteWaitsInAnUnlinkedFile() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("activity-lint-spool-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let spool = ReportSpool(directory: directory)
        let stored = Self.pieces.map(spool.append)
        #expect(spool.memoryBytes <= ReportSpool.memoryLimit)
        #expect(stored.map(spool.text(of:)) == Self.pieces)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty, "nothing is left behind")
    }

    @Test func withoutATemporaryFileTheTextStaysInMemory() {
        let spool = ReportSpool(directory: "/nonexistent-activity-lint-directory")
        let stored = Self.pieces.map(spool.append)
        #expect(spool.memoryBytes == Self.pieces.reduce(0) { $0 + $1.utf8.count })
        #expect(stored.map(spool.text(of:)) == Self.pieces)
    }
}
