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

    /// Sweeping the seed runs each seed (found: '--set seed=1,2' ran seed 1 twice, its rows for
    /// seed 2 the same figures as seed 1's); sweeping replications runs each number.
    @Test func sweepingTheSeedRunsEachSeed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("sweep").path
        let result = runCLI(["sweep", Self.example, "--set", "seed=1,2", "--replications", "3", "--output", output])
        #expect(result.status == 0, "\(result.err)")
        let rows = try String(contentsOfFile: output + "/sweep.csv", encoding: .utf8).split(separator: "\r\n").dropFirst()
        let figures = { (seed: String) in rows.filter { $0.hasPrefix("seed,\(seed),") }.map { $0.split(separator: ",").dropFirst(2).joined(separator: ",") } }
        #expect(figures("1").count == 5 && figures("1") != figures("2"))
        let alone = folder.appendingPathComponent("alone").path
        #expect(runCLI(["run", Self.example, "--seed", "2", "--replications", "3", "--output", alone]).status == 0)
        let costs = try String(contentsOfFile: alone + "/costs.csv", encoding: .utf8)
        let total = try #require(costs.split(separator: "\r\n").first { $0.hasPrefix("2025/26,total,") }?.split(separator: ","))
        #expect(figures("2").first?.contains("," + total[2] + ",") == true, "seed 2's row is seed 2's run: \(figures("2")), \(total)")
        let both = runCLI(["sweep", Self.example, "--set", "seed=1,2", "--seed", "4", "--output", output])
        #expect(both.status == 2 && both.err.contains("give the seeds once"))
        let replications = runCLI(["sweep", Self.example, "--set", "replications=2,3", "--output", output])
        #expect(replications.status == 0, "\(replications.err)")
    }
}
