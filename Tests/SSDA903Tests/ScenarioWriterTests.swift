import CareSimulation
import Foundation
import ScenarioModel
import Testing
import YAMLReader
@testable import SSDA903

/// A calibrated scenario is an ordinary scenario: it loads, validates and runs.
@Suite struct ScenarioWriterTests {
    /// Loads `text` as the file 'calibrated.yaml' through the ordinary loader, and runs it briefly.
    static func loadAndRun(_ text: String) throws -> ScenarioModel.Scenario {
        let loader = ScenarioLoader(readFile: { _ in text })
        let scenario: ScenarioModel.Scenario
        do { scenario = try loader.load("calibrated.yaml") } catch let d as Diagnostics {
            Issue.record("the written scenario does not load:\n\(d.rendered)\n\(text)")
            throw d
        }
        let tallies = MonteCarlo.run(CareModel(scenario), replications: 3, threads: 1)
        #expect(tallies.count == 3)
        #expect(tallies.allSatisfy { $0.events > 0 })
        return scenario
    }

    @Test(arguments: ["raw-per-year", "regional-iso"])
    func sampleCalibrationsLoadAndRun(_ folder: String) throws {
        guard let samples = TestSupport.samples else {
            print("skipped: ../shared/data/ssda903-samples not found beside the repository")
            return
        }
        let las = folder == "raw-per-year" ? [nil] : ["Bromley", "Hillingdon", "Southwark"]
        for la in las {
            let stitched = EpisodeStitcher.stitch(try ReturnReader.read(samples.appendingPathComponent(folder), la: la))
            let calibration = Estimator.estimate(stitched, windowYears: 3)
            let text = ScenarioWriter.render(calibration, options: .init(name: "sample \(la ?? folder)"))
            let scenario = try Self.loadAndRun(text)
            #expect(scenario.population.reduce(0) { $0 + $1.count } == calibration.populationTotal)
        }
    }

    @Test(arguments: [UInt64(3), 11, 29])
    func syntheticCalibrationsLoadAndRun(_ seed: UInt64) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try SyntheticReturn.write(to: folder, options: .init(seed: seed, years: 3, childrenInCare: 250))
        let stitched = EpisodeStitcher.stitch(try ReturnReader.read(folder))
        let calibration = Estimator.estimate(stitched, windowYears: 3)
        let text = ScenarioWriter.render(calibration, options: .init(name: "synthetic \(seed)", horizonYears: 2))
        let scenario = try Self.loadAndRun(text)
        // Families' placements (R3) are families in the scenario, not children.
        #expect(scenario.population.reduce(0) { $0 + $1.count } == calibration.populationTotal)
        #expect(scenario.parentAndChild != nil)
        // Every estimated entry rate carries its evidence, as the calibration counted it.
        for (k, band) in SSDA903.AgeBand.allCases.enumerated() {
            let rate = calibration.entries[band]!
            #expect(scenario.entries.perYear[k].evidence?.events == Double(rate.events))
            #expect(abs((scenario.entries.perYear[k].evidence?.years ?? 0) - rate.exposure) < 0.0005)
        }
        #expect(text.contains(ScenarioWriter.defaultCost))
    }

    @Test func mixesAddUpToExactlyOneHundredPercent() {
        #expect(ScenarioWriter.mix([("a", 1), ("b", 1), ("c", 1)]) == "{a: 33.34%, b: 33.33%, c: 33.33%}")
        #expect(ScenarioWriter.mix([("a", 1), ("b", 0)]) == "{a: 100%}")
        #expect(ScenarioWriter.mix([("a", 1), ("b", 7)]) == "{a: 12.5%, b: 87.5%}")
        #expect(ScenarioWriter.mix([("a", 1), ("b", 19_999)]) == "{a: 0.01%, b: 99.99%}")
    }
}
