import Foundation
import Testing
import ScenarioModel
@testable import CareSimulation

/// Sibling groups entering together: placed together while a household approved for them is free.
@Suite struct SiblingGroupTests {
    /// Foster care with an in-house provider (`capacity` places for single children, and the given
    /// sibling households) and an agency; entries under 1 only (nobody reaches 18).
    static func scenario(siblings: String?, sizes: String, capacity: Int = 0, exitRate: Double = 0,
                         years: Int = 3, replications: Int = 40) throws -> Scenario {
        try TestScenarios.read("""
            start: 2025-04-01
            horizon: \(years) years
            replications: \(replications)
            seed: 5
            age_bands: {under 1: 0, 1 to 17: 1}
            placements:
              foster care:
                providers:
                  - name: in-house fostering
                    capacity: \(capacity)
                    \(siblings.map { "siblings: \($0)" } ?? "")
                    weekly_cost: 500
                  - {name: agency fostering, weekly_cost: 900}
            entries:
              per_year: {under 1: 30, 1 to 17: 0}
              first_placement: {all: {foster care: 100%}}
              sibling_groups: {all: \(sizes)}
            exits:
              rates: {returned home: {all: \(exitRate)}}
            """)
    }

    static func run(_ scenario: Scenario) -> (CareModel, [Tally]) {
        let model = CareModel(scenario)
        return (model, MonteCarlo.run(model, replications: scenario.replications, threads: 2))
    }

    /// With far more sibling households than groups, every group is placed together; children
    /// entering a year are still `per_year` (groups arrive at per_year ÷ the mean size, 2.5 here).
    @Test func ampleHouseholdsPlaceEveryGroupTogether() throws {
        let (model, tallies) = Self.run(try Self.scenario(siblings: "{households: 100000, places: 3}",
                                                          sizes: "{2: 50%, 3: 50%}", replications: 200))
        #expect(model.flowNames.suffix(2) == ["sibling groups placed together", "sibling groups split"])
        for t in tallies {
            #expect(t.total(flow: model.flow.siblingsTogether) > 0)
            #expect(t.total(flow: model.flow.siblingsSplit) == 0)
        }
        let perYear = tallies.map { $0.total(flow: model.flow.entries) / 3 }
        let (mean, se) = AnalyticTests.meanAndSE(perYear)
        #expect(abs(mean - 30) < 4 * se, "children entering a year \(mean) ± \(se), expected 30")
    }

    /// With no sibling households, every group of two or more is split.
    @Test func noHouseholdsSplitEveryGroup() throws {
        let (model, tallies) = Self.run(try Self.scenario(siblings: nil, sizes: "{1: 50%, 2: 30%, 4: 20%}"))
        for t in tallies {
            #expect(t.total(flow: model.flow.siblingsTogether) == 0)
            #expect(t.total(flow: model.flow.siblingsSplit) > 0)
        }
    }

    /// Two households for pairs, nobody leaving: the first two pairs are placed together (groups of
    /// three never fit), every later group is split. With n₂ pairs and n₃ trios, groups = n₂ + n₃
    /// and children = 2n₂ + 3n₃, so n₂ = 3 × groups − children, and together = min(2, n₂). The
    /// in-house provider's only children are the pairs, in places beyond its capacity of 0.
    @Test func twoHouseholdsForPairsTakeTheFirstTwoPairs() throws {
        let (model, tallies) = Self.run(try Self.scenario(siblings: "{households: 2, places: 2}", sizes: "{2: 50%, 3: 50%}"))
        for t in tallies {
            let together = t.total(flow: model.flow.siblingsTogether), split = t.total(flow: model.flow.siblingsSplit)
            let pairs = 3 * (together + split) - t.total(flow: model.flow.entries)
            #expect(together == min(2, pairs))
            let last = t.months - 1
            #expect(t.count(month: last, provider: 0) == 2 * together)
            #expect(t.places(month: last, provider: 0) == Int(2 * together))
        }
    }

    /// A household is free again when its group's eldest leaves: with short stays and one
    /// household, many groups are placed together over the years.
    @Test func aHouseholdFreedTakesAnotherGroup() throws {
        let (model, tallies) = Self.run(try Self.scenario(siblings: "{households: 1, places: 2}", sizes: "{2: 100%}", exitRate: 6))
        for t in tallies { #expect(t.total(flow: model.flow.siblingsTogether) > 3) }
    }

    /// Groups of one are single entries exactly as without sibling groups: the same children, in
    /// the same places, at every month end.
    @Test func groupsOfOneBehaveExactlyAsSingleEntries() throws {
        let groups = try Self.scenario(siblings: "{households: 3}", sizes: "{1: 100%}", capacity: 5, exitRate: 1)
        var plain = groups
        plain.entries.siblingGroups = []
        let (a, b) = (Self.run(groups).1, Self.run(plain).1)
        for (x, y) in zip(a, b) {
            #expect(x.stock == y.stock && x.occupiedDays == y.occupiedDays)
            // The same flows (the sibling flows come after every other, and are 0 here).
            for year in 0..<y.years {
                for flow in 0..<y.flows {
                    for band in 0..<y.bands { #expect(x.flow(flow, year: year, band: band) == y.flow(flow, year: year, band: band)) }
                }
                #expect(x.flow(x.flows - 2, year: year, band: 0) == 0 && x.flow(x.flows - 1, year: year, band: 0) == 0)
            }
        }
    }
}
