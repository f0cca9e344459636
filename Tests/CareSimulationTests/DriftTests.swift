import Foundation
import Testing
import ScenarioModel
@testable import CareSimulation

/// Rates that move over time (year-to-year variability, exit trends and dated changes) and ages
/// within a band, against what they should give in closed form. Tolerances are 4 standard errors.
@Suite struct DriftTests {
    static func stockOfProvider0(_ tallies: [Tally], month: Int) -> [Double] {
        tallies.map { t in Double((0..<t.bands).reduce(Int32(0)) { $0 + t.stock(month: month, provider: 0, band: $1) }) }
    }

    static func variance(_ v: [Double]) -> Double {
        let mean = v.reduce(0, +) / Double(v.count)
        return v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(v.count - 1)
    }

    static func scenario(population: Int, entries: Double, exit: Double, extra: String, replications: Int = 400) throws -> Scenario {
        try TestScenarios.read("""
            start: 2025-04-01
            horizon: 3 years
            replications: \(replications)
            seed: 11
            age_bands: {under 1: 0, 1 to 17: 1}
            placements:
              foster care:
                providers:
                  - {name: external, weekly_cost: 900}
            population:
              external: {under 1: \(population)}
            entries:
              per_year: {under 1: \(entries), 1 to 17: 0}
              first_placement: {all: {foster care: 100%}}
            exits:
              rates:
                returned home: {all: \(exit)}
                adoption: {all: \(exit)}
            \(extra)
            """)
    }

    /// Entries with variability σ: in year k (from 1) the log of the year's entries over λ is a
    /// random walk of k steps (the first wider by c) plus Poisson noise: variance (k + c)σ² + 1/λ, nearly.
    @Test func entryVariabilityHasTheStatedVariance() throws {
        let (lambda, sigma) = (1000.0, 0.2)
        // Rates that are means over 3 years: the first step carries (3 − 1)(6 − 1)/18 = 5/9 more steps.
        let s = try Self.scenario(population: 0, entries: lambda, exit: 0,
                                  extra: "variability: {entries: 20%, rates_averaged_over: 3 years}", replications: 400)
        let model = CareModel(s)
        let tallies = MonteCarlo.run(model, replications: s.replications, threads: 2)
        for year in 0..<3 {
            let logs = tallies.map { log(Double($0.flow(model.flow.entries, year: year, band: 0)) / lambda) }
            let expected = (Double(year + 1) + 5.0 / 9) * sigma * sigma + 1 / lambda
            let v = Self.variance(logs)
            // The sample variance of n normal values has standard error σ²·√(2/(n − 1)).
            let se = expected * (2 / Double(logs.count - 1)).squareRoot()
            #expect(abs(v - expected) < 4 * se, "year \(year + 1): variance \(v), expected \(expected) ± \(se)")
        }
        // Switched off, only Poisson noise is left.
        let off = try Self.scenario(population: 0, entries: lambda, exit: 0, extra: "", replications: 400)
        let offModel = CareModel(off)
        let plain = MonteCarlo.run(offModel, replications: off.replications, threads: 2)
        let v = Self.variance(plain.map { Double($0.flow(offModel.flow.entries, year: 2, band: 0)) })
        #expect(abs(v - lambda) < 4 * lambda * (2 / 399.0).squareRoot())
    }

    /// Exits with variability σ: of N₀ children under 1 (none reaches 18) and no entries, the share still in care after the
    /// first year is exp(−μM) with log M ~ N(0, σ²), so log(−log(share)/μ) has variance σ² plus
    /// the binomial noise of the share (by the delta method).
    @Test func exitVariabilityHasTheStatedVariance() throws {
        let (n0, mu, sigma) = (5_000.0, 0.25, 0.15)
        let s = try Self.scenario(population: Int(n0), entries: 0, exit: mu, extra: "variability: {exits: 15%}", replications: 400)
        let model = CareModel(s)
        let tallies = MonteCarlo.run(model, replications: s.replications, threads: 2)
        let march = model.monthEnds.firstIndex { $0.description == "2026-03-31" }!
        let shares = Self.stockOfProvider0(tallies, month: march).map { $0 / n0 }
        let logs = shares.map { log(-log($0) / (2 * mu)) }
        let p = exp(-2 * mu)
        let noise = p * (1 - p) / n0 / pow(p * log(p), 2)
        let expected = sigma * sigma + noise
        let se = expected * (2 / Double(logs.count - 1)).squareRoot()
        #expect(abs(Self.variance(logs) - expected) < 4 * se)
    }

