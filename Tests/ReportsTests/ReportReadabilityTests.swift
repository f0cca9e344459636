import Foundation
import Testing
@testable import Reports

/// What a reader of the report sees: labels clear of lines, colours that match their legend and
/// can be seen, nothing hidden in "Other", no local path, the right command, pages that flow
/// when printed, and names as they were written (issue 14, item 13).
@Suite("Report readability")
struct ReportReadabilityTests {
    /// The `y` of every `<text>` whose content is `label`, and of every line with `dash`.
    static func textYs(_ svg: String, _ label: String) -> [Double] {
        matches(svg, #"<text x="[-0-9.]+" y="([-0-9.]+)"[^>]*>\#(NSRegularExpression.escapedPattern(for: label))</text>"#)
    }

    static func lineYs(_ svg: String, dash: String) -> [Double] {
        matches(svg, #"<line x1="[-0-9.]+" y1="([-0-9.]+)" x2="[-0-9.]+" y2="[-0-9.]+" [^>]*stroke-dasharray="\#(dash)"/>"#)
    }

    static func matches(_ text: String, _ pattern: String) -> [Double] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).flatMap { Double(text[$0]) }
        }
    }

    @Test(arguments: [0.0, 20_000, 60_000, 150_000, -30_000])
    func costLabelIsClearOfTheBudgetLine(budgetAbove95th: Double) throws {
        // The budget a little above the whisker's top, where the median's label sits.
        let years = [AnnualCostChart.Year(label: "2025/26", median: 2_000_000, p05: 1_800_000, p95: 2_200_000,
                                          budget: 2_200_000 + budgetAbove95th)]
        let svg = AnnualCostChart(title: "t", footer: "f", years: years).svg()
        let label = try #require(Self.textYs(svg, "£2.0m").first)
        let budget = try #require(Self.lineYs(svg, dash: "6 3").first)
        // The bold 12-point label's glyphs span from 12 above its baseline to 3 below it.
        #expect(budget < label - IntervalColumns.labelHeight - 1 || budget > label + 3,
                "the budget line at y \(budget) runs through the label at baseline \(label)")
    }

    @Test func comparisonChartHasOneShadedBandSoColoursMatchTheLegend() throws {
        let svg = ChartFixtures.comparison().svg()
        // Only one translucent fill in the plot (the base's band) and one in the legend: two
        // overlapping translucent bands would blend into a colour neither swatch shows.
        let translucent = svg.components(separatedBy: "fill-opacity=").count - 1
        #expect(translucent == 2)
        // The variant's interval is drawn as its two edges, dashed, in its colour; the legend shows the same.
        let pattern = #"<(line|polyline) [^>]*stroke="\#(ChartPalette.secondary)" stroke-width="1.5"[^>]*stroke-dasharray="3 3"/>"#
        let edges = try NSRegularExpression(pattern: pattern).numberOfMatches(in: svg, range: NSRange(svg.startIndex..., in: svg))
        #expect(edges == 4)  // two lines in the plot, two in the legend swatch
    }

    /// Relative luminance (WCAG 2.1) of `#RRGGBB`.
    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16)!
        return [16, 8, 0].map { shift -> Double in
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }.enumerated().reduce(0) { $0 + [0.2126, 0.7152, 0.0722][$1.offset] * $1.element }
    }

    @Test(arguments: ChartPalette.series)
    func everySeriesColourCanBeSeenOnWhite(colour: String) {
        // WCAG 2.1 success criterion 1.4.11: graphics need 3:1 against what is next to them.
        let contrast = 1.05 / (Self.luminance(colour) + 0.05)
        #expect(contrast >= 3, "\(colour) has a contrast of \(contrast):1 against white")
    }

    @Test func seriesColoursAreDistinctAndEachHasADash() {
        #expect(Set(ChartPalette.series).count == ChartPalette.series.count)
        #expect(ChartPalette.dashes.count == ChartPalette.series.count)
    }

    @Test func footerNamesTheFolderNotWhereItIs() throws {
        let folder = try RunFolderFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let runFolder = folder.appendingPathComponent("medway-baseline")
        try RunFolderFixture().write(to: runFolder)
        let report = RunReport(run: try RunFolder.read(runFolder.path))
        #expect(report.page.footer.contains("the folder 'medway-baseline'"))
        #expect(!report.page.html().contains(folder.path))
        #expect(!report.page.html().contains(FileManager.default.temporaryDirectory.path))
    }

    @Test func comparisonReportGivesTheCompareCommand() throws {
        let folder = try RunFolderFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try ComparisonReportTests.writeComparison(to: folder)
        var comparison = try ComparisonFolder.read(folder.path)
        comparison.variants[0].run.record.scenario = "scenarios/two homes.yaml"
        for run in [\ComparisonFolder.base.record.overrides, \ComparisonFolder.variants[0].run.record.overrides] {
            comparison[keyPath: run] = ["entries.trend=3%"]
        }
        let report = RunReport(comparison: comparison)
        let method = try #require(report.page.sections.last)
        #expect(method.heading == "How this was made")
        #expect(method.paragraphs.contains(
            "Running 'sufficiency compare scenarios/testshire.yaml 'scenarios/two homes.yaml' --seed 42 --replications 20 --set entries.trend=3%' with the same version of the tool gives the same figures again."))

        // A variant that is the base with --set changes names no second file.
        comparison.variants[0].run.record.scenario = "scenarios/testshire.yaml"
        #expect(ReportText.compareCommand(comparison) == "sufficiency compare scenarios/testshire.yaml --seed 42 --replications 20 --set entries.trend=3%")
    }

    @Test func printedSectionsFlowWithoutForcedPageBreaks() {
        #expect(!HTMLReport.css.contains("break-before: page"))
        #expect(!HTMLReport.css.contains("page-break-before: always"))
        // A chart, a table row and a heading still keep together with what follows.
        #expect(HTMLReport.css.contains("figure.chart { margin: 16px 0; break-inside: avoid;"))
        #expect(HTMLReport.css.contains("h2 { font-size: 15pt; break-after: avoid;"))
    }

    @Test func namesStartingWithAFormulaCharacterShowWithoutTheCSVApostrophe() throws {
        let folder = try RunFolderFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var fixture = RunFolderFixture()
        // As the CSV writer writes them: with the apostrophe that keeps Excel from running a formula.
        fixture.providers = ["=SUM(A1)", "+44 fostering", "'quoted' home"].map(CSVTable.neutralised) + (4...10).map { "provider \($0)" }
        #expect(fixture.providers.prefix(3) == ["'=SUM(A1)", "'+44 fostering", "'quoted' home"])
        try fixture.write(to: folder)
        let report = RunReport(run: try RunFolder.read(folder.path))
        let html = report.page.html()
        #expect(html.contains(">=SUM(A1)<") && html.contains(">+44 fostering<") && html.contains(">&apos;quoted&apos; home<"))
        #expect(!html.contains("&apos;=SUM") && !html.contains("'=SUM") && !html.contains("&apos;+44"))
        for chart in report.charts { #expect(!chart.svg.contains("&apos;=SUM") && !chart.svg.contains("'=SUM")) }
        #expect(report.charts.contains { $0.svg.contains(">=SUM(A1)</text>") })
    }

    @Test(arguments: ["=SUM(A1)", "'=SUM(A1)", "''=x", "'abc", "'", "", "plain", "-5", "@x", "'@x", "a'b"])
    func theCSVApostropheComesOffExactly(text: String) {
        #expect(CSVTable.restored(CSVTable.neutralised(text)) == text)
    }
}

extension ReportReadabilityTests {
    /// Negatives are written `-£2.7m` in every table, so no text may explain brackets.
    @Test func noTextSpeaksOfBrackets() throws {
        let folder = try RunFolderFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try RunFolderFixture().write(to: folder)
        let report = RunReport(run: try RunFolder.read(folder.path))
        let html = report.page.html()
        #expect(!html.contains("bracket"))
        #expect(!html.contains("(£"))
        #expect(html.contains("a figure with a minus sign is a projected underspend"))
    }
}
