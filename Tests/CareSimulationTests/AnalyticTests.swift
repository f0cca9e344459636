import Foundation
import Testing
import ScenarioModel
@testable import CareSimulation

/// The model against results known in closed form. Tolerances are multiples of the standard
/// error of the simulated estimate (4 SE unless stated), computed from the replications.
@Suite struct AnalyticTests {
    /// Mean and standard error of the mean of a sample.
    static func meanAndSE(_ values: [Double]) -> (mean: Double, se: Double) {
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        return (mean, (variance / n).squareRoot())
    }

    /// M/M/∞ transient: N0 at the start, entries at rate λ, exponential stays of rate μ, no capacity
    /// limit: E[N(t)] = N0·e^(−μt) + (λ/μ)(1 − e^(−μt)).
    @Test func inCareFollowsTheMMInfinityTransient() throws {
        let (n0, lambda, mu) = (50.0, 100.0, 0.5)
        let scenario = try TestScenarios.queue(entriesPerYear: lambda, exitPerYear: mu, capacity: nil, initial: Int(n0), replications: 400)
        let model = CareModel(scenario)
        let tallies = MonteCarlo.run(model, replications: scenario.replications, threads: 2)
        for (month, day) in model.monthEnds.enumerated() where month % 6 == 5 {
            let t = Double(day.number - scenario.start.number + 1) / 365.2425
            let expected = n0 * exp(-mu * t) + lambda / mu * (1 - exp(-mu * t))
            let counts = tallies.map { tally in Double((0..<tally.bands).reduce(Int32(0)) { $0 + tally.stock(month: month, provider: 0, band: $1) }) }
            let (mean, se) = Self.meanAndSE(counts)
            #expect(abs(mean - expected) < 4 * se, "month \(day): simulated \(mean) ± \(se), expected \(expected)")
        }
    }

    /// Erlang's loss formula: with c in-house places, Poisson entries and exponential stays
    /// (offered load a = λ/μ), the long-run share of entries finding in-house full is B(c, a).
    @Test(arguments: [(20, 20.0), (10, 5.0), (30, 25.0)])
    func overflowShareIsErlangB(capacity: Int, load: Double) throws {
        let mu = 4.0
        let scenario = try TestScenarios.queue(entriesPerYear: load * mu, exitPerYear: mu, capacity: capacity,
                                               horizonYears: 8, replications: 200)
        let model = CareModel(scenario)
        let tallies = MonteCarlo.run(model, replications: scenario.replications, threads: 2)
        let overflow = model.flow.overflowByType[0], entries = model.flow.entries
        // Years 2 onwards: the first year (e^-4 of the start remains) is warm-up.
        let shares = tallies.map { t -> Double in
            var o = 0.0, e = 0.0
            for year in 1..<t.years {
                for b in 0..<t.bands {
                    o += Double(t.flow(overflow, year: year, band: b))
                    e += Double(t.flow(entries, year: year, band: b))
                }
            }
            return o / e
        }
        let (mean, se) = Self.meanAndSE(shares)
        let expected = Self.erlangB(servers: capacity, load: load)
        #expect(abs(mean - expected) < 4 * se, "simulated \(mean) ± \(se), Erlang B(\(capacity), \(load)) = \(expected)")
    }

    /// Erlang B by the stable recursion B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)).
    static func erlangB(servers: Int, load a: Double) -> Double {
        var b = 1.0
        for k in 1...max(servers, 1) where servers > 0 { b = a * b / (Double(k) + a * b) }
        return servers == 0 ? 1 : b
    }

    @Test func erlangBMatchesTabulatedValues() {
        // B(1, 1) = 1/2; B(2, 1) = 1/5; B(10, 5) = 0.018385 (standard Erlang B tables).
        #expect(abs(Self.erlangB(servers: 1, load: 1) - 0.5) < 1e-12)
        #expect(abs(Self.erlangB(servers: 2, load: 1) - 0.2) < 1e-12)
        #expect(abs(Self.erlangB(servers: 10, load: 5) - 0.018385) < 1e-6)
    }

    /// Little's law for shaped durations: at steady state the mean number in care is λ·W, whatever
    /// the distribution of time in care W (here all far from 18, so none is cut short). Starting
    /// empty, E[N(t)] = λ·E[min(W, t)], so the check waits until P(W > t) is negligible: 7 years
    /// for these shapes (lognormal σ = 0.8: P(W > 7 y) ≈ 1e-6; Weibull k = 0.7: ≈ 5e-4).
    @Test(arguments: ["{distribution: gamma, mean: 6 months, shape: 3}",
                      "{distribution: lognormal, mean: 6 months, shape: 0.8}",
                      "{distribution: weibull, mean: 6 months, shape: 0.7}"])
    func shapedDurationsObeyLittlesLaw(duration: String) throws {
        let lambda = 60.0
        let scenario = try TestScenarios.queue(entriesPerYear: lambda, exitPerYear: 1, capacity: nil,
                                               horizonYears: 10, replications: 150, duration: duration)
        let model = CareModel(scenario)
        let tallies = MonteCarlo.run(model, replications: scenario.replications, threads: 2)
        // Average over the month ends of the last three years, per replication.
        let months = Array((model.monthEnds.count - 36)..<model.monthEnds.count)
        let means = tallies.map { t in
            months.reduce(0.0) { sum, m in sum + Double((0..<t.bands).reduce(Int32(0)) { $0 + t.stock(month: m, provider: 0, band: $1) }) } / Double(months.count)
        }
        let (mean, se) = Self.meanAndSE(means)
        let expected = lambda * 0.5  // λ per year × W = 0.5 years
        #expect(abs(mean - expected) < 4 * se, "\(duration): simulated \(mean) ± \(se), expected λW = \(expected)")
    }

    /// The random generator's distributions have the right means (seed sweep over streams).
    @Test func distributionsHaveTheirMeans() {
        for (shape, draws) in [(0.5, 200_000), (1.0, 200_000), (4.0, 200_000)] {
            var rng = SplitMix64(seed: SplitMix64.derive(99, UInt64(shape * 10)))
            var sum = 0.0, sumSquares = 0.0
            for _ in 0..<draws {
                let x = rng.gamma(shape: shape)
                sum += x
                sumSquares += x * x
            }
            let mean = sum / Double(draws)
            // Gamma(k, 1): mean k, variance k; the SE of the sample mean is sqrt(k / n).
            #expect(abs(mean - shape) < 4 * (shape / Double(draws)).squareRoot(), "gamma(\(shape)) mean \(mean)")
            let variance = sumSquares / Double(draws) - mean * mean
            #expect(abs(variance - shape) < 0.05 * shape, "gamma(\(shape)) variance \(variance)")
        }
        var rng = SplitMix64(seed: 5)
        var total = 0.0
        for _ in 0..<200_000 { total += rng.exponential() }
        #expect(abs(total / 200_000 - 1) < 4 / 200_000.0.squareRoot())
    }
}
