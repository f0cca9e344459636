import Testing
@testable import ScenarioModel

/// What a scenario's intervals carry, in words: chance always, and each uncertainty it states.
@Suite struct IntervalIncludesTests {
    @Test func chanceOnlyWhenEverythingIsGivenExactly() throws {
        let s = try #require(Fixture.scenario(BrokenScenarioTests.base))
        #expect(s.intervalIncludes == ["chance: which children come into care, when they move and when they leave"])
    }

    @Test func eachStatedUncertaintyIsNamed() throws {
        let text = BrokenScenarioTests.base
            .replacingOccurrences(of: "      rate: 0.3", with: "      rate: {events: 30, years: 100}")
            .replacingOccurrences(of: "    all: {foster care: 90%, children's home: 10%}", with: "    all: {foster care: 90%, children's home: 10%, observed: 40}")
            .replacingOccurrences(of: "  in-house fostering: {5 to 9: 4}", with: "  observed: 30\n  in-house fostering: {5 to 9: 4}\n  agency fostering: {10 to 15: 3}")
            + "variability: {entries: 12%, exits: 14.5%}\n"
        let s = try #require(Fixture.scenario(text), "\(Fixture.errors(text))")
        #expect(s.intervalIncludes == [
            "chance: which children come into care, when they move and when they leave",
            "the uncertainty of rates estimated from counts of events",
            "the uncertainty of placement mixes estimated from counts of children or moves",
            "how the children in care at the start spread over placements and ages (estimated, not counted)",
            "year-to-year drift in the rates, as a random walk (a yearly step of entries 12% and exits 14.5%)",
        ])
        let mixes = try #require(Fixture.scenario(BrokenScenarioTests.base + "variability: {exits: 10%, placements: 13.8%}\n"))
        #expect(mixes.intervalIncludes.last == "year-to-year drift in the rates and in the placement mix, as a random walk "
                + "(a yearly step of exits 10% and each placement type's share of placements 13.8%)")
    }
}
