import Foundation
import Testing
@testable import SSDA903

/// The entry trend: log-linear quasi-Poisson regression, checked against exact fits, the closed-form
/// standard error and, over seed sweeps of counts and of whole synthetic returns, the size of its 5% test.
@Suite struct EntryTrendTests {
    static func years(_ counts: [Int], from first: Int = 2022) -> [(year: CollectionYear, entries: Int)] {
        counts.enumerated().map { (CollectionYear(endingYear: first + $0.offset), $0.element) }
    }

    @Test func countsOnAnExponentialCurveAreFittedExactly() throws {
        let trend = try #require(EntryTrend.fit(Self.years([1000, 1100, 1210, 1331, 1464])))
        #expect(abs(trend.growth - 0.10) < 1e-3)
        #expect(trend.isSignificant)
    }

    /// Counts symmetric about the middle year, over years −2…2: b̂ = 0, the Poisson standard error is
    /// 1/√(n̄ Σx²) = 1/√4000, and the Pearson dispersion is Σ(n − n̄)²/n̄ ÷ 3 = 1/3.
    @Test func symmetricCountsGiveTheClosedFormStandardError() throws {
        let trend = try #require(EntryTrend.fit(Self.years([410, 390, 400, 390, 410])))
        #expect(abs(trend.slope) < 1e-12)
        #expect(abs(trend.dispersion - 1.0 / 3) < 1e-12)
        #expect(abs(trend.slopeStandardError - (1 / 4000.0 / 3).squareRoot()) < 1e-12)
        #expect(trend.degreesOfFreedom == 3 && !trend.isSignificant)
    }

    /// Three or four yearly counts are too few: the README's walk-through once wrote a 'significant'
    /// +14% a year from three counts of trendless data.
    @Test func fewerThanFiveWholeYearsGiveNoTrend() {
        #expect(EntryTrend.fit(Self.years([300, 330])) == nil)
        #expect(EntryTrend.fit(Self.years([200, 240, 288])) == nil)
        #expect(EntryTrend.fit(Self.years([200, 240, 288, 346])) == nil)
        #expect(EntryTrend.fit(Self.years([0, 0, 0, 0, 0])) == nil)
    }

    /// Student's t critical values: the table, and the approximation beyond it.
    @Test func criticalValuesFollowStudentsT() {
        #expect(EntryTrend.criticalValue(3) == 3.182)
        #expect(abs(EntryTrend.criticalValue(60) - 2.000) < 0.002)
        #expect(abs(EntryTrend.criticalValue(120) - 1.980) < 0.002)
    }

    /// Trendless counts over 5 years, Poisson and overdispersed (the yearly mean itself varying by
    /// 10%, as a wave of asylum-seeking children makes it): the quasi-Poisson test rejects in about 5%
    /// of seeds in both (within 3 binomial SE), where a Poisson standard error would reject the
    /// overdispersed ones far more often. With a 6% trend the slope is unbiased (within 3 SE).
    @Test func testSizeAndBiasOverASeedSweep() throws {
        let seeds = 2000
        var rejections = (poisson: 0, overdispersed: 0, overdispersedPoissonSE: 0)
        var slopes: [Double] = []
        for seed in 0..<seeds {
            var rng = Xoshiro256(seed: UInt64(seed))
            let flat = (0..<5).map { _ in rng.poisson(300) }
            if try #require(EntryTrend.fit(Self.years(flat))).isSignificant { rejections.poisson += 1 }
            let wavy = (0..<5).map { _ in rng.poisson(300 * max(0.1, 1 + 0.1 * Self.normal(&rng))) }
            let trend = try #require(EntryTrend.fit(Self.years(wavy)))
            if trend.isSignificant { rejections.overdispersed += 1 }
            if abs(trend.z) * (trend.dispersion).squareRoot() > 1.959964 { rejections.overdispersedPoissonSE += 1 }
            let growing = (0..<5).map { rng.poisson(300 * pow(1.06, Double($0))) }
            slopes.append(try #require(EntryTrend.fit(Self.years(growing))).slope)
        }
        let bound = 3 * (0.05 * 0.95 / Double(seeds)).squareRoot()
        for (name, n) in [("poisson", rejections.poisson), ("overdispersed", rejections.overdispersed)] {
            let size = Double(n) / Double(seeds)
            #expect(abs(size - 0.05) <= bound, "\(name): size \(size)")
        }
        #expect(Double(rejections.overdispersedPoissonSE) / Double(seeds) > 0.2, "the Poisson test on overdispersed counts")
        let mean = slopes.reduce(0, +) / Double(seeds)
        let sd = (slopes.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(seeds - 1)).squareRoot()
        #expect(abs(mean - log(1.06)) <= 3 * sd / Double(seeds).squareRoot(), "mean slope \(mean)")
    }

    /// Whole synthetic returns with constant entry rates, calibrated over 5 whole collection years:
    /// a trend is written (significant at 5%) in about 5% of seeds (within 3 binomial SE), and the
    /// t statistics average about 0 (within 3 SE: a reader, stitcher or window that lost entries in
    /// the first or last year would tilt them). 100 seeds keep it to a few seconds; set TREND_SEEDS
    /// for a longer sweep.
    @Test func falseTrendRateOnTrendlessSyntheticReturnsIsNearFivePercent() throws {
        let seeds = Int(ProcessInfo.processInfo.environment["TREND_SEEDS"] ?? "") ?? 100
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let results = Results(count: seeds)
        DispatchQueue.concurrentPerform(iterations: seeds) { seed in
            let data = folder.appendingPathComponent("\(seed)")
            var options = SyntheticReturn.Options(seed: UInt64(1000 + seed), years: 5, childrenInCare: 40)
            options.faultRate = 0
            guard (try? SyntheticReturn.write(to: data, options: options)) != nil,
                  let read = try? ReturnReader.read(data) else { return }
            let c = Estimator.estimate(EpisodeStitcher.stitch(read), windowYears: 5)
            results.set(seed, c.entryTrend.map { ($0.z, $0.degreesOfFreedom) })
        }
        let fits = results.values.compactMap { $0 }
        #expect(fits.count == seeds && fits.allSatisfy { $0.df == 3 })
        let size = Double(fits.filter { abs($0.z) > EntryTrend.criticalValue($0.df) }.count) / Double(fits.count)
        #expect(abs(size - 0.05) <= 3 * (0.05 * 0.95 / Double(fits.count)).squareRoot(), "false-trend rate \(size)")
        // t on 3 df has variance 3.
        let meanZ = fits.map(\.z).reduce(0, +) / Double(fits.count)
        #expect(abs(meanZ) <= 3 * (3 / Double(fits.count)).squareRoot(), "mean t \(meanZ)")
    }

    /// Results filled in from several threads.
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var values: [(z: Double, df: Int)?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: (z: Double, df: Int)?) { lock.lock(); values[i] = value; lock.unlock() }
    }

    /// A standard normal draw (Box–Muller).
    static func normal(_ rng: inout Xoshiro256) -> Double {
        (-2 * log(1 - rng.uniform())).squareRoot() * cos(2 * Double.pi * rng.uniform())
    }
}
