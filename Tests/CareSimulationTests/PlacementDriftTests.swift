import Foundation
import Testing
import ScenarioModel
@testable import CareSimulation

/// Placement types' shares of placements drifting from year to year (`variability: placements`),
/// against what the stated walk gives. Tolerances are 4 standard errors.
@Suite struct PlacementDriftTests {
    /// Entries under 1 (none leaves, none moves) placed 30% in foster care and 70% in a children's
    /// home; the foster stock at each 31 March, less the one before, is the year's foster placements.
    static func scenario(sigma: String, entries: Double, replications: Int, seed: Int = 21) throws -> Scenario {
        try TestScenarios.read("""
            start: 2025-04-01
            horizon: 2 years
            replications: \(replications)
            seed: \(seed)
            age_bands: {under 1: 0, 1 to 17: 1}
            placements:
              foster care:
                providers:
                  - {name: external, weekly_cost: 900}
              children's home:
                providers:
                  - {name: home, weekly_cost: 4000}
            entries:
              per_year: {under 1: \(entries), 1 to 17: 0}
              first_placement: {all: {foster care: 30%, children's home: 70%}}
            exits:
              rates:
                returned home: {all: 0}
            \(sigma.isEmpty ? "" : "variability: {placements: \(sigma)}")
            """)
    }

    /// Per replication and year (from 0): the year's entries and those placed in foster care.
    static func placements(_ s: Scenario) -> [[(all: Double, foster: Double)]] {
        let model = CareModel(s)
        let tallies = MonteCarlo.run(model, replications: s.replications, threads: 2)
        let marches = ["2026-03-31", "2027-03-31"].map { d in model.monthEnds.firstIndex { $0.description == d }! }
        return tallies.map { t in
            // Children entering under 1 turn 1 within the year: the stock is summed over both bands.
            let stock = marches.map { m in Double((0..<t.bands).reduce(Int32(0)) { $0 + t.stock(month: m, provider: 0, band: $1) }) }
            return (0..<2).map { y in
                (all: Double(t.flow(model.flow.entries, year: y, band: 0)), foster: y == 0 ? stock[0] : stock[1] - stock[0])
            }
        }
    }

    /// In year k (from 0) the log odds of foster care against the home move by the difference of
    /// two walks of k + 1 steps, variance 2(k + 1)σ², plus the binomial noise of the year's
    /// placements, 1/(n·p(1 − p)).
    @Test func theLogOddsOfTwoTypesHaveTheStatedVariance() throws {
        let (sigma, lambda, p) = (0.2, 4000.0, 0.3)
        let s = try Self.scenario(sigma: "20%", entries: lambda, replications: 400)
        #expect(s.variability.placements == 0.2)
        let years = Self.placements(s)
        for year in 0..<2 {
            let logits = years.map { r in log(r[year].foster / (r[year].all - r[year].foster)) }
            let expected = 2 * Double(year + 1) * sigma * sigma + 1 / (lambda * p * (1 - p))
            let v = DriftTests.variance(logits)
            let se = expected * (2 / Double(logits.count - 1)).squareRoot()
            #expect(abs(v - expected) < 4 * se, "year \(year + 1): variance \(v), expected \(expected) ± \(se)")
        }
        // Switched off, only the binomial noise is left.
        let off = Self.placements(try Self.scenario(sigma: "", entries: lambda, replications: 400))
        let logits = off.map { r in log(r[1].foster / (r[1].all - r[1].foster)) }
        let noise = 1 / (lambda * p * (1 - p))
        #expect(abs(DriftTests.variance(logits) - noise) < 4 * noise * (2 / 399.0).squareRoot())
    }

    /// Normalising walked weights would lift a share's mean towards an even split (by about
    /// 0.5·p(1 − p)(1 − 2p)·2v for two types: +2.1 points at p = 0.3 with v = 0.5 in the second
    /// year); the engine's correction keeps each type's mean share as written.
    @Test func eachTypeKeepsItsMeanShare() throws {
        let s = try Self.scenario(sigma: "50%", entries: 400, replications: 2000, seed: 5)
        let years = Self.placements(s)
        for year in 0..<2 {
            let shares = years.map { $0[year].foster / $0[year].all }
            let mean = shares.reduce(0, +) / Double(shares.count)
            let se = (DriftTests.variance(shares) / Double(shares.count)).squareRoot()
            #expect(abs(mean - 0.3) < 4 * se, "year \(year + 1): mean share \(mean) ± \(se)")
        }
    }

    /// The walks come from the variability stream: results do not depend on the threads.
    @Test func theSameOnOneThreadOrFour() throws {
        let s = try Self.scenario(sigma: "20%", entries: 300, replications: 40)
        let model = CareModel(s)
        let one = MonteCarlo.run(model, replications: s.replications, threads: 1)
        let four = MonteCarlo.run(model, replications: s.replications, threads: 4)
        let month = model.monthEnds.count - 1
        #expect(one.map { $0.stock(month: month, provider: 0, band: 0) } == four.map { $0.stock(month: month, provider: 0, band: 0) })
        #expect(Set(one.map { $0.stock(month: month, provider: 0, band: 0) }).count > 1)
    }
}
