import Foundation
import Testing
import ScenarioModel
@testable import CareSimulation

/// Costs integrated exactly over the days occupied, split at 1 April, with the April uplift.
@Suite struct CostTests {
    /// Ten children who never leave, at £700 a week (£100 a day), 3% inflation each April.
    func tenChildren(start: String, months: Int, extraUplift: String = "0%") throws -> (CareModel, [Tally]) {
        let scenario = try TestScenarios.read("""
            start: \(start)
            horizon: \(months) months
            replications: 3
            age_bands: {under 1: 0, 1 to 17: 1}
            placements:
              foster care:
                providers:
                  - {name: in-house, weekly_cost: £700, uplift: \(extraUplift)}
            population:
              in-house: {under 1: 10}
            entries:
              per_year: {all: 0}
              first_placement: {all: {foster care: 100%}}
            inflation: 3%
            """)
        let model = CareModel(scenario)
        return (model, MonteCarlo.run(model, replications: 3, threads: 1))
    }

    @Test func wholeYearsAcrossAnAprilUpliftAndALeapYear() throws {
        let (model, tallies) = try tenChildren(start: "2025-04-01", months: 36)
        #expect(model.years.map(\.description) == ["2025/26", "2026/27", "2027/28"])
        for tally in tallies {
            // 365 days × 10 × £100; then × 1.03; then 366 days (29 February 2028) × 1.03².
            #expect(abs(tally.occupiedDays[0] * model.costPerDay[0][0] - 365_000) < 1e-6)
            #expect(abs(tally.occupiedDays[1] * model.costPerDay[1][0] - 375_950) < 1e-6)
            #expect(abs(tally.occupiedDays[2] * model.costPerDay[2][0] - 366 * 1000 * 1.03 * 1.03) < 1e-6)
        }
    }

    @Test func partYearsWhenTheStartIsNotFirstApril() throws {
        let (model, tallies) = try tenChildren(start: "2025-10-01", months: 12, extraUplift: "2%")
        #expect(model.years.map(\.description) == ["2025/26", "2026/27"])
        for tally in tallies {
            // 1 October to 31 March is 182 days; 1 April to 30 September is 183 days, uplifted 3% and 2%.
            #expect(tally.occupiedDays == [1820, 1830])
            #expect(abs(tally.occupiedDays[1] * model.costPerDay[1][0] - 1830 * 100 * 1.03 * 1.02) < 1e-6)
        }
    }
}
