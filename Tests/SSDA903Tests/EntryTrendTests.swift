import Foundation
import Testing
@testable import SSDA903

/// The entry trend: log-linear Poisson regression, checked against exact fits, the closed-form
/// standard error and, over a seed sweep, the size of its 5% test.
@Suite struct EntryTrendTests {
    static func years(_ counts: [Int], from first: Int = 2022) -> [(year: CollectionYear, entries: Int)] {
        counts.enumerated().map { (CollectionYear(endingYear: first + $0.offset), $0.element) }
    }

    @Test func countsOnAnExponentialCurveAreFittedExactly() throws {
        let trend = try #require(EntryTrend.fit(Self.years([1000, 1100, 1210, 1331])))
        #expect(abs(trend.growth - 0.10) < 1e-9)
        #expect(trend.isSignificant)
    }

    /// With equal counts *n* over years −1, 0, 1 (centred), b̂ = 0 and se(b̂) = 1/√(2n).
    @Test func flatCountsGiveTheClosedFormStandardError() throws {
        let trend = try #require(EntryTrend.fit(Self.years([400, 400, 400])))
        #expect(abs(trend.slope) < 1e-12)
        #expect(abs(trend.slopeStandardError - 1 / 800.0.squareRoot()) < 1e-12)
        #expect(!trend.isSignificant)
    }

    @Test func fewerThanThreeWholeYearsGiveNoTrend() {
        #expect(EntryTrend.fit(Self.years([300, 330])) == nil)
        #expect(EntryTrend.fit(Self.years([0, 0, 0])) == nil)
    }

    /// Poisson counts with no trend: the 5% test rejects in about 5% of seeds (within 3 binomial SE);
    /// with a 6% trend, the estimated slope is unbiased (within 3 SE of the mean over seeds).
    @Test func testSizeAndBiasOverASeedSweep() throws {
        let seeds = 2000
        var rejections = 0
        var slopes: [Double] = []
        for seed in 0..<seeds {
            var rng = Xoshiro256(seed: UInt64(seed))
            let flat = (0..<4).map { _ in rng.poisson(300) }
            if try #require(EntryTrend.fit(Self.years(flat))).isSignificant { rejections += 1 }
            let growing = (0..<4).map { rng.poisson(300 * pow(1.06, Double($0))) }
            slopes.append(try #require(EntryTrend.fit(Self.years(growing))).slope)
        }
        let size = Double(rejections) / Double(seeds)
        #expect(abs(size - 0.05) <= 3 * (0.05 * 0.95 / Double(seeds)).squareRoot(), "size \(size)")
        let mean = slopes.reduce(0, +) / Double(seeds)
        let sd = (slopes.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(seeds - 1)).squareRoot()
        #expect(abs(mean - log(1.06)) <= 3 * sd / Double(seeds).squareRoot(), "mean slope \(mean)")
    }
}
