import Foundation
import Testing
@testable import SufficiencyCLI

/// `compare` as a user meets it: what it says about a variant's own settings.
@Suite struct CompareCommandTests {
    static let example = RunCommandTests.repo.appendingPathComponent("scenarios/example-annotated.yaml").path

    /// A variant's own seed and replications give way to the base's, and compare says so (found:
    /// a variant with 'seed: 7' showed no difference at all, its seed never used, without a word).
    @Test func aVariantsOwnSeedIsSaidToGiveWay() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let variant = folder.appendingPathComponent("seven.yaml").path
        try "extends: \(Self.example)\nname: seed seven\nseed: 7\n".write(toFile: variant, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("compare").path
        let result = runCLI(["compare", Self.example, variant, "--replications", "3", "--output", out])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err.contains("note: '\(variant)' gives seed 7; compare runs every scenario with the base's (seed 42, 3 replications), so that each difference is paired"), "\(result.err)")
        // Given on the command line, the seed is everyone's: nothing to say.
        let given = runCLI(["compare", Self.example, variant, "--replications", "3", "--seed", "5", "--output", out])
        #expect(given.status == 0 && !given.err.contains("note:"), "\(given.err)")
    }
}
