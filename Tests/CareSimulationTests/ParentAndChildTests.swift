import Foundation
import Testing
import ScenarioModel
@testable import CareSimulation

/// Parent-and-child assessments: their own arrival stream, a duration, placement options with
/// capacities, and at the end the family leaves together or the baby enters care.
@Suite struct ParentAndChildTests {
    static func scenario(perYear: Double, trend: String = "0%", horizonYears: Int = 3, babies: String = "40%") throws -> Scenario {
        try TestScenarios.read("""
            start: 2025-04-01
            horizon: \(horizonYears) years
            replications: 200
            seed: 13
            placements:
              foster care:
                providers: [{name: fostering, weekly_cost: 700}]
              parent and child fostering:
                serves: parent and child
                providers:
                  - {name: in-house p&c fostering, in_house: true, capacity: 2, weekly_cost: 800}
                  - {name: agency p&c fostering, weekly_cost: 1200}
              residential family centre:
                serves: parent and child
                providers: [{name: family centre, weekly_cost: 5000}]
            entries:
              per_year: {all: 0}
              first_placement: {all: {foster care: 100%}}
            parent_and_child:
              per_year: \(perYear)
              trend: \(trend)
              duration: {distribution: gamma, mean: 12 weeks, shape: 4}
              placement: {parent and child fostering: 50%, residential family centre: 50%}
              baby_enters_care: \(babies)
            """)
    }

    /// Providers 1–3 are the parent-and-child ones (0 is foster care for babies).
    static let families = 1..<4

    /// Little's law: at steady state, assessments starting at r a year and lasting d on average
    /// occupy r·d places (30 × 12 weeks ≈ 6.9), half in each type of placement; the in-house
    /// places are never exceeded. Months 6 on: P(an assessment outlasts 6 months) is below 10⁻³.
    @Test func occupancyIsRateTimesMeanDuration() throws {
        let scenario = try Self.scenario(perYear: 30)
        let model = CareModel(scenario)
        let tallies = MonteCarlo.run(model, replications: scenario.replications, threads: 2)
        let months = 6..<model.monthEnds.count
        let d = 12.0 * 7 / 365.2425
        let all = AnalyticTests.meanAndSE(tallies.map { t in Self.families.reduce(0.0) { $0 + t.average(provider: $1, months: months) } })
        #expect(abs(all.mean - 30 * d) < 4 * all.se, "in assessment \(all), expected r·d = \(30 * d)")
        let centre = AnalyticTests.meanAndSE(tallies.map { $0.average(provider: 3, months: months) })
        #expect(abs(centre.mean - 15 * d) < 4 * centre.se, "in a family centre \(centre), expected \(15 * d)")
        for t in tallies {
            for m in 0..<model.monthEnds.count { #expect(t.count(month: m, provider: 1) <= 2) }
        }
    }

    /// At each assessment's end the baby enters care with the given share: babies are binomial over
    /// the assessments that ended (started − still in assessment at the end). Each baby is an entry
    /// aged under 1 with its own placement: here the only entries, and nobody leaves foster care.
    @Test func babiesEnterCareWithTheirShare() throws {
        let scenario = try Self.scenario(perYear: 30)
        let model = CareModel(scenario)
        let tallies = MonteCarlo.run(model, replications: scenario.replications, threads: 2)
        let last = model.monthEnds.count - 1
        var babies = 0.0, ended = 0.0
        for t in tallies {
            let started = t.total(flow: model.flow.familyArrivals)
            let still = Self.families.reduce(0.0) { $0 + t.count(month: last, provider: $1) }
            let born = t.total(flow: model.flow.babiesIntoCare)
            #expect(t.total(flow: model.flow.entries) == born)
            #expect(t.count(month: last, provider: 0) == born, "every baby entering care is placed")
            #expect((0..<t.years).allSatisfy { y in (1..<t.bands).allSatisfy { t.flow(model.flow.entries, year: y, band: $0) == 0 } },
                    "babies enter aged under 1")
            babies += born
            ended += started - still
        }
        let share = 0.4
        let se = (share * (1 - share) * ended).squareRoot()
        #expect(abs(babies - share * ended) < 4 * se, "\(babies) babies from \(ended) assessments ended; expected \(share * ended) ± \(se)")
    }

    /// A trend g: arrivals form a Poisson process of rate r(1 + g)^t, so year k expects
    /// r((1 + g)^(k+1) − (1 + g)^k) / ln(1 + g) arrivals (Poisson: variance equal to the mean).
    @Test func arrivalsGrowWithTheTrend() throws {
        let scenario = try Self.scenario(perYear: 10, trend: "20%", horizonYears: 4, babies: "0%")
        let model = CareModel(scenario)
        let tallies = MonteCarlo.run(model, replications: scenario.replications, threads: 2)
        for year in 0..<4 {
            let total = tallies.reduce(0.0) { t, tally in t + (0..<tally.bands).reduce(0.0) { $0 + Double(tally.flow(model.flow.familyArrivals, year: year, band: $1)) } }
            let expected = Double(tallies.count) * 10 * (pow(1.2, Double(year + 1)) - pow(1.2, Double(year))) / log(1.2)
            #expect(abs(total - expected) < 4 * expected.squareRoot(), "year \(year): \(total) arrivals, expected \(expected)")
        }
    }
}
