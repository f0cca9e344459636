import Foundation
import Testing
import ScenarioModel
@testable import CareSimulation

/// The strategy's measures' raw counts (docs/measures.md) against cases worked out by hand or in
/// closed form. Tolerances are 4 standard errors of the simulated estimate over replications.
@Suite struct MeasureTests {
    /// Children aged 1 to 4 in one foster placement type, nobody entering or leaving, moving at
    /// `moves` a year to the same type; `years` of horizon.
    static func stable(moves: Double, children: Int = 300, years: Int = 3, replications: Int = 60) throws -> Scenario {
        try TestScenarios.read("""
            start: 2025-04-01
            horizon: \(years) years
            replications: \(replications)
            seed: 11
            age_bands: {under 1: 0, 1 to 4: 1, 5 to 17: 5}
            placements:
              foster care:
                providers:
                  - {name: in-house fostering, in_house: true, capacity: 100, weekly_cost: 500, local: 80%}
                  - {name: agency fostering, weekly_cost: 900, local: 40%}
            \(moves > 0 ? "    moves: {rate: \(moves), to: {foster care: 100%}}" : "")
            population:
              in-house fostering: {1 to 4: \(children / 3)}
              agency fostering: {1 to 4: \(children - children / 3)}
            entries:
              per_year: {under 1: 0, 1 to 4: 0, 5 to 17: 0}
              first_placement: {all: {foster care: 100%}}
            """)
    }

    static func slotValues(_ tallies: [Tally], _ count: MeasureCount, slot: Int) -> [Double] {
        tallies.map { $0.measure(count, slot: slot) }
    }

    @Test func theWidthIsTheNumberOfCounts() {
        #expect(MeasureCount.width == MeasureCount.allCases.count)
    }

    @Test func withoutMovesNobodyHasThreePlacementsAndEveryLongStayerKeepsTheirPlacement() throws {
        let scenario = try Self.stable(moves: 0)
        let model = CareModel(scenario)
        let tallies = MonteCarlo.run(model, replications: scenario.replications, threads: 2)
        for year in model.years.indices {
            let slot = year + 1
            for t in tallies {
                #expect(t.measure(.childrenInCare, slot: slot) == 300)
                #expect(t.measure(.threePlacements, slot: slot) == 0)
                #expect(t.measure(.longTermSamePlacement, slot: slot) == t.measure(.longTermInCare, slot: slot))
            }
        }
        // By the third 31 March everyone has been in care 2.5 years or more (and is under 16).
        #expect(tallies.allSatisfy { $0.measure(.longTermInCare, slot: 3) == 300 })
        // In-house share of foster placements: the population as given, every day.
        #expect(tallies.allSatisfy { $0.measure(.inHouseFoster, slot: 0) == 100 && $0.measure(.inFoster, slot: 0) == 300 })
    }

    /// Children in care all year, moving at rate m: placements in the year are 1 + Poisson(m·T),
    /// so the share with 3 or more is 1 − e^(−mT)(1 + mT), T the year's length in years.
    @Test(arguments: [0.5, 1.5])
    func threePlacementsShareIsPoisson(rate m: Double) throws {
        let scenario = try Self.stable(moves: m, children: 400, years: 2, replications: 80)
        let model = CareModel(scenario)
        let tallies = MonteCarlo.run(model, replications: scenario.replications, threads: 2)
        for (year, fy) in model.years.enumerated() {
            let mT = m * Double(fy.lastDay.number - fy.firstDay.number + 1) / 365.2425
            let expected = 1 - exp(-mT) * (1 + mT)
            let shares = tallies.map { $0.measure(.threePlacements, slot: year + 1) / $0.measure(.childrenInCare, slot: year + 1) }
            let (mean, se) = AnalyticTests.meanAndSE(shares)
            #expect(abs(mean - expected) < 4 * se, "\(fy): simulated \(mean) ± \(se), expected \(expected)")
        }
    }

