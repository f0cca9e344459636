import Foundation
import Testing
@testable import Reports

@Suite("Comparison report")
struct ComparisonReportTests {
    /// A comparison folder: `base` and `two-homes` runs and the `two-homes-vs-base` differences.
    static func writeComparison(to folder: URL) throws {
        try Data(#"{"base": "base", "variants": ["two-homes"], "replications": 20, "seed": 42}"#.utf8)
            .write(to: folder.appendingPathComponent("compare.json"))
        try RunFolderFixture().write(to: folder.appendingPathComponent("base"))
        var variant = RunFolderFixture()
        variant.scenarioName = "Two new homes"
        variant.providers = (1...9).map { "provider \($0)" }
        try variant.write(to: folder.appendingPathComponent("two-homes"))
        let differences = folder.appendingPathComponent("two-homes-vs-base")
        try FileManager.default.createDirectory(at: differences, withIntermediateDirectories: true)
        let costs = """
            financial_year,placement,mean,p05,p25,p50,p75,p95,budget,variance
            2025/26,total,-1000000,-1500000,-1200000,-1010000,-800000,-400000,,
            2026/27,total,-1100000,-1700000,-1300000,-1120000,-900000,250000,,

            """
        try Data(costs.utf8).write(to: differences.appendingPathComponent("costs.csv"))
        try Data("date,placement,age_band,mean,p05,p25,p50,p75,p95\n2025-04-30,total,total,-1,-3,-2,-1,0,1\n".utf8)
            .write(to: differences.appendingPathComponent("bed_need.csv"))
    }

    @Test func showsBaseAgainstVariantThenEachRun() throws {
        let folder = try RunFolderFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.writeComparison(to: folder)
        #expect(ComparisonFolder.isComparison(folder.path))
        let comparison = try ComparisonFolder.read(folder.path)
        let report = RunReport(comparison: comparison)
        #expect(report.charts.map(\.name) == [
            "two-homes-vs-base-children-in-care.svg", "two-homes-vs-base-cost-difference.svg",
            "base-children-in-care.svg", "base-places-by-placement.svg", "base-cost-by-year.svg", "base-sufficiency-gap.svg",
            "two-homes-children-in-care.svg", "two-homes-places-by-placement.svg", "two-homes-cost-by-year.svg", "two-homes-sufficiency-gap.svg",
        ])
        for chart in report.charts { #expect(XMLCheck.parse(chart.svg) != nil, "\(chart.name) is not well-formed XML") }
        let fan = try #require(XMLCheck.parse(report.charts[0].svg))
        #expect(fan.texts.contains("Testshire baseline: median"))
        #expect(fan.texts.contains("Two new homes: median"))

        let table = try #require(report.page.sections.first?.table)
        let differences = comparison.variants[0].costDifference.rows
        #expect(table.rows.map(\.[0]) == ["2025/26", "2026/27"])
        #expect(table.rows.map(\.[3]) == differences.map { ReportText.change($0.p50) })
        #expect(table.rows.map(\.[3]) == ["-£1.0m", "-£1.1m"])
        #expect(table.rows[1][4] == "-£1.7m to +£250k")
        // Children in care at 31 March 2026 in each run, from its own folder.
        let baseMarch = try #require(comparison.base.bedNeed.rows.first { $0.period == "2026-03-31" && $0.detail == "total under 18" })
        let variantMarch = try #require(comparison.variants[0].run.bedNeed.rows.first { $0.period == "2026-03-31" && $0.detail == "total under 18" })
        #expect(table.rows[0][1] == ReportText.count(baseMarch.p50))
        #expect(table.rows[0][2] == ReportText.count(variantMarch.p50))
        #expect(baseMarch.p50 != variantMarch.p50)
        #expect(report.page.sections.last?.heading == "How this was made")
    }

    @Test func writeUsesTheComparisonWhenCompareJSONIsThere() throws {
        let folder = try RunFolderFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.writeComparison(to: folder)
        let written = try RunReport.write(folder: folder.path)
        #expect(written.first == "charts/two-homes-vs-base-children-in-care.svg")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("report.html").path))
    }

    @Test func missingDifferencesFolderIsNamed() throws {
        let folder = try RunFolderFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.writeComparison(to: folder)
        let differences = folder.appendingPathComponent("two-homes-vs-base")
        try FileManager.default.removeItem(at: differences)
        #expect(throws: FileError(path: differences.path, "no such folder")) { try ComparisonFolder.read(folder.path) }
    }
}

@Suite("Report text")
struct ReportTextTests {
    @Test func changesAreSigned() {
        #expect(ReportText.change(86_000) == "+£86k")
        #expect(ReportText.change(-1_400_000) == "-£1.4m")
        #expect(ReportText.change(0.2) == "£0")
        #expect(ReportText.change(-0.2) == "£0")
        #expect(ReportText.changeInterval(-1_400_000, 1_600_000) == "-£1.4m to +£1.6m")
    }

    @Test func datesAndYears() {
        #expect(ReportText.date("2025-06-01") == "1 June 2025")
        #expect(ReportText.date("not a date") == "not a date")
        #expect(ReportText.yearEnd("2025/26") == "2026-03-31")
    }
}
