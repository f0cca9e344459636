import Foundation
import Testing
import ScenarioModel
import Reports
@testable import PublishedTables

/// The published tables read, calibrated and back-tested on a small fixture in the published
/// layout (England and three councils, cut from the DfE's files), and the estimators against
/// closed forms.
@Suite struct PublishedTablesTests {
    static let fixture = Bundle.module.url(forResource: "Fixtures/dfe-three-councils", withExtension: nil)!.path

    /// A copy of the fixture in a new folder, each file passed through `edit` (path, text) → text.
    static func copy(_ edit: (String, String) -> String?) throws -> String {
        let folder = NSTemporaryDirectory() + "published-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: fixture) where name.hasSuffix(".csv") {
            let text = try String(contentsOfFile: fixture + "/" + name, encoding: .utf8)
            if let edited = edit(name, text) { try edited.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        }
        return folder
    }

    @Test func readsEveryTableAndCouncil() throws {
        let release = try PublishedRelease.read(Self.fixture)
        #expect(Set(release.councils.map(\.name)) == ["Kent", "Medway", "Rutland"])
        #expect(release.files.count == PublishedRelease.Table.allCases.count)
        let medway = try release.council("e06000035")
        #expect(medway.name == "Medway")
        #expect(try release.council("887") == medway)
        #expect(release.cell(.totals, "E06000035", 2021, group: "", "Children looked after at 31 March each year") == .number(439))
        // Suppressed cells are kept as suppressed, never read as numbers.
        let suppressed = release.groups.values.flatMap(\.values).filter { $0 == .suppressed }.count
        #expect(suppressed > 0)
    }

    @Test func aMisspeltCouncilGetsTheNearestName() throws {
        let release = try PublishedRelease.read(Self.fixture)
        #expect(throws: (any Error).self) { try release.council("Medwya") }
        do { _ = try release.council("Medwya") } catch {
            #expect(error.message.contains("did you mean 'Medway'"))
        }
    }

    @Test func suppressedCellsAreFilledFromTheTotal() {
        var f = AreaFigures(PublishedRelease(), area: "x")
        #expect(f.fill([.number(10), .suppressed, .suppressed], total: 16, what: "t") == [10, 3, 3])
        // Secondary suppression: a large cell hidden so as not to reveal a small one is filled from the total,
        // shared in England's proportions.
        #expect(f.fill([.number(10), .suppressed], total: 100, what: "t") == [10, 90])
        #expect(f.fill([.suppressed, .number(10), .suppressed], total: 60, weights: [1, 100, 4], what: "t") == [10, 10, 40])
        #expect(f.fill([.number(10), .suppressed], total: nil, what: "t") == [10, 2])
        #expect(f.fill([.number(10), .unavailable], total: 16, what: "t") == [10, 0])
        #expect(f.filled.count == 4)
    }

    /// A later release's file with extra columns, the columns in another order and a later year.
    @Test func columnsAreFoundByNameAndLaterYearsAccepted() throws {
        let folder = try Self.copy { name, text in
            guard name.hasPrefix("cla_number") else { return text }
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let header = lines[0].split(separator: ",").map(String.init)
            let order = Array(header.indices.reversed())
            lines = lines.filter { !$0.isEmpty }.map { line in
                let fields = Self.fields(line)
                return (order.map { fields[$0] } + ["extra"]).joined(separator: ",")
            }
            lines[0] = order.map { header[$0] }.joined(separator: ",") + ",a_new_column"
            lines.append(lines[1].replacingOccurrences(of: "2021", with: "2022"))
            return lines.joined(separator: "\n") + "\n"
        }
        let release = try PublishedRelease.read(folder)
        #expect(release.years[.totals]?.contains(2022) == true)
        #expect(release.cell(.totals, "E06000035", 2021, group: "", "Children looked after at 31 March each year") == .number(439))
    }

    /// Splits a CSV line whose quoted fields hold commas.
    static func fields(_ line: String) -> [String] {
        var fields: [String] = [], current = "", quoted = false
        for ch in line {
            if ch == "\"" { quoted.toggle(); current.append(ch) } else if ch == ",", !quoted { fields.append(current); current = "" } else { current.append(ch) }
        }
        return fields + [current]
    }

