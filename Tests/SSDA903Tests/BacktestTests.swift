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

/// The back-test's actuals and naive forecasts counted by hand on a return of seven children.
@Suite struct BacktestNaiveForecastTests {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> Int { CivilDate.days(year: y, month: m, day: d) }

    /// Collection years 2021/22 to 2024/25. In care on 31 March (children, not families):
    /// 2022 A B; 2023 A C G; 2024 A C G; 2025 A C G. Starts (ceased): 2021/22 B F (F);
    /// 2022/23 C G (B); 2023/24 D (D). E is a baby placed with a parent: neither a start nor ceased.
    static func smallReturn() -> StitchedReturn {
        func child(_ start: Int, _ end: Int?, _ placement: Placement = .fosterInHouse) -> StitchedChild {
            let period = CarePeriod(episodes: [CareEpisode(start: start, end: end, placement: placement, isMove: false)],
                                    ending: end == nil ? .open : .exit(rec: "E11"))
            return StitchedChild(dob: placement == .parentAndChild ? start : day(2012, 1, 1), isMother: false, isUASC: false, periods: [period])
        }
        let children = [
            child(day(2020, 6, 1), nil),                                  // A
            child(day(2021, 5, 1), day(2022, 8, 1)),                      // B
            child(day(2022, 5, 1), nil),                                  // C
            child(day(2023, 5, 1), day(2024, 1, 10)),                     // D
            child(day(2022, 9, 1), day(2023, 1, 1), .parentAndChild),     // E
            child(day(2021, 6, 1), day(2022, 2, 1)),                      // F
            child(day(2022, 10, 1), nil),                                 // G
        ]
        return StitchedReturn(children: children, report: DataQualityReport(), years: (2022...2025).map(CollectionYear.init(endingYear:)),
                              dataEnd: day(2025, 4, 1), oc3Accommodation: [:])
    }

    @Test func actualsAndNaiveForecastsAreCountedAsByHand() throws {
        let backtest = try Backtest.run(Self.smallReturn(), asOf: Self.day(2023, 3, 31), years: 2, windowYears: 2,
                                        replications: 20, seed: 1, threads: 1)
        func cell(_ measure: String, _ horizon: Int) throws -> Backtest.Cell {
            try #require(backtest.cells.first { $0.measure == measure && $0.horizon == horizon && $0.type == "total" && $0.band == "total" })
        }
        let stock1 = try cell("children in care", 1), stock2 = try cell("children in care", 2)
        #expect((stock1.actual, stock2.actual) == (3, 3))
        #expect(stock1.naiveLast == 3 && stock2.naiveLast == 3)
        // The line through 2 (31 March 2022) and 3 (31 March 2023), 366 and 731 days on.
        #expect(abs(stock1.naiveLine! - (3 + 366.0 / 365)) < 1e-9)
        #expect(abs(stock2.naiveLine! - (3 + 731.0 / 365)) < 1e-9)
        let starts = try cell("starts", 1), ceased = try cell("ceased", 1)
        #expect((starts.actual, ceased.actual) == (1, 1))
        #expect((starts.naiveLast, starts.naiveLine) == (2, 2))
        #expect((ceased.naiveLast, ceased.naiveLine) == (1, 1))
        #expect(backtest.cells.filter { $0.measure == "starts" }.map(\.horizon) == [1, 2])
        let starts2 = try cell("starts", 2)
        #expect(starts2.actual == 0 && starts2.naiveLast == 2)
        // Age band totals add up to the total; the foster care, 10 to 15 cell holds every child.
        let bands = backtest.cells.filter { $0.kind == "age group" && $0.horizon == 1 }
        #expect(bands.count == 5 && bands.map(\.actual).reduce(0, +) == 3)
        // Scored as the published back-test scores: kinds in order, one cell each for the total.
        let kinds = backtest.summary.map(\.kind)
        #expect(kinds.first == "total" && kinds.contains("starts") && kinds.contains("ceased"))
        let total1 = try #require(backtest.summary.first { $0.kind == "total" && $0.horizon == 1 })
        #expect(total1.count == 1 && total1.lastMedianAPE == 0)
        #expect(backtest.summaryCSV.hasPrefix("\u{FEFF}measure,horizon_years,cells,model_median_ape"))
    }

    /// A date that is not a 31 March has no whole collection year of flows behind it to carry forward.
    @Test func flowsAreComparedOnlyFromAThirtyFirstMarch() throws {
        let backtest = try Backtest.run(Self.smallReturn(), asOf: Self.day(2023, 2, 28), years: 2, windowYears: 2,
                                        replications: 10, seed: 1, threads: 1)
        #expect(!backtest.cells.isEmpty)
        #expect(backtest.cells.allSatisfy { $0.measure == "children in care" })
    }
}
