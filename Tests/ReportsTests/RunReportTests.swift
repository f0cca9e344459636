import Foundation
import Testing
@testable import Reports

@Suite("Run report")
struct RunReportTests {
    /// The report of a fixture folder, and the folder as read.
    static func report(_ fixture: RunFolderFixture = RunFolderFixture()) throws -> (RunReport, RunFolder) {
        let folder = try RunFolderFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try fixture.write(to: folder)
        let run = try RunFolder.read(folder.path)
        return (RunReport(run: run), run)
    }

    @Test func summaryTableMatchesTheFiles() throws {
        let (report, run) = try Self.report()
        let summary = try #require(report.page.sections.first)
        #expect(summary.heading == "Summary")
        let table = try #require(summary.table)
        let totals = run.costs.rows.filter { $0.group == "total" }
        #expect(table.rows.count == totals.count)
        for (row, cost) in zip(table.rows, totals) {
            let yearEnd = try #require(ReportText.yearEnd(cost.period))
            let children = try #require(run.bedNeed.rows.first { $0.period == yearEnd && $0.group == "total" && $0.detail == "total under 18" })
            #expect(row == [
                cost.period, ReportText.count(children.p50), ReportText.count(children.p05) + " to " + ReportText.count(children.p95),
                Money.short(cost.p50), Money.short(cost.p05) + " to " + Money.short(cost.p95),
                Money.short(try #require(cost.budget)), Money.short(try #require(cost.variance)),
            ])
        }
        #expect(table.header[1] == "In care at 31 March")
    }

    @Test func yearWithoutA31MarchShowsADash() throws {
        var fixture = RunFolderFixture()
        fixture.years.append("2027/28")  // bed need stops at 31 March 2027
        let (report, _) = try Self.report(fixture)
        let rows = try #require(report.page.sections.first?.table?.rows)
        #expect(rows.last?[0] == "2027/28")
        #expect(rows.last?[1] == "–")
    }

    /// A year simulated in part is said so under the summary (its cost is for those months).
    @Test func partYearsAreNamedUnderTheSummary() throws {
        let (whole, _) = try Self.report()
        #expect(!(whole.page.sections.first?.paragraphs ?? []).contains { $0.hasPrefix("Simulated in part only") })
        var fixture = RunFolderFixture()
        fixture.dates = ["2025-10-31", "2025-11-30", "2026-03-31", "2026-04-30", "2026-09-30"]
        let (october, _) = try Self.report(fixture)
        // Read into a constant first: written inside #expect as `(… ?? []).contains(…)`, the macro
        // dropped the call's result and the expectation passed whatever the text.
        let paragraphs = october.page.sections.first?.paragraphs ?? []
        #expect(paragraphs.contains(
            "Simulated in part only: 2025/26 from October 2025, and 2026/27 to September 2026. Their cost is for those months, and any budget given for them should be too."))
        #expect(RunSections.partYears(["2025/26"], monthEnds: ["2025-04-30"]) == "Simulated in part only: 2025/26 from April 2025 to April 2025. Its cost is for those months, and any budget given for it should be too.")
    }

    /// A run whose horizon ends within a month (from 15 October, 12 months: to 14 October) is named
    /// by its first and last days simulated, which run.json records, not by its last month end.
    @Test func partYearsAreNamedByTheirDays() throws {
        var fixture = RunFolderFixture()
        fixture.dates = ["2025-10-31", "2025-11-30", "2026-03-31", "2026-04-30", "2026-09-30"]
        fixture.firstDay = "2025-10-15"
        fixture.lastDay = "2026-10-14"
        let (report, run) = try Self.report(fixture)
        #expect(run.record.lastDay?.description == "2026-10-14")
        let paragraphs = report.page.sections.first?.paragraphs ?? []
        #expect(paragraphs.contains(
            "Simulated in part only: 2025/26 from 15 October 2025, and 2026/27 to 14 October 2026. Their cost is for those months, and any budget given for them should be too."))
        // Whole years stay unnamed though their days are known.
        var whole = RunFolderFixture()
        (whole.firstDay, whole.lastDay) = ("2025-04-01", "2027-03-31")
        let wholeParagraphs = try Self.report(whole).0.page.sections.first?.paragraphs ?? []
        #expect(!wholeParagraphs.contains { $0.hasPrefix("Simulated in part only") })
    }

    @Test func everyChartIsWellFormedAndSignedWithScenarioSeedAndDate() throws {
        let (report, _) = try Self.report()
        #expect(report.charts.map(\.name) == ["children-in-care.svg", "places-by-placement.svg", "cost-by-year.svg", "sufficiency-gap.svg"])
        for chart in report.charts {
            let check = try #require(XMLCheck.parse(chart.svg), "\(chart.name) is not well-formed XML")
            #expect(check.texts.contains("Testshire baseline · seed 42 · run 1 June 2025"), "\(chart.name) lacks its footer")
        }
        let page = try #require(XMLCheck.parse(report.page.html()), "report.html is not well-formed XML")
        #expect(page.elementNames.filter { $0 == "svg" }.count == report.charts.count)
        let headings = report.page.sections.map(\.heading)
        #expect(headings == ["Summary", "Children in care", "Places needed by type of placement", "Cost per financial year against budget",
                             "Sufficiency gap", "Medium-term financial strategy", "How this was made"])
    }

    @Test func smallestPlacementsAreGroupedAsOtherAndNamed() throws {
        var fixture = RunFolderFixture()
        fixture.providers = (1...15).map { "provider \($0)" }
        let (report, run) = try Self.report(fixture)
        let (dates, series, grouped) = RunSections(run: run).placementSeries()
        #expect(series.count == RunSections.maximumSeries)
        #expect(RunSections.maximumSeries == 12)
        // Providers grow with their number: the largest first, providers 1 to 4 in "Other".
        #expect(series.prefix(11).map(\.name) == (5...15).reversed().map { "Provider \($0)" })
        #expect(series.last?.name == "Other (4 types)")
        #expect(grouped == (1...4).reversed().map { "Provider \($0)" })
        for (m, value) in try #require(series.last).values.enumerated() {
            #expect(value == (1...4).reduce(0) { $0 + RunFolderFixture.need($1, m) })
        }
        #expect(dates == fixture.dates)
        // Nothing is hidden: the text names every placement in "Other".
        let section = try #require(report.page.sections.first { $0.heading == "Places needed by type of placement" })
        #expect(section.paragraphs.contains("The 4 smallest are shown together as 'Other': provider 4, provider 3, provider 2, provider 1. bed_need.csv has each of them month by month."))
    }

    @Test func twelveOrFewerPlacementsAreAllShown() throws {
        var fixture = RunFolderFixture()
        fixture.providers = (1...12).map { "provider \($0)" }
        let (_, run) = try Self.report(fixture)
        let (_, series, grouped) = RunSections(run: run).placementSeries()
        #expect(grouped.isEmpty)
        #expect(Set(series.map(\.name)) == Set((1...12).map { "Provider \($0)" }))
    }

    @Test func olderRunsWithoutChildrenRowsSaySo() throws {
        var fixture = RunFolderFixture()
        fixture.childrenRows = false
        let (report, run) = try Self.report(fixture)
        let summary = try #require(report.page.sections.first?.table)
        #expect(summary.header[1] == "Placed at 31 March")
        let march = try #require(run.bedNeed.rows.first { $0.period == "2026-03-31" && $0.group == "total" && $0.detail == "total" })
        #expect(summary.rows.first?[1] == ReportText.count(march.p50))
        #expect(report.page.sections[1].paragraphs.contains { $0.contains("do not count children in care separately") })
    }

    @Test func noBudgetNoMTFS() throws {
        var fixture = RunFolderFixture()
        fixture.budget = nil
        fixture.mtfs = false
        let (report, _) = try Self.report(fixture)
        #expect(report.page.sections.first?.table?.rows.allSatisfy { $0[5] == "–" && $0[6] == "–" } == true)
        #expect(!report.page.sections.map(\.heading).contains("Medium-term financial strategy"))
        #expect(report.page.sections.map(\.heading).contains("Cost per financial year"))
    }

    @Test func mtfsTableEndsWithTotalBudgetAndVariance() throws {
        let (report, run) = try Self.report()
        let table = try #require(report.page.sections.first { $0.heading == "Medium-term financial strategy" }?.table)
        let lines = try #require(run.mtfs)
        #expect(table.header == ["Cost line", "2025/26", "2026/27"])
        #expect(table.rows.map(\.[0]).suffix(5) == ["Total projected spend", "Total: low (5th percentile)", "Total: high (95th percentile)", "Budget", "Variance"])
        let total = try #require(lines.first { $0.costLine == "total" && $0.financialYear == "2026/27" })
        let figures = [total.projectedSpend, try #require(total.p05), try #require(total.p95), try #require(total.budget),
                       try #require(total.variance)]
        #expect(table.rows.suffix(5).map(\.[2]) == figures.map { Money.full($0) })
        #expect(figures[1] < figures[0] && figures[0] < figures[2])
    }

    @Test func writeLeavesReportAndChartsAndNothingElse() throws {
        let folder = try RunFolderFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try RunFolderFixture().write(to: folder)
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        let written = try RunReport.write(folder: folder.path)
        #expect(written == ["charts/children-in-care.svg", "charts/places-by-placement.svg", "charts/cost-by-year.svg",
                            "charts/sufficiency-gap.svg", "report.html"])
        let after = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(after.subtracting(before) == ["charts", "report.html"])
        let charts = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("charts").path)
        #expect(Set(charts) == Set(written.dropLast().map { String($0.dropFirst("charts/".count)) }))
        for name in written {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(XMLCheck.parse(text) != nil, "\(name) is not well-formed XML")
        }
    }
}
