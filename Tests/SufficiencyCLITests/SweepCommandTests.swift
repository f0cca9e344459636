import Foundation
import Testing
@testable import SufficiencyCLI

/// `sweep`: what it refuses, and that it refuses before simulating anything.
@Suite struct SweepCommandTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios/example-annotated.yaml").path

    /// A bad last value is reported before the first is simulated (before: the first value ran and
    /// its heading was printed, then the error).
    @Test func checksEveryValueBeforeSimulating() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("sweep").path
        let result = runCLI(["sweep", Self.example, "--set", "population.observed=10,abc", "--replications", "4", "--output", output])
        #expect(result.status == 1)
        #expect(result.out.isEmpty, "\(result.out)")
        #expect(result.err.contains("error: expected a number for 'observed', found 'abc'"), "\(result.err)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    /// '10,1000' is two values; '£1,000,£1,200' is still read as amounts with thousands commas.
    @Test func aThousandsCommaHasThreeDigitsAfterIt() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("sweep").path
        let two = runCLI(["sweep", Self.example, "--set", "population.observed=10,1000", "--replications", "4", "--output", output])
        #expect(two.status == 0, "\(two.err)")
        let csv = try String(contentsOfFile: output + "/sweep.csv", encoding: .utf8)
        #expect(csv.contains("\npopulation.observed,10,2025/26,") && csv.contains("\npopulation.observed,1000,2025/26,"), "\(csv)")
        let money = runCLI(["sweep", Self.example, "--set", "placements.foster care.providers.agency fostering.weekly_cost=£1,000,£1,200",
                            "--replications", "4", "--output", output])
        #expect(money.status == 2)
        #expect(money.err.contains("looks like one amount with a thousands comma"), "\(money.err)")
    }
}
