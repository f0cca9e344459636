import Foundation
import Testing
@testable import SSDA903

/// A back-test on generated data: the generator's process is the truth, so the 90% interval
/// should cover what happened in about 90% of cells.
@Suite struct BacktestTests {
    /// Back-tests of synthetic returns over `seeds`: (covered, informative cells).
    static func coverage(seeds: [UInt64], children: Int) throws -> (covered: Int, cells: Int) {
        var covered = 0, cells = 0
        for seed in seeds {
            let folder = try TestSupport.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            // Five collection years, 2021/22 to 2025/26; calibrate on the first two, compare three 31 Marches.
            try SyntheticReturn.write(to: folder, options: .init(seed: seed, years: 5, childrenInCare: children))
            let stitched = EpisodeStitcher.stitch(try ReturnReader.read(folder))
            let asOf = CollectionYear(endingYear: 2023).lastDay
            // The generator's rates do not drift from year to year, so the forecast must not add drift either.
            let backtest = try Backtest.run(stitched, asOf: asOf, years: 3, windowYears: 2, replications: 200, seed: seed,
                                            threads: 2, variability: nil)
            #expect(Set(backtest.cells.map(\.date)).count == 3)
            let c = backtest.coverage
            print("seed \(seed): covered \(c.covered) of \(c.cells)")
            covered += c.covered
            cells += c.cells
        }
        return (covered, cells)
    }

    @Test func intervalCoversTheActualAboutNinetyPercentOfTheTime() throws {
        let (covered, cells) = try Self.coverage(seeds: Array(1...8), children: 300)
        let p = Double(covered) / Double(cells)
        let se = (0.9 * 0.1 / Double(cells)).squareRoot()
        print(String(format: "coverage %.3f over %d cells (binomial se %.3f)", p, cells, se))
        #expect(abs(p - 0.9) <= 3 * se)
    }

    /// The truncated return holds nothing after the date, and the same children in care on it.
    @Test(arguments: [UInt64(2), 6])
    func truncationHidesTheFutureAndKeepsTheSnapshot(_ seed: UInt64) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try SyntheticReturn.write(to: folder, options: .init(seed: seed, years: 3, childrenInCare: 200))
        let stitched = EpisodeStitcher.stitch(try ReturnReader.read(folder))
        let day = CollectionYear(endingYear: 2025).lastDay - 40
        let truncated = stitched.truncated(at: day)
        let episodes = truncated.children.flatMap(\.periods).flatMap(\.episodes)
        #expect(!episodes.isEmpty)
        #expect(episodes.allSatisfy { $0.start <= day && ($0.end ?? day) <= day })
        #expect(truncated.dataEnd == day + 1)
        #expect(truncated.years.map(\.endingYear) == [2024, 2025])
        let before = Estimator.estimate(stitched, asOf: day).population
        let after = Estimator.estimate(truncated, asOf: day).population
        #expect(before == after)
        #expect(Estimator.estimate(truncated, asOf: day).populationTotal > 100)
    }
}
