import Foundation
import Testing
import ScenarioModel
@testable import CareSimulation

/// Where the starting children's spread over placements is estimated (`population: observed`),
/// the council's use of each placement type is drawn once per replication: the same draw holds for
/// the children on the start date and for where children are placed after it.
@Suite struct PlacementTiltTests {
    /// 1,000 children aged 1 to 17 who never leave, 30% in foster care, and 3,000 entries a year
    /// under 1 placed 30% in foster care; the under 1s on 31 March are the year's entries still under 1.
    static func scenario(observed: String, replications: Int) throws -> Scenario {
        try TestScenarios.read("""
            start: 2025-04-01
            horizon: 1 year
            replications: \(replications)
            seed: 3
            age_bands: {under 1: 0, 1 to 17: 1}
            placements:
              foster care:
                providers:
                  - {name: external, weekly_cost: 900}
              children's home:
                providers:
                  - {name: home, weekly_cost: 4000}
            population:
              \(observed)
              external: {1 to 17: 300}
              home: {1 to 17: 700}
            entries:
              per_year: {under 1: 3000, 1 to 17: 0}
              first_placement: {all: {foster care: 30%, children's home: 70%}}
            exits:
              rates:
                returned home: {all: 0}
            """)
    }

    /// Per replication: foster care's share of the starting children (the first month end's
    /// 1 to 17s) and of the under 1s on 31 March.
    static func shares(_ s: Scenario) -> [(start: Double, entries: Double)] {
        let model = CareModel(s)
        let tallies = MonteCarlo.run(model, replications: s.replications, threads: 2)
        let march = model.monthEnds.firstIndex { $0.description == "2026-03-31" }!
        return tallies.map { t in
            func share(_ month: Int, _ band: Int) -> Double {
                let foster = Double(t.stock(month: month, provider: 0, band: band))
                return foster / (foster + Double(t.stock(month: month, provider: 1, band: band)))
            }
            return (share(0, 1), share(march, 0))
        }
    }

    /// With observed κ = 20 the entries' foster share is the starting draw q ~ Beta(6, 14) itself:
    /// mean 0.3, variance 0.21/21 = 0.01 (plus the binomial 0.21/n of about 1,500 under 1s), and it
    /// moves with the starting share (correlation near 1). Counted (no `observed`), only the binomial.
    @Test func entriesArePlacedAsTheStartingDrawSays() throws {
        let tilted = Self.shares(try Self.scenario(observed: "observed: 20", replications: 400))
        let entries = tilted.map(\.entries), start = tilted.map(\.start)
        let mean = entries.reduce(0, +) / Double(entries.count)
        let v = DriftTests.variance(entries)
        let expected = 0.21 / 21
        #expect(abs(mean - 0.3) < 4 * (v / Double(entries.count)).squareRoot(), "mean \(mean)")
        #expect(abs(v - expected) < 4 * expected * (2 / 399.0).squareRoot() + 0.21 / 1000, "variance \(v), expected \(expected)")
        let ms = start.reduce(0, +) / Double(start.count)
        let cov = zip(start, entries).reduce(0) { $0 + ($1.0 - ms) * ($1.1 - mean) } / Double(start.count - 1)
        let correlation = cov / (DriftTests.variance(start) * v).squareRoot()
        #expect(correlation > 0.9, "correlation \(correlation)")

        let counted = Self.shares(try Self.scenario(observed: "", replications: 400)).map(\.entries)
        #expect(DriftTests.variance(counted) < 0.21 / 21 / 10)
    }
}