    /// Nothing published after the as-of date reaches a calibration: poisoning every later year
    /// changes nothing in the scenario written.
    @Test func nothingLaterThanTheAsOfDateIsRead() throws {
        func scenario(_ folder: String) throws -> String {
            let release = try PublishedRelease.read(folder, lastYear: 2019)
            let calibrator = try PublishedCalibrator(release: release, asOfYear: 2019)
            return PublishedScenarioWriter.render(try calibrator.calibrate(try release.council("Medway")), options: .init(),
                                                  sources: release.files.values.sorted())
        }
        let poisoned = try Self.copy { _, text in
            text.split(separator: "\n").map { line in
                line.hasPrefix("2020,") || line.hasPrefix("2021,") ? Self.fields(String(line)).enumerated().map { i, f in
                    i > 0 && Double(f) != nil ? "999999" : f
                }.joined(separator: ",") : String(line)
            }.joined(separator: "\n") + "\n"
        }
        let (plain, later) = (try scenario(Self.fixture), try scenario(poisoned))
        #expect(plain.count > 1000)
        #expect(plain == later, "the scenario changed when later years were poisoned")
        #expect(try PublishedRelease.read(Self.fixture, lastYear: 2019).latestYear == 2019)
    }

    @Test func everyCouncilCalibratesToARunnableScenario() throws {
        for year in [2019, 2020, 2021] {
            let release = try PublishedRelease.read(Self.fixture, lastYear: year)
            let calibrator = try PublishedCalibrator(release: release, asOfYear: year)
            for council in release.councils {
                let calibration = try calibrator.calibrate(council)
                let text = PublishedScenarioWriter.render(calibration, options: .init(), sources: [])
                let scenario = try ScenarioLoader(readFile: { _ in text }).load("\(council.code).yaml")
                let children = scenario.population.filter { $0.band < scenario.firstLeaverBand }.reduce(0) { $0 + $1.count }
                #expect(children == Int(calibration.population.flatMap { $0 }.reduce(0, +).rounded()))
                #expect(abs(scenario.variability.entries - calibration.entryVariability) < 5e-5)
                // Every council's placement mixes drift as councils' pooled mix of new placements by location does.
                #expect(calibration.placementVariability == calibrator.placementWalk.sd)
                #expect(abs(scenario.variability.placements - calibration.placementVariability) < 5e-5)
                #expect(text.contains("DEFAULT COST"))
                // Councils' children by age and placement are published from 2020: before, the spread is estimated.
                #expect((calibration.populationObserved != nil) == (year < 2020))
                #expect(scenario.populationObserved == calibration.populationObserved.map { $0.rounded() })
            }
        }
    }

    /// Care leavers from the staying-put and accommodation tables, by hand for Medway as of 2021:
    /// 16 + 10 + 15 of 16 + 16 + 21 aged 18 staying put over 2019 to 2021; 15 + 10 staying put now;
    /// 52/2 + 131·2/3 − 25 = 88.33 other care leavers.
    @Test func careLeaversComeFromTheStayingPutAndAccommodationTables() throws {
        let release = try PublishedRelease.read(Self.fixture, lastYear: 2021)
        let calibration = try PublishedCalibrator(release: release, asOfYear: 2021).calibrate(try release.council("Medway"))
        let leavers = try #require(calibration.careLeavers)
        #expect(abs(leavers.stayingPutShare - 41.0 / 53) < 1e-12)
        #expect(leavers.stayingPutNow == 25 && leavers.otherNow == 88)
        let text = PublishedScenarioWriter.render(calibration, options: .init(), sources: [])
        let scenario = try ScenarioLoader(readFile: { _ in text }).load("medway.yaml")
        #expect(scenario.careLeavers != nil)
        #expect(text.contains("foster care: {staying put: 77.36%, other care leaver accommodation: 22.64%}"))
        // First placements and moves carry the count behind their shares, and the header says what it is.
        #expect(scenario.entries.firstPlacement.allSatisfy { ($0.observed ?? 0) >= 1 })
        #expect(text.contains("# A mix of placements with 'observed: N' was counted from N children or moves"))
    }