    /// Moves with variability σ: of N₀ children in one placement type moving to another at μ a year
    /// (no exits, no moves back), the share still there after the first year is exp(−μM) with
    /// log M ~ N(0, σ²), as for exits; the move's time crosses each 1 April on the new year's rate.
    @Test func moveVariabilityHasTheStatedVariance() throws {
        let (n0, mu, sigma) = (5_000.0, 0.25, 0.15)
        let s = try TestScenarios.read("""
            start: 2025-04-01
            horizon: 2 years
            replications: 400
            seed: 12
            age_bands: {under 1: 0, 1 to 17: 1}
            placements:
              foster care:
                providers:
                  - {name: external, weekly_cost: 900}
                moves: {rate: \(mu), to: {children's home: 100%}}
              children's home:
                providers:
                  - {name: home, weekly_cost: 4000}
            population:
              external: {under 1: \(Int(n0))}
            entries:
              per_year: {all: 0}
              first_placement: {all: {foster care: 100%}}
            exits:
              rates:
                returned home: {all: 0}
            variability: {moves: 15%}
            """)
        #expect(s.variability.moves == 0.15)
        let model = CareModel(s)
        let tallies = MonteCarlo.run(model, replications: s.replications, threads: 2)
        let march = model.monthEnds.firstIndex { $0.description == "2026-03-31" }!
        let shares = Self.stockOfProvider0(tallies, month: march).map { $0 / n0 }
        let logs = shares.map { log(-log($0) / mu) }
        let p = exp(-mu)
        let expected = sigma * sigma + p * (1 - p) / n0 / pow(p * log(p), 2)
        let se = expected * (2 / Double(logs.count - 1)).squareRoot()
        #expect(abs(Self.variance(logs) - expected) < 4 * se, "variance \(Self.variance(logs)), expected \(expected) ± \(se)")
        // Over two years the share left is exp(−μ(M₁ + M₁M₂′)), M₂′ the second step's factor: its mean,
        // by integrating over the two normal steps, checks that a move drawn in one year crosses
        // 1 April on the next year's rate.
        let grid = stride(from: -8.0, through: 8.0, by: 0.02).map { z in (z, exp(-z * z / 2) / (2 * Double.pi).squareRoot() * 0.02) }
        var expectedLeft = 0.0
        for (z1, w1) in grid {
            let m1 = exp(sigma * z1 - sigma * sigma / 2)
            for (z2, w2) in grid { expectedLeft += w1 * w2 * exp(-mu * m1 * (1 + exp(sigma * z2 - sigma * sigma / 2))) }
        }
        let april = model.monthEnds.firstIndex { $0.description == "2027-03-31" }!
        let left = Self.stockOfProvider0(tallies, month: april).map { $0 / n0 }
        let mean = left.reduce(0, +) / Double(left.count)
        let meanSE = (Self.variance(left) / Double(left.count)).squareRoot()
        #expect(abs(mean - expectedLeft) < 4 * meanSE, "two years: \(mean) left, expected \(expectedLeft) ± \(meanSE)")
    }

