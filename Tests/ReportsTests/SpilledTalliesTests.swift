import Foundation
import Testing
import CareSimulation
import ScenarioModel
@testable import Reports

/// Tallies kept in a file mapped into memory give the same tables, byte for byte, as in memory.
@Suite struct SpilledTalliesTests {
    @Test func aSpilledStoreGivesByteIdenticalCSVs() throws {
        var scenario = try ComparisonTests.scenario(capacity: 30)
        scenario.replications = 40
        let model = CareModel(scenario)
        let inMemory = ComparisonTests.projection(scenario)
        let spilled = try TallyStore(layout: TallyStore.Layout(model), count: 40, memoryBudget: 0,
                                     spillDirectory: FileManager.default.temporaryDirectory.path)
        MonteCarlo.run(model, replications: 0..<40, threads: 2, into: spilled)
        let fromFile = Projection(model: model, tallies: spilled)
        let expected = inMemory.csvFiles(), actual = fromFile.csvFiles()
        #expect(expected.map(\.name) == actual.map(\.name))
        for (e, a) in zip(expected, actual) { #expect(e.contents == a.contents, "\(e.name) differs") }
    }
}