    /// A short window names its financial years as everywhere else ('2017/18'), not '2 year(s) (2018, 2019)'.
    @Test func aShortWindowNamesItsFinancialYears() throws {
        let release = try PublishedRelease.read(Self.fixture, lastYear: 2019)
        let calibration = try PublishedCalibrator(release: release, asOfYear: 2019, windowYears: 3).calibrate(try release.council("Medway"))
        #expect(calibration.notes.contains("rates over 2 years (2017/18, 2018/19): the tables hold no earlier year for this council"),
                "\(calibration.notes)")
    }

    @Test func aMisspeltCouncilSuggestsTheNearest() throws {
        let release = try PublishedRelease.read(Self.fixture)
        do {
            _ = try release.council("Medwya")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "no council 'Medwya' in the tables; did you mean 'Medway'? Give its name as the DfE writes it (such as 'Medway') or its code (such as 'E06000035' or '887'), or 'England' or a region's name")
        }
    }

    /// Names the DfE writes back to front are found by their words (found trying '--la Bristol':
    /// no suggestion for 'Bristol, City of').
    @Test func aCouncilIsFoundByTheWordsOfItsName() {
        let names = ["Bristol, City of", "Kingston upon Hull, City of", "Kingston upon Thames", "Medway", "Herefordshire, County of"]
        #expect(PublishedRelease.names(containing: "Bristol", among: names) == ["Bristol, City of"])
        #expect(PublishedRelease.names(containing: "City of Bristol", among: names) == ["Bristol, City of"])
        #expect(PublishedRelease.names(containing: "Hull City Council", among: names) == ["Kingston upon Hull, City of"])
        #expect(PublishedRelease.names(containing: "kingston", among: names) == ["Kingston upon Hull, City of", "Kingston upon Thames"])
        #expect(PublishedRelease.names(containing: "County Council", among: names).isEmpty)
        #expect(PublishedRelease.names(containing: "Leeds", among: names).isEmpty)
    }

    @Test func aCouncilWithNoFiguresAtTheDateIsAClearError() throws {
        let folder = try Self.copy { name, text in
            name.hasPrefix("cla_number") ? text.split(separator: "\n").filter { !($0.hasPrefix("2021") && $0.contains("E06000017")) }
                .joined(separator: "\n") + "\n" : text
        }
        let release = try PublishedRelease.read(folder)
        let calibrator = try PublishedCalibrator(release: release, asOfYear: 2021)
        do {
            _ = try calibrator.calibrate(try release.council("Rutland"))
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("no published number of children looked after at 31 March 2021"))
        }
    }

    @Test func anAsOfDateOutsideTheTablesSaysWhichYearsTheyHold() throws {
        for (year, word) in [(2017, "before them"), (2022, "after them")] {
            let release = try PublishedRelease.read(Self.fixture, lastYear: year)
            do {
                try release.check(asOf: year)
                Issue.record("expected an error for \(year)")
            } catch {
                #expect(error.message == "the tables hold children in care at 31 March 2018 to 2021: 31 March \(year) is "
                    + word + (year == 2022 ? " (download a later release)" : ""))
            }
        }
    }

    @Test func aFolderWithoutTheTotalsTableIsAClearError() throws {
        let folder = try Self.copy { name, text in name.hasPrefix("cla_number") ? nil : text }
        do {
            _ = try PublishedRelease.read(folder)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("cla_number_and_rate_per_10k_children.csv"))
        }
    }

    /// A misspelt 'characteristic' column is named as the near miss it is, as other columns are.
    @Test func aMisspeltCharacteristicColumnSuggestsIt() throws {
        let folder = try Self.copy { name, text in
            name.hasPrefix("la_cla_who_started") ? text.replacingOccurrences(of: ",characteristic,", with: ",charactersitic,") : text
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: FileError(path: folder + "/la_cla_who_started_to_be_looked_after.csv", line: 1,
                                  "no column saying what each row counts (expected 'characteristic'); did you mean 'charactersitic'?")) {
            try PublishedRelease.read(folder)
        }
    }

    /// The back-test compares each later year with the model and the naive forecasts, computed by hand here.
    @Test func backtestComparesWithWhatWasPublished() throws {
        let backtest = try PublishedBacktest.run(directory: Self.fixture, asOfYear: 2019, years: 2, councils: ["Medway"],
                                                 replications: 40, seed: 1, threads: 2)
        let total = backtest.rows.filter { $0.measure == "children in care" }
        #expect(total.map(\.year) == [2020, 2021])
        let release = try PublishedRelease.read(Self.fixture)
        let stock = { (y: Int) in release.cell(.totals, "E06000035", y, group: "", "Children looked after at 31 March each year")!.value! }
        for row in total {
            #expect(row.actual == stock(row.year))
            #expect(row.naiveLast == stock(2019))
            // The line through 2018 and 2019, carried on.
            #expect(abs(row.naiveLine! - (stock(2019) + (stock(2019) - stock(2018)) * Double(row.year - 2019))) < 1e-9)
            #expect(row.p05 <= row.median && row.median <= row.p95)
        }
        #expect(backtest.rows.contains { $0.measure == "starts" } && backtest.rows.contains { $0.measure == "ceased" })
        // Age groups and placements are compared where the council published them (2020 on).
        #expect(backtest.rows.contains { $0.kind == "age group" && $0.year == 2020 })
        #expect(backtest.csv.hasPrefix("\u{FEFF}council,code,measure,period"))
        // One council: its forecasts are printed beside what was published, in its own words.
        #expect(backtest.table.contains("1 council (Medway)") && !backtest.table.contains("mean over 1 councils"))
        let line = try #require(backtest.table.split(separator: "\n").first { $0.contains("children in care, 31 March 2020") })
        #expect(line.contains("published \(Int(stock(2020)))"), "\(line)")
    }

    /// Rutland's 2021 placements and ages are mostly suppressed (`c`): those categories have no
    /// published number, so the back-test leaves them out rather than scoring against a fill.
    @Test func suppressedActualsAreLeftOut() throws {
        let backtest = try PublishedBacktest.run(directory: Self.fixture, asOfYear: 2020, years: 1, councils: ["Rutland"],
                                                 replications: 20, seed: 1, threads: 2)
        let measures = Set(backtest.rows.map(\.measure))
        // Published in 2021: 26 in foster care, 0 placed with parents; 14 aged 10 to 15 and 10 aged 16 or over.
        for kept in ["children in care", "children in care: foster care", "children in care: placed with parents",
                     "children in care: 10 to 15", "children in care: 16 to 17"] {
            #expect(measures.contains(kept), "\(kept)")
        }
        for left in ["children in care: placed for adoption", "children in care: children's home", "children in care: under 1",
                     "children in care: 1 to 4", "children in care: 5 to 9"] {
            #expect(!measures.contains(left), "\(left)")
        }
    }

    /// England calibrates as an area of its own: all its children, and its year-to-year
    /// variability from its own history alone (an area made of councils drifts less than one
    /// council). By hand from England's starts, 32,190, 31,780, 31,020 and 28,480 in the years to
    /// 2018 … 2021: σ² = mean over the three pairs of d² − 1/n₁ − 1/n₂, d the change in log starts.
    @Test func englandCalibratesFromItsOwnHistory() throws {
        let release = try PublishedRelease.read(Self.fixture, lastYear: 2021)
        let england = try release.council("England")
        let byCode = try release.council("E92000001")
        #expect(england.isAggregate && england == byCode)
        let calibration = try PublishedCalibrator(release: release, asOfYear: 2021).calibrate(england)
        let starts = [32190.0, 31780, 31020, 28480]
        let variance = zip(starts, starts.dropFirst()).reduce(0.0) { sum, pair in
            let d = log(pair.1 / pair.0)
            return sum + d * d - 1 / pair.0 - 1 / pair.1
        } / 3
        #expect(abs(calibration.entryVariability - variance.squareRoot()) < 1e-12)
        #expect(calibration.populationObserved == nil)
        #expect(calibration.notes.contains { $0.contains("England's own 3 pairs of years") })
        let text = PublishedScenarioWriter.render(calibration, options: .init(), sources: [])
        #expect(text.contains("sd of the yearly change in log starts (England's own), less Poisson noise"))
        let scenario = try ScenarioLoader(readFile: { _ in text }).load("england.yaml")
        #expect(scenario.population.filter { $0.band < scenario.firstLeaverBand }.reduce(0) { $0 + $1.count } == 80780)
        do {
            _ = try release.council("Englnd")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("did you mean 'England'?"), "\(error.message)")
        }
    }

    /// The concentration by the moments, by hand: reference (½, ½); areas of 100 counted at
    /// shares ½ ± 0.1 give Σ(d² − r(1 − r)/n) = 2 × 2 × (0.01 − 0.0025) = 0.03 over Σr(1 − r) = 1,
    /// so κ = 1/0.03 − 1. Areas varying no more than chance give nil; too few counted are left out.
    @Test func concentrationByTheMoments() throws {
        let spread = Estimation.concentration([[60, 40], [40, 60], [5, 0]], around: [1, 1])
        #expect(spread.areas == 2)
        #expect(abs(try #require(spread.kappa) - (1 / 0.03 - 1)) < 1e-9)
        #expect(Estimation.concentration([[50, 50], [50, 50]], around: [1, 1]).kappa == nil)
    }

    @Test func intervalScoreIsWinklers() {
        let council = PublishedRelease.Council(code: "x", name: "x", region: "")
        var row = PublishedBacktest.Row(council: council, measure: "m", kind: "total", year: 2020, horizon: 1, median: 100,
                                        p05: 90, p95: 110, actual: 105, naiveLast: nil, naiveLine: nil)
        #expect(row.intervalScore == 20)
        row.actual = 115
        #expect(row.intervalScore == 20 + 20 * 5)
        row.actual = 80
        #expect(row.intervalScore == 20 + 20 * 10)
    }
}
