// FoundationEssentials where it exists: full Foundation would link ICU's data into the binary (tens of MB).
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The few file writes the command line needs.
enum FileSystem {
    static func createDirectory(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    static func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
