import CareSimulation
import Foundation
import Testing
import ScenarioModel
@testable import PublishedTables

/// Every council in the DfE's published tables in `../shared/data/dfe-la` (skipped when absent).
@Suite struct SharedTablesTests {
    /// `<repo>/../shared/data/dfe-la`, found from this file's path; nil when absent.
    static let tables: String? = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // PublishedTablesTests, Tests, repo root
        let path = url.deletingLastPathComponent().appendingPathComponent("shared/data/dfe-la").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    /// Every council with figures at the date calibrates without edits, and every scenario written
    /// loads and runs; the councils that cannot be calibrated are those created or reorganised
    /// after it (no children in care published at the date).
    @Test(.enabled(if: tables != nil, "needs the DfE's published tables in ../shared/data/dfe-la"),
          arguments: [2020, 2021])
    func everyCouncilCalibratesAndRuns(asOf year: Int) throws {
        let release = try PublishedRelease.read(Self.tables!, lastYear: year)
        let calibrator = try PublishedCalibrator(release: release, asOfYear: year)
        var calibrated = 0
        var failed: [String] = []
        for council in release.councils {
            let calibration: PublishedCalibration
            do { calibration = try calibrator.calibrate(council) } catch {
                #expect(error.message.contains("no published number of children looked after"), "\(council.name): \(error.message)")
                failed.append(council.name)
                continue
            }
            let text = PublishedScenarioWriter.render(calibration, options: .init(horizonYears: 1, replications: 2), sources: [])
            let scenario = try ScenarioLoader(readFile: { _ in text }).load("\(council.code).yaml")
            let tallies = MonteCarlo.run(CareModel(scenario), replications: 2, threads: 2)
            #expect(tallies.count == 2)
            calibrated += 1
        }
        #expect(calibrated >= 148, "calibrated \(calibrated); not: \(failed)")
    }

    /// Each region calibrates as an area of its own, with all its children, and runs.
    @Test(.enabled(if: tables != nil, "needs the DfE's published tables in ../shared/data/dfe-la"))
    func regionsCalibrateAndRun() throws {
        let release = try PublishedRelease.read(Self.tables!, lastYear: 2021)
        let calibrator = try PublishedCalibrator(release: release, asOfYear: 2021)
        #expect(release.regions.count >= 9)
        let southEast = try release.council("South East")
        #expect(southEast.isAggregate)
        let calibration = try calibrator.calibrate(southEast)
        let text = PublishedScenarioWriter.render(calibration, options: .init(horizonYears: 1, replications: 2), sources: [])
        let scenario = try ScenarioLoader(readFile: { _ in text }).load("south-east.yaml")
        let children = scenario.population.filter { $0.band < scenario.firstLeaverBand }.reduce(0) { $0 + $1.count }
        #expect(children == Int(AreaFigures(release, area: southEast.code).stock[2021]!))
        #expect(MonteCarlo.run(CareModel(scenario), replications: 2, threads: 2).count == 2)
    }
}
