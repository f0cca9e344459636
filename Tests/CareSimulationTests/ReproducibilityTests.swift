import Foundation
import Testing
import ScenarioModel
@testable import CareSimulation

@Suite struct ReproducibilityTests {
    static func medway() throws -> Scenario {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try ScenarioLoader().load(root.appendingPathComponent("scenarios/medway-baseline.yaml").path)
    }

    @Test func oneThreadAndTwoThreadsGiveIdenticalTallies() throws {
        let model = CareModel(try Self.medway())
        let one = MonteCarlo.run(model, replications: 24, threads: 1)
        let two = MonteCarlo.run(model, replications: 24, threads: 2)
        let five = MonteCarlo.run(model, replications: 24, threads: 5)
        for r in 0..<24 {
            #expect(one[r].stock == two[r].stock && one[r].stock == five[r].stock)
            #expect(one[r].occupiedDays == two[r].occupiedDays && one[r].occupiedDays == five[r].occupiedDays)
            #expect(one[r].flowCounts == two[r].flowCounts && one[r].events == five[r].events)
        }
    }

    @Test func aReplicationDoesNotDependOnTheOthers() throws {
        // Replication 7 alone equals replication 7 of a larger run: seeds come from (seed, index) only.
        let model = CareModel(try Self.medway())
        let many = MonteCarlo.run(model, replications: 10, threads: 2)
        var engine = Engine(model: model)
        let alone = engine.run(replication: 7)
        #expect(alone.stock == many[7].stock && alone.occupiedDays == many[7].occupiedDays)
    }

    @Test func differentSeedsDiffer() throws {
        var scenario = try Self.medway()
        let a = MonteCarlo.run(CareModel(scenario), replications: 4, threads: 2)
        scenario.seed += 1
        let b = MonteCarlo.run(CareModel(scenario), replications: 4, threads: 2)
        #expect(a.map(\.stock) != b.map(\.stock))
    }
}
