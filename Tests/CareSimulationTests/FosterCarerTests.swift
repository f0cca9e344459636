import Foundation
import Testing
import ScenarioModel
@testable import CareSimulation

/// In-house foster carers as a supply: households recruited at random at a yearly rate and each
/// leaving at a constant hazard, places = households × places per household, rounded down.
@Suite struct FosterCarerTests {
    static func scenario(places: String = "1", changes: String = "") throws -> Scenario {
        try TestScenarios.read("""
            start: 2025-04-01
            horizon: 8 years
            replications: 200
            seed: 21
            age_bands: {under 1: 0, 1 to 17: 1}
            placements:
              foster care:
                providers:
                  - name: in-house fostering
                    in_house: true
                    foster_carers: {households: 50, places_per_household: \(places), recruited_per_year: 30, attrition: 20%}
            \(changes)
                    weekly_cost: 600
                  - {name: agency, weekly_cost: 1000}
            entries:
              per_year: {under 1: 20}
              first_placement: {all: {foster care: 100%}}
            exits:
              rates:
                returned home: {all: 1}
            """)
    }

    /// Households form an immigration–death process: recruitment R a year, each household leaving
    /// at hazard h = −ln(1 − attrition) (so that the share leaving in a year is the attrition), so
    /// E[H(t)] = H₀e^(−ht) + (R/h)(1 − e^(−ht)), trending to R/h (134 here; R/attrition would be 150).
    @Test func householdsTrendTowardRecruitmentOverHazard() throws {
        let scenario = try Self.scenario()
        let model = CareModel(scenario)
        let tallies = MonteCarlo.run(model, replications: scenario.replications, threads: 2)
        let (h0, r, h) = (50.0, 30.0, -log(1 - 0.2))
        for (month, day) in model.monthEnds.enumerated() where month % 12 == 11 {
            let t = Double(day.number - scenario.start.number + 1) / 365.2425
            let expected = h0 * exp(-h * t) + r / h * (1 - exp(-h * t))
            // One place per household: places are the households.
            let (mean, se) = AnalyticTests.meanAndSE(tallies.map { Double($0.places(month: month, provider: 0)) })
            #expect(abs(mean - expected) < 4 * se, "\(day): \(mean) ± \(se) households, expected \(expected)")
        }
    }

    /// Places are floor(households × places per household) plus dated changes, at every month end:
    /// the household process draws from its own random stream, so runs with the same seed and
    /// different places per household have the same households, read from the one-place run.
    @Test func placesAreHouseholdsTimesPlacesRoundedDown() throws {
        let one = try Self.scenario()
        let model = CareModel(one)
        let households = MonteCarlo.run(model, replications: 50, threads: 2)
        let change = "        capacity_changes: [{date: 2027-04-01, change: 3}]"
        for places in [0.94, 1.5] {
            let other = try Self.scenario(places: "\(places)", changes: change)
            let tallies = MonteCarlo.run(CareModel(other), replications: 50, threads: 2)
            let changed = try #require(Day(year: 2027, month: 4, day: 1))
            for (h, t) in zip(households, tallies) {
                for (month, day) in model.monthEnds.enumerated() {
                    let expected = Int(Double(h.places(month: month, provider: 0)) * places) + (day >= changed ? 3 : 0)
                    #expect(t.places(month: month, provider: 0) == expected, "\(day), \(places) places per household")
                    #expect(t.count(month: month, provider: 0) <= Double(expected))
                }
            }
        }
    }
}
