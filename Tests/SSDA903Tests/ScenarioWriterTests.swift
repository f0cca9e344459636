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
        // Mixes carry the count behind them, and the header says what that count is.
        #expect(text.contains(", observed: "))
        #expect(text.contains("# A mix of placements with 'observed: N' was counted from N entries or moves"))
    }

    @Test func mixesAddUpToExactlyOneHundredPercent() {
        #expect(ScenarioWriter.mix([("a", 1), ("b", 1), ("c", 1)]) == "{a: 33.34%, b: 33.33%, c: 33.33%}")
        #expect(ScenarioWriter.mix([("a", 1), ("b", 0)]) == "{a: 100%}")
        #expect(ScenarioWriter.mix([("a", 1), ("b", 7)]) == "{a: 12.5%, b: 87.5%}")
        #expect(ScenarioWriter.mix([("a", 1), ("b", 19_999)]) == "{a: 0.01%, b: 99.99%}")
    }
}

/// What calibrate writes about moves by age and the entry trend, read back through the ordinary loader.
@Suite struct ScenarioWriterEvidenceTests {
    static func calibration(seed: UInt64, children: Int) throws -> Calibration {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try SyntheticReturn.write(to: folder, options: .init(seed: seed, years: 3, childrenInCare: children))
        return Estimator.estimate(EpisodeStitcher.stitch(try ReturnReader.read(folder)), windowYears: 3)
    }

    /// Each band with enough moves gets its own counted mix; the others get the all-ages mix. The
    /// generator never moves an under-16 into supported accommodation, so no such band may either.
    @Test(arguments: [UInt64(5), 8])
    func moveDestinationsFollowTheAgeBand(_ seed: UInt64) throws {
        let c = try Self.calibration(seed: seed, children: 1500)
        let scenario = try ScenarioWriterTests.loadAndRun(ScenarioWriter.render(c, options: .init(name: "moves", horizonYears: 1)))
        let names = scenario.placementTypes.map(\.name)
        let supported = try #require(names.firstIndex(of: CalibratedType.supportedAccommodation.rawValue))
        var bandsChecked = 0
        for type in scenario.placementTypes where type.serves == .children {
            let origins = Placement.allCases.filter { CalibratedType($0).rawValue == type.name }
            func shares(_ band: SSDA903.AgeBand?) -> [Double] {
                var counts = [Double](repeating: 0, count: names.count)
                for origin in origins {
                    let mixes = band.map { [c.moveDestinationsByAge[origin]?[$0] ?? [:]] } ?? [c.moveDestinations[origin] ?? [:]]
                    for mix in mixes {
                        for (to, n) in mix where !CalibratedType(to).servesFamilies { counts[names.firstIndex(of: CalibratedType(to).rawValue)!] += Double(n) }
                    }
                }
                let total = counts.reduce(0, +)
                return total > 0 ? counts.map { $0 / total } : counts
            }
            guard shares(nil).contains(where: { $0 > 0 }) else { continue }
            for (k, band) in SSDA903.AgeBand.allCases.enumerated() {
                let moves = origins.reduce(0) { $0 + (c.moveDestinationsByAge[$1]?[band]?.values.reduce(0, +) ?? 0) }
                let expected = moves >= ScenarioWriter.minimumMovesByAge ? shares(band) : shares(nil)
                let written = type.moveTo[k].shares
                #expect(zip(written, expected).allSatisfy { abs($0 - $1) <= 0.0001 }, "\(type.name), \(band.label)")
                if moves >= ScenarioWriter.minimumMovesByAge, band < .sixteenToSeventeen {
                    #expect(written[supported] == 0, "\(type.name), \(band.label)")
                    bandsChecked += 1
                }
            }
        }
        #expect(bandsChecked >= 8)
    }

    /// A trend significant at 5% is written damped: `trend: 0%`, a step that carries the window's
    /// average to the start, then yearly steps of g·0.8ᵏ; a trend that is not is written as 0% with
    /// no step.
    @Test func trendIsWrittenDampedAndOnlyWhenSignificant() throws {
        var c = try Self.calibration(seed: 3, children: 250)
        let years = (2022...2026).map(CollectionYear.init(endingYear:))
        c.windowStart = years[0].firstDay
        c.entriesByYear = [:]
        #expect(years.allSatisfy { $0.firstDay >= c.windowStart && $0.lastDay < c.windowEnd })
        for (year, n) in zip(years, [200, 240, 288, 346, 415]) { c.entriesByYear[year] = [.tenToFifteen: n] }
        let trend = try #require(c.entryTrend)
        #expect(trend.isSignificant)
        let growing = try ScenarioWriterTests.loadAndRun(ScenarioWriter.render(c, options: .init(name: "growing", horizonYears: 3)))
        #expect(growing.entries.trend == 0)
        #expect(growing.entries.changes.count == 3 && growing.entries.changes.allSatisfy { $0.bands.isEmpty })
        let step = try #require(growing.entries.changes.first)
        #expect(step.from == growing.start)
        #expect(abs(step.factor - pow(1 + trend.growth, c.windowYears / 2)) <= 0.00005)
        for k in 1..<3 {
            let change = growing.entries.changes[k]
            #expect(change.from.number == CivilDate.birthday(growing.start.number, age: k))
            #expect(abs(change.factor - (1 + trend.growth * pow(EntryTrend.damping, Double(k)))) <= 0.00005)
        }

        for (year, n) in zip(years, [200, 206, 196, 204, 198]) { c.entriesByYear[year] = [.tenToFifteen: n] }
        let flatTrend = try #require(c.entryTrend)
        #expect(!flatTrend.isSignificant)
        let text = ScenarioWriter.render(c, options: .init(name: "flat", horizonYears: 1))
        let flat = try ScenarioWriterTests.loadAndRun(text)
        #expect(flat.entries.trend == 0 && flat.entries.changes.isEmpty)
        #expect(text.contains("not significant at 5%"))

        // Three whole years: no trend is estimated at all.
        c.windowStart = years[2].firstDay
        for (year, n) in zip(years, [200, 240, 288, 346, 415]) { c.entriesByYear[year] = [.tenToFifteen: n] }
        #expect(c.entryTrend == nil)
        let short = ScenarioWriter.render(c, options: .init(name: "short", horizonYears: 1))
        #expect(short.contains("trend: 0%") && short.contains("fewer than 5 whole collection years"))
    }
}
