import Foundation
@testable import SSDA903

/// Paths and helpers shared by the SSDA903 tests.
enum TestSupport {
    /// `<repo>/../shared/data/ssda903-samples`, found from this file's path; nil when absent.
    static var samples: URL? {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // SSDA903Tests, Tests, repo root
        let samples = url.deletingLastPathComponent().appendingPathComponent("shared/data/ssda903-samples")
        return FileManager.default.fileExists(atPath: samples.path) ? samples : nil
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ssda903-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