    /// A dated change for one reason: before it the stock decays at 2μ, after it at μ(1 + f):
    /// E[N(t)] = N₀·exp(−2μD − μ(1 + f)(t − D)), and the trend multiplies each later year's rates.
    @Test func exitChangesAndTrendsFollowTheirClosedForm() throws {
        let (n0, mu) = (2000.0, 0.3)
        let s = try Self.scenario(population: Int(n0), entries: 0, exit: mu, extra: """
              trend: 10%
              changes:
                - {from: 2025-10-01, change: 50%, reasons: [adoption]}
            """, replications: 300)
        #expect(s.exits.trend == 0.1)
        #expect(s.exits.changes.first?.reasons == [1])
        let model = CareModel(s)
        let tallies = MonteCarlo.run(model, replications: s.replications, threads: 2)
        let d = Double(Day(iso: "2025-10-01")!.number - s.start.number) / 365.2425
        for (month, day) in model.monthEnds.enumerated() where month % 5 == 4 {
            let t = Double(day.number - s.start.number + 1) / 365.2425
            // Integrated hazard: year k (from 0) has factor 1.1^k; adoption ×1.5 after d.
            var hazard = 0.0
            let yearEnds = [0.0, Double(Day(iso: "2026-04-01")!.number - s.start.number) / 365.2425,
                            Double(Day(iso: "2027-04-01")!.number - s.start.number) / 365.2425, .infinity]
            for k in 0..<3 {
                for (from, to, factor) in [(yearEnds[k], min(yearEnds[k + 1], d), 2.0), (max(yearEnds[k], d), yearEnds[k + 1], 2.5)] {
                    let span = max(0, min(to, t) - from)
                    hazard += mu * factor * pow(1.1, Double(k)) * span
                }
            }
            let expected = n0 * exp(-hazard)
            let counts = Self.stockOfProvider0(tallies, month: month)
            let mean = counts.reduce(0, +) / Double(counts.count)
            let se = (Self.variance(counts) / Double(counts.count)).squareRoot()
            #expect(abs(mean - expected) < 4 * se, "\(day): \(mean) ± \(se), expected \(expected)")
        }
    }

    /// Entries all at birth stay under 1 for a whole year (no exits), so after a year the stock
    /// under 1 is λ on average; spread evenly over the year of age, λ/2.
    @Test func entriesAtBirthStayUnder1AWholeYear() throws {
        let lambda = 300.0
        for (ages, expectedShare) in [("  ages: {under 1: {at birth: 100%}}", 1.0), ("", 0.5)] {
            let withAges = try TestScenarios.read(Self.atBirthScenario(entriesAges: ages, lambda: lambda))
            let model = CareModel(withAges)
            let tallies = MonteCarlo.run(model, replications: withAges.replications, threads: 2)
            let month = model.monthEnds.count - 1
            let under1 = tallies.map { Double($0.stock(month: month, provider: 0, band: 0)) }
            let mean = under1.reduce(0, +) / Double(under1.count)
            let se = (Self.variance(under1) / Double(under1.count)).squareRoot()
            #expect(abs(mean - lambda * expectedShare) < 4 * se, "\(ages): \(mean) ± \(se)")
        }
    }

    static func atBirthScenario(entriesAges: String, lambda: Double) -> String {
        """
        start: 2025-04-01
        horizon: 2 years
        replications: 200
        seed: 3
        age_bands: {under 1: 0, 1 to 17: 1}
        placements:
          foster care:
            providers:
              - {name: external, weekly_cost: 900}
        entries:
          per_year: {under 1: \(lambda), 1 to 17: 0}
          first_placement: {all: {foster care: 100%}}
        \(entriesAges)
        """
    }

    /// A starting population all aged 17 turns 18 within the first year; all aged 16, in the second.
    @Test func populationAgesDecideWhenChildrenTurn18() throws {
        for (age, firstYear, secondYear) in [(17, 150, 0), (16, 0, 150)] {
            let s = try TestScenarios.read("""
                start: 2025-04-01
                horizon: 2 years
                replications: 3
                placements:
                  foster care:
                    providers:
                      - {name: external, weekly_cost: 900}
                population:
                  external: {16 to 17: 150}
                population_ages:
                  16 to 17: {\(age): 100%}
                entries:
                  per_year: {all: 0}
                  first_placement: {all: {foster care: 100%}}
                """)
            let model = CareModel(s)
            for tally in MonteCarlo.run(model, replications: 3, threads: 1) {
                let turned = (0..<2).map { year in (0..<tally.bands).reduce(Int32(0)) { $0 + tally.flow(model.flow.turned18, year: year, band: $1) } }
                #expect(turned == [Int32(firstYear), Int32(secondYear)])
            }
        }
    }
}
