import Foundation
import Testing
import ScenarioModel
@testable import CareSimulation

/// Mixes estimated from counts (`observed`): each replication draws its shares from
/// Dirichlet(observed × share), so the share of entries going to a type varies between
/// replications by the Dirichlet's variance on top of the binomial chance of each placement.
/// Tolerances are 4 standard errors.
@Suite struct EstimatedMixTests {
    static func scenario(observed: String) throws -> Scenario {
        try TestScenarios.read("""
            start: 2025-04-01
            horizon: 1 year
            replications: 400
            seed: 3
            age_bands: {under 18: 0}
            placements:
              foster care:
                providers:
                  - {name: fostering, weekly_cost: 900}
              children's home:
                providers:
                  - {name: homes, weekly_cost: 4000}
            entries:
              per_year: {under 18: 2000}
              first_placement: {all: {foster care: 70%, children's home: 30%\(observed)}}
            exits:
              rates:
                returned home: {all: 0}
            """)
    }

    /// Each replication's share of the year's entries placed in foster care.
    static func fosterShares(_ s: Scenario) -> [Double] {
        let model = CareModel(s)
        let tallies = MonteCarlo.run(model, replications: s.replications, threads: 2)
        let march = model.monthEnds.firstIndex { $0.description == "2026-03-31" }!
        return tallies.map { t in
            let foster = Double(t.stock(month: march, provider: 0, band: 0))
            return foster / (foster + Double(t.stock(month: march, provider: 1, band: 0)))
        }
    }

    static func meanAndVariance(_ v: [Double]) -> (Double, Double) {
        let mean = v.reduce(0, +) / Double(v.count)
        return (mean, v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(v.count - 1))
    }

    /// With `observed: 40` the foster share is Beta(28, 12): mean 0.7, variance
    /// ab/((a+b)²(a+b+1)); each replication then places about 2,000 children binomially around it.
    @Test func sharesVaryByTheirDirichletVariance() throws {
        let shares = Self.fosterShares(try Self.scenario(observed: ", observed: 40"))
        let (a, b) = (0.7 * 40, 0.3 * 40)
        let p = a / (a + b)
        let beta = a * b / ((a + b) * (a + b) * (a + b + 1))
        let expected = beta + p * (1 - p) / 2000
        let (mean, variance) = Self.meanAndVariance(shares)
        #expect(abs(mean - p) < 4 * (expected / 400).squareRoot(), "mean share \(mean), expected \(p)")
        // The sample variance of n values has standard error about σ²·√(2/(n − 1)) (a Beta is near normal here).
        let se = expected * (2 / 399.0).squareRoot()
        #expect(abs(variance - expected) < 4 * se, "variance \(variance), expected \(expected) ± \(se)")
    }

    /// Without `observed` the shares are the scenario's in every replication: binomial chance only.
    @Test func exactSharesVaryOnlyByChance() throws {
        let shares = Self.fosterShares(try Self.scenario(observed: ""))
        let expected = 0.7 * 0.3 / 2000
        let (mean, variance) = Self.meanAndVariance(shares)
        #expect(abs(mean - 0.7) < 4 * (expected / 400).squareRoot())
        #expect(abs(variance - expected) < 4 * expected * (2 / 399.0).squareRoot(), "variance \(variance), expected \(expected)")
    }

    /// Drawn from a stream of their own: the same seed gives the same tallies on 1 and 4 threads.
    @Test func drawsAreReproducibleAcrossThreads() throws {
        let s = try Self.scenario(observed: ", observed: 40")
        let model = CareModel(s)
        let one = MonteCarlo.run(model, replications: 40, threads: 1)
        let four = MonteCarlo.run(model, replications: 40, threads: 4)
        #expect(one.map { $0.stock(month: 11, provider: 0, band: 0) } == four.map { $0.stock(month: 11, provider: 0, band: 0) })
    }

    /// The draws keep the shares written on average, a tiny share included (the mean of Beta(a, b)
    /// is a/(a + b): 0.001 for 0.1% of 18), and identical mixes share one draw.
    @Test func drawsKeepTheMeanAndIdenticalMixesShareADraw() {
        var table = MixTable([[0.999, 0.001], [0.999, 0.001], [0.5, 0.5]], observed: [18, 18, 18])
        var rng = SplitMix64(seed: 7)
        let n = 20_000
        var sum = 0.0, sumSquares = 0.0, shared = true, summed = true
        for _ in 0..<n {
            table.redraw(&rng)
            let rare = table.shares[1]
            sum += rare
            sumSquares += rare * rare
            shared = shared && table.shares[0] == table.shares[2] && table.shares[1] == table.shares[3]
            summed = summed && abs(table.cumulative[1] - 1) < 1e-12 && abs(table.cumulative[5] - 1) < 1e-12
        }
        #expect(shared, "the first two mixes are identical, so they share each draw")
        #expect(summed, "each drawn mix adds up to 1")
        let mean = sum / Double(n)
        let se = ((sumSquares / Double(n) - mean * mean) / Double(n)).squareRoot()
        #expect(abs(mean - 0.001) < 4 * se, "mean rare share \(mean), expected 0.001 ± \(se)")
        #expect(table.shares[4] != 0.5, "the third mix is drawn")
    }
}

