import Foundation
import Testing
import ScenarioModel
@testable import CareSimulation

/// Exit rates by placement type (`exits.by_placement`) against closed forms: while placed for
/// adoption a child leaves only at the type's own rates, and the bands' rates apply elsewhere.
/// Tolerances are 4 standard errors of the mean over the replications.
@Suite struct ExitsByPlacementTests {
    static func scenario(fosterMoves: Double, fosterAdoption: Double, population: String) throws -> Scenario {
        try TestScenarios.read("""
            start: 2025-04-01
            horizon: 2 years
            replications: 100
            seed: 5
            age_bands: {under 5: 0, 5 to 17: 5}
            placements:
              foster care:
                providers:
                  - {name: agency fostering, weekly_cost: 900}
                moves: {rate: \(fosterMoves), to: {placed for adoption: 100%}}
              placed for adoption:
                providers:
                  - {name: adopters, weekly_cost: 0}
            population:
              \(population)
            entries:
              per_year: {under 5: 0, 5 to 17: 0}
              first_placement: {all: {foster care: 100%}}
            exits:
              rates:
                returned home: {all: 0}
                adoption: {all: \(fosterAdoption)}
              by_placement:
                placed for adoption: {adoption: 2}
            """)
    }

    static func mean(_ v: [Double]) -> Double { v.reduce(0, +) / Double(v.count) }

    /// The mean and standard error of the mean of a binomial count of `n` with chance `p`, over `reps`.
    static func expect(_ values: [Double], n: Double, p: Double, _ what: String) {
        let se = (n * p * (1 - p) / Double(values.count)).squareRoot()
        #expect(abs(mean(values) - n * p) < 4 * se, "\(what): mean \(mean(values)), expected \(n * p) ± \(se)")
    }

    static func stock(_ t: Tally, provider: Int, month: Int) -> Double {
        Double((0..<t.bands).reduce(Int32(0)) { $0 + t.stock(month: month, provider: provider, band: $1) })
    }

    /// Two groups that never meet: 1,000 in foster care leaving at the band's adoption rate 0.5 a
    /// year, and 1,000 placed for adoption leaving at their own 2 a year (the band's 0.5 must not
    /// apply to them): after a year e^(−0.5) and e^(−2) remain.
    @Test func placedForAdoptionLeaveAtTheirOwnRate() throws {
        let s = try Self.scenario(fosterMoves: 0, fosterAdoption: 0.5,
                                  population: "agency fostering: {under 5: 1000}\n  adopters: {under 5: 1000}")
        let model = CareModel(s)
        let tallies = MonteCarlo.run(model, replications: s.replications, threads: 2)
        let march = model.monthEnds.firstIndex { $0.description == "2026-03-31" }!
        Self.expect(tallies.map { Self.stock($0, provider: 0, month: march) }, n: 1000, p: exp(-0.5), "foster care")
        Self.expect(tallies.map { Self.stock($0, provider: 1, month: march) }, n: 1000, p: exp(-2), "placed for adoption")
    }

    /// 1,000 in foster care with no exits of their own move to adoption at 1 a year, and are adopted
    /// from there at 2 a year: after t years e^(−t) are in foster care, e^(−t) − e^(−2t) placed for
    /// adoption, and the rest adopted (each child's state is independent: multinomial counts).
    @Test func movesIntoAdoptionThenOut() throws {
        let s = try Self.scenario(fosterMoves: 1, fosterAdoption: 0, population: "agency fostering: {under 5: 1000}")
        let model = CareModel(s)
        let tallies = MonteCarlo.run(model, replications: s.replications, threads: 2)
        let march = model.monthEnds.firstIndex { $0.description == "2026-03-31" }!
        let (f, p) = (exp(-1.0), exp(-1.0) - exp(-2.0))
        Self.expect(tallies.map { Self.stock($0, provider: 0, month: march) }, n: 1000, p: f, "foster care")
        Self.expect(tallies.map { Self.stock($0, provider: 1, month: march) }, n: 1000, p: p, "placed for adoption")
        let adoption = model.flow.exitReasons[1]
        Self.expect(tallies.map { Double($0.flow(adoption, year: 0, band: 0) + $0.flow(adoption, year: 0, band: 1)) },
                    n: 1000, p: 1 - f - p, "adopted in the first year")
        let returnedHome = model.flow.exitReasons[0]
        #expect(tallies.allSatisfy { $0.flow(returnedHome, year: 0, band: 0) == 0 })
    }

    /// With year-to-year variability σ, the rates of exits by placement walk with the exit rates but
    /// keep the mean stay: λ = 365 a year placed for adoption and adopted at 12.175 a year (30 days)
    /// keep λ/(r·f) children there, and E[1/f] = 1, so the mean stock at the fourth 31 March is λ/r,
    /// not λ/r·e^V (V = σ²(1 + 3), the walk's variance then) as a walk keeping the mean rate would give.
    /// Its variance is the Poisson λ/r plus (λ/r)²(e^V − 1).
    @Test func placementExitsWalkKeepingTheMeanStay() throws {
        let s = try TestScenarios.read("""
            start: 2025-04-01
            horizon: 4 years
            replications: 400
            seed: 8
            age_bands: {under 5: 0, 5 to 17: 5}
            placements:
              foster care:
                providers:
                  - {name: agency fostering, weekly_cost: 900}
              placed for adoption:
                providers:
                  - {name: adopters, weekly_cost: 0}
            entries:
              per_year: {under 5: 365, 5 to 17: 0}
              first_placement: {all: {placed for adoption: 100%}}
            exits:
              rates:
                adoption: {all: 0}
              by_placement:
                placed for adoption: {adoption: 12.175}
            variability: {exits: 30%}
            """)
        let model = CareModel(s)
        let tallies = MonteCarlo.run(model, replications: s.replications, threads: 2)
        let march = model.monthEnds.firstIndex { $0.description == "2029-03-31" }!
        let stocks = tallies.map { Self.stock($0, provider: 1, month: march) }
        let level = 365 / 12.175, v = 0.09 * 4
        let se = ((level + level * level * (exp(v) - 1)) / Double(stocks.count)).squareRoot()
        #expect(abs(Self.mean(stocks) - level) < 4 * se, "mean \(Self.mean(stocks)), expected \(level) ± \(se) (a mean-rate walk: \(level * exp(v)))")
    }
}
