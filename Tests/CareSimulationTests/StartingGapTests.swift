import Testing
import ScenarioModel
@testable import CareSimulation

/// The sufficiency gap on the start date: with f free preferred places and n children with later
/// providers, n − f of them count as placed beyond a full preferred provider.
@Suite struct StartingGapTests {
    static func gapAtFirstMonthEnd(capacity: Int, inHouse: Int, external: Int) throws -> Int32 {
        let scenario = try TestScenarios.read("""
            start: 2025-04-01
            horizon: 1 years
            replications: 1
            placements:
              foster care:
                providers:
                  - {name: in-house, capacity: \(capacity), weekly_cost: 500}
                  - {name: agency, weekly_cost: 900}
            population:
              in-house: {5 to 9: \(inHouse)}
              agency: {5 to 9: \(external)}
            entries:
              per_year: {all: 0}
              first_placement: {all: {foster care: 100%}}
            """)
        let tally = MonteCarlo.run(CareModel(scenario), replications: 1, threads: 1)[0]
        return tally.gap[0]
    }

    @Test(arguments: [(10, 10, 5, 5), (10, 8, 5, 3), (10, 2, 5, 0), (0, 0, 7, 7)])
    func countsWhoCouldNotHaveBeenPlacedInHouse(capacity: Int, inHouse: Int, external: Int, expected: Int) throws {
        #expect(try Self.gapAtFirstMonthEnd(capacity: capacity, inHouse: inHouse, external: external) == Int32(expected))
    }
}
