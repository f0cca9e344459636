import Foundation
import Testing
import ScenarioModel
@testable import CareSimulation

/// A starting population whose spread was estimated (`population: {observed: N, …}`): each
/// replication spreads the same children over the children's cells by a Dirichlet-multinomial;
/// care leavers stay as given. Tolerances are 4 standard errors.
@Suite struct StartingPopulationTests {
    static func scenario(observed: String) throws -> Scenario {
        try TestScenarios.read("""
            start: 2025-04-01
            horizon: 12 months
            replications: 200
            seed: 11
            age_bands: {under 18: 0}
            placements:
              foster care:
                providers:
                  - {name: fostering, weekly_cost: 900}
              children's home:
                providers:
                  - {name: homes, weekly_cost: 4000}
              own tenancy:
                serves: care leavers
                providers: [{name: own tenancy, weekly_cost: 0}]
            population:
              \(observed)
              fostering: {under 18: 60}
              homes: {under 18: 40}
              own tenancy: {18 to 20: 10}
            population_ages: {under 18: {5: 100%}}
            entries:
              per_year: {under 18: 0}
              first_placement: {all: {foster care: 100%}}
            exits:
              rates:
                returned home: {all: 0}
            care_leavers:
              pathway: {all: {own tenancy: 100%}}
            """)
    }

    /// The cell of 60 of 100 children with `observed: 40`: mean 60, variance
    /// n·p(1 − p)·(n + κ)/(1 + κ) = 100 × 0.24 × 140/41; the total and the care leavers never change.
    @Test func childrenAreSpreadByADirichletMultinomial() throws {
        let model = CareModel(try Self.scenario(observed: "observed: 40"))
        var starting = StartingPopulation(model)
        #expect(starting.isEstimated)
        var rng = SplitMix64(seed: 7)
        let draws = 4000
        var counts: [Double] = []
        for _ in 0..<draws {
            starting.redraw(&rng)
            #expect(starting.count[0] + starting.count[1] == 100)
            #expect(starting.count[2] == 10)
            counts.append(Double(starting.count[0]))
        }
        let mean = counts.reduce(0, +) / Double(draws)
        let variance = counts.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(draws - 1)
        let expected = 100 * 0.24 * 140 / 41
        #expect(abs(mean - 60) < 4 * (expected / Double(draws)).squareRoot(), "mean \(mean)")
        let se = expected * (2 / Double(draws - 1)).squareRoot()
        #expect(abs(variance - expected) < 4 * se, "variance \(variance), expected \(expected) ± \(se)")
    }

    /// Without `observed` every replication starts with the scenario's children, as counted.
    @Test func aCountedPopulationIsAsGiven() throws {
        let model = CareModel(try Self.scenario(observed: ""))
        let tallies = MonteCarlo.run(model, replications: 20, threads: 2)
        #expect(tallies.allSatisfy { $0.stock(month: 0, provider: 0, band: 0) == 60 && $0.stock(month: 0, provider: 1, band: 0) == 40 })
    }

    /// In the simulation: nobody enters, leaves or turns 18, so each replication's first month end
    /// shows its own spread; the spread differs between replications, and is the same on 1 and 4 threads.
    @Test func eachReplicationStartsWithItsOwnSpread() throws {
        let model = CareModel(try Self.scenario(observed: "observed: 40"))
        let one = MonteCarlo.run(model, replications: 40, threads: 1)
        let four = MonteCarlo.run(model, replications: 40, threads: 4)
        let fostering = one.map { $0.stock(month: 0, provider: 0, band: 0) }
        #expect(fostering == four.map { $0.stock(month: 0, provider: 0, band: 0) })
        #expect(Set(fostering).count > 5)
        #expect(one.allSatisfy { $0.stock(month: 0, provider: 0, band: 0) + $0.stock(month: 0, provider: 1, band: 0) == 100 })
        #expect(one.allSatisfy { $0.stock(month: 11, provider: 0, band: 0) == $0.stock(month: 0, provider: 0, band: 0) })
    }
}