    /// Every child entering stays about 200 days (Weibull, shape 100: a standard deviation of
    /// 2.6 days) and is adopted: the mean days from entering care to adoption is 200 in each year
    /// after the first (in the first, only the children who entered in it can be adopted, so the
    /// shorter stays are favoured slightly).
    @Test func daysToAdoptionOfAFixedStay() throws {
        let scenario = try TestScenarios.read("""
            start: 2025-04-01
            horizon: 3 years
            replications: 40
            seed: 5
            age_bands: {under 1: 0, 1 to 17: 1}
            placements:
              foster care:
                providers:
                  - {name: fostering, weekly_cost: 500}
            entries:
              per_year: {under 1: 0, 1 to 17: 40}
              first_placement: {all: {foster care: 100%}}
              ages: {1 to 17: {1: 100%}}
            exits:
              rates:
                adoption: {all: 1}
              duration: {all: {distribution: weibull, mean: 200 days, shape: 100}}
            """)
        let model = CareModel(scenario)
        #expect(model.measureSetup.adoptionReason == 0)
        let tallies = MonteCarlo.run(model, replications: scenario.replications, threads: 2)
        for year in model.years.indices {
            for t in tallies {
                let exits = (0..<t.bands).reduce(0.0) { $0 + Double(t.flow(model.flow.exitReasons[0], year: year, band: $1)) }
                #expect(t.measure(.adopted, slot: year + 1) == exits)
            }
            guard year > 0 else { continue }
            let means = tallies.map { $0.measure(.adoptionDays, slot: year + 1) / $0.measure(.adopted, slot: year + 1) }
            let (mean, se) = AnalyticTests.meanAndSE(means)
            #expect(abs(mean - 200) < 4 * se, "year \(year): \(mean) ± \(se) days")
            #expect(se < 0.5)
        }
    }

    /// Children of 16 and 17 turning 18 go to a pathway of 70% suitable and 30% unsuitable
    /// accommodation and stay there: the care leavers aged 19 to 21 are suitably housed 70% of the time.
    @Test func suitableAccommodationFollowsThePathwayMix() throws {
        let scenario = try TestScenarios.read("""
            start: 2025-04-01
            horizon: 5 years
            replications: 60
            seed: 3
            placements:
              foster care:
                providers:
                  - {name: fostering, weekly_cost: 500}
              own tenancy:
                serves: care leavers
                providers:
                  - {name: own tenancy, weekly_cost: 0}
              bed and breakfast:
                serves: care leavers
                providers:
                  - {name: bed and breakfast, weekly_cost: 0}
            population:
              fostering: {16 to 17: 300}
            entries:
              per_year: {under 1: 0, 1 to 4: 0, 5 to 9: 0, 10 to 15: 0, 16 to 17: 0}
              first_placement: {all: {foster care: 100%}}
            care_leavers:
              pathway:
                foster care: {own tenancy: 70%, bed and breakfast: 30%}
              unsuitable: [bed and breakfast]
            """)
        let model = CareModel(scenario)
        let tallies = MonteCarlo.run(model, replications: scenario.replications, threads: 2)
        let slot = 4  // 31 March 2029: everyone in the model has turned 18 since the start
        let shares = tallies.map { $0.measure(.leaversSuitable, slot: slot) / $0.measure(.leaversAged19to21, slot: slot) }
        #expect(tallies.allSatisfy { $0.measure(.leaversAged19to21, slot: slot) > 50 })
        let (mean, se) = AnalyticTests.meanAndSE(shares)
        #expect(abs(mean - 0.7) < 4 * se, "simulated \(mean) ± \(se), expected 0.7")
        // No one is 19 at the start.
        #expect(tallies.allSatisfy { $0.measure(.leaversAged19to21, slot: 0) == 0 })
    }

    /// The starting population's time in care, drawn from the steady state: with entries at a
    /// constant rate at every age and one exit rate μ, time in care given age is exponential(μ)
    /// truncated at the age, so its mean for old children is close to 1/μ.
    @Test func startingTimeInCareIsTheSteadyStateOne() throws {
        let scenario = try TestScenarios.read("""
            start: 2025-04-01
            age_bands: {under 1: 0, 1 to 17: 1}
            placements:
              foster care:
                providers:
                  - {name: fostering, weekly_cost: 500}
            entries:
              per_year: {under 1: 10, 1 to 17: 170}
              first_placement: {all: {foster care: 100%}}
            exits:
              rates:
                returned home: {all: 0.5}
            """)
        let times = StartingTimes(scenario)
        let age = 15 * 365.2425
        let n = 20_000
        var total = 0.0
        for k in 0..<n { total += times.draw(age: age, u: (Double(k) + 0.5) / Double(n)) }
        let mu = 0.5 / 365.2425
        // Exponential(μ) truncated at the age: mean (1 − e^(−μa)(1 + μa)) / (μ (1 − e^(−μa))).
        let expected = (1 - exp(-mu * age) * (1 + mu * age)) / (mu * (1 - exp(-mu * age)))
        #expect(abs(total / Double(n) - expected) < 0.02 * expected, "\(total / Double(n)) days, expected \(expected)")
        // Never longer than the child's life.
        #expect(times.draw(age: 100, u: 0.999_999) <= 100)
    }
}
