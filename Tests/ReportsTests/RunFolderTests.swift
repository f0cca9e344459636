import Foundation
import Testing
@testable import Reports

@Suite("Run folder")
struct RunFolderTests {
    @Test func readsRecordAndTables() throws {
        let folder = try RunFolderFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixture = RunFolderFixture()
        try fixture.write(to: folder)
        let run = try RunFolder.read(folder.path)
        #expect(run.record.scenarioName == "Testshire baseline")
        #expect(run.record.seed == "42")
        #expect(run.record.replications == 20)
        #expect(run.record.toolVersion == "9.9.9")
        #expect(run.runDate == "2025-06-01")
        let perDate = fixture.providers.count + 2
        #expect(run.bedNeed.rows.count == fixture.dates.count * perDate)
        #expect(run.costs.rows.count == fixture.years.count * (fixture.providers.count + 1))
        #expect(run.gap?.rows.count == fixture.dates.count * 2)
        #expect(run.mtfs?.count == fixture.years.count * (fixture.providers.count + 1))
        let total = try #require(run.costs.rows.first { $0.group == "total" })
        #expect(total.budget == 20_000_000)
        #expect(total.variance == total.p50 + 5_000 - 20_000_000)
        #expect(run.costs.rows.first?.budget == nil)
    }

    @Test func olderRunsWithAllRowsReadAsTotal() throws {
        let folder = try RunFolderFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let current = try RunFolder.read(RunFolderFixture().write(to: folder.appendingPathComponent("new")).path)
        var older = RunFolderFixture()
        older.totalLabel = "all"
        let old = try RunFolder.read(older.write(to: folder.appendingPathComponent("old")).path)
        #expect(old.bedNeed.rows == current.bedNeed.rows)
        #expect(old.costs.rows == current.costs.rows)
        #expect(current.bedNeed.rows.contains { $0.group == "total" && $0.detail == "total under 18" })
    }

    @Test func extraColumnsAndAnotherOrderAreRead() throws {
        let text = "p50,financial_year,notes,placement,p95,p75,p25,p05,mean,new_column\n7,2025/26,x,all,9,8,6,5,7.5,y\n"
        let table = try QuantileTable.read(CSVReader.parse(Array(text.utf8), path: "costs.csv"),
                                           period: "financial_year", group: "placement", detail: nil)
        // 'all', the total row's label in older runs, is read as 'total'.
        #expect(table.rows == [QuantileRow(period: "2025/26", group: "total", mean: 7.5, p05: 5, p25: 6, p50: 7, p75: 8, p95: 9)])
    }

    @Test func runDateFallsBackToTheFileDate() throws {
        let folder = try RunFolderFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try RunFolderFixture().write(to: folder)
        let runJSON = folder.appendingPathComponent("run.json")
        try Data(#"{"scenario_name": "x", "seed": 1}"#.utf8).write(to: runJSON)
        let when = try #require(Calendar(identifier: .gregorian).date(from: DateComponents(year: 2024, month: 2, day: 29, hour: 12)))
        try FileManager.default.setAttributes([.modificationDate: when], ofItemAtPath: runJSON.path)
        #expect(try RunFolder.read(folder.path).runDate == "2024-02-29")
    }

    @Test func missingFolderIsNamed() {
        #expect(throws: FileError(path: "/no/such/run", "no such folder")) { try RunFolder.read("/no/such/run") }
    }

    @Test func fileIsNotAFolder() throws {
        let folder = try RunFolderFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try RunFolderFixture().write(to: folder)
        let file = folder.appendingPathComponent("costs.csv").path
        #expect(throws: FileError(path: file, "not a folder; give the folder a run wrote")) { try RunFolder.read(file) }
    }

    @Test func folderWithoutRunJSONIsNotARunFolder() throws {
        let folder = try RunFolderFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: FileError.self) { try RunFolder.read(folder.path) }
        #expect(error.description == "\(folder.path): error: not a run folder: no run.json; run 'sufficiency run SCENARIO' first")
    }

    @Test func damagedRunJSON() throws {
        let folder = try RunFolderFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try RunFolderFixture().write(to: folder)
        let runJSON = folder.appendingPathComponent("run.json")
        try Data(#"{"scenario_name": "#.utf8).write(to: runJSON)
        #expect(throws: FileError(path: runJSON.path, "not a JSON object; the file is damaged (run the scenario again)")) {
            try RunFolder.read(folder.path)
        }
    }

    @Test func missingCSVIsNamed() throws {
        let folder = try RunFolderFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try RunFolderFixture().write(to: folder)
        let costs = folder.appendingPathComponent("costs.csv")
        try FileManager.default.removeItem(at: costs)
        #expect(throws: FileError(path: costs.path, "missing; the run folder is incomplete (run the scenario again)")) {
            try RunFolder.read(folder.path)
        }
    }

    /// A cell that is not a number, a short row and a misspelt column, each with file and line.
    @Test(arguments: [
        ("2025/26,all,1,2,3,abc,5,6,,\n", 3, "expected a number for 'p50', found 'abc'"),
        ("2025/26,all,1,2\n", 3, "expected 10 fields, found 4"),
    ])
    func malformedCostsRowNamesFileAndLine(row: String, line: Int, message: String) throws {
        let folder = try RunFolderFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try RunFolderFixture().write(to: folder)
        let costs = folder.appendingPathComponent("costs.csv")
        let text = "financial_year,placement,mean,p05,p25,p50,p75,p95,budget,variance\n2025/26,a,1,1,1,1,1,1,,\n" + row
        try Data(text.utf8).write(to: costs)
        let error = try #require(throws: FileError.self) { try RunFolder.read(folder.path) }
        #expect(error.description == "\(costs.path):\(line): error: \(message)")
    }

    @Test func misspeltColumnSuggestsTheNearest() throws {
        let folder = try RunFolderFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try RunFolderFixture().write(to: folder)
        let costs = folder.appendingPathComponent("costs.csv")
        try Data("financial_year,placment,mean,p05,p25,p50,p75,p95\n".utf8).write(to: costs)
        let error = try #require(throws: FileError.self) { try RunFolder.read(folder.path) }
        #expect(error.description == "\(costs.path):1: error: missing column 'placement'; did you mean 'placment'?")
    }
}
