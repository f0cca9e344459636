import Foundation
import Testing
@testable import Reports

@Suite("HTML report")
struct HTMLReportTests {
    /// A report with every chart, shaped like the one the tool will write.
    static func sample(title: String = "Placement sufficiency forecast: Medway") -> HTMLReport {
        let cost = ChartFixtures.cost()
        let costTable = HTMLReport.Table(
            header: ["Financial year", "Median cost", "90% interval", "Budget"],
            rows: cost.years.map { year in
                [year.label, Money.full(year.median), Money.short(year.p05) + " to " + Money.short(year.p95),
                 year.budget.map { Money.full($0) } ?? "–"]
            })
        let difference = ChartFixtures.difference()
        return HTMLReport(
            title: title,
            subtitle: "Scenario 'Medway baseline' · run 2025-06-01 · seed 42 · 1,000 replications",
            sections: [
                .init(heading: "Children in care", paragraphs: ["The number of children in care at each month end."], svg: ChartFixtures.fan().svg()),
                .init(heading: "Beds needed by placement type", paragraphs: ["Median need for each type of place."], svg: ChartFixtures.stacked().svg()),
                .init(heading: "Cost per financial year", paragraphs: ["Placement cost against budget."], svg: cost.svg(), table: costTable),
                .init(heading: "Sufficiency gap", paragraphs: ["Children who could not be placed in-house."], svg: ChartFixtures.gap().svg()),
                .init(heading: "Two in-house homes against the base", svg: ChartFixtures.comparison().svg()),
                .init(
                    heading: "What two in-house homes change", svg: difference.svg(),
                    table: .init(header: ["Financial year", "Change (median)", "90% interval"], rows: difference.years.map {
                        [$0.label, Money.short($0.median), Money.short($0.p05) + " to " + Money.short($0.p95)]
                    })),
            ],
            footer: "Produced by sufficiency from scenario 'medway.yaml' & seed 42.")
    }

    @Test func pageIsWellFormedAndHoldsEverySection() throws {
        let report = Self.sample()
        let html = report.html()
        let check = try #require(XMLCheck.parse(html), "the page is not well-formed XML")
        #expect(check.elementNames.filter { $0 == "section" }.count == report.sections.count)
        #expect(check.elementNames.filter { $0 == "svg" }.count == 6)
        for section in report.sections {
            #expect(check.texts.contains(section.heading))
            if let svg = section.svg {
                #expect(html.contains(String(svg.dropLast())), "'\(section.heading)' chart missing")
            }
        }
        #expect(check.texts.contains("How to read this report"))
    }

    @Test func pageIsSelfContained() {
        let html = Self.sample().html()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        // The only address is the SVG namespace, which is a name, not a link.
        #expect(!html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("http"))
        #expect(!html.contains("@import") && !html.contains("url("))
        #expect(html.contains("@page { size: A4"))
        #expect(!html.contains("break-before: page"))  // sections flow on when printed
        #expect(html.contains("tr { break-inside: avoid"))
    }

    @Test func textIsEscaped() throws {
        let report = HTMLReport(
            title: "Costs <draft> & more", subtitle: "a \"quoted\" <b>name</b>",
            sections: [.init(heading: "1 < 2", paragraphs: ["x & y"], table: .init(header: ["<th>"], rows: [["<td>"]]))])
        let html = report.html()
        #expect(html.contains("<h1>Costs &lt;draft&gt; &amp; more</h1>"))
        #expect(html.contains("<title>Costs &lt;draft&gt; &amp; more</title>"))
        #expect(html.contains("a &quot;quoted&quot; &lt;b&gt;name&lt;/b&gt;"))
        #expect(!html.contains("<b>"))
        let check = try #require(XMLCheck.parse(html))
        #expect(check.texts.contains("1 < 2"))
        #expect(check.texts.contains("<td>"))
    }

    @Test func numericColumnsAreRightAligned() {
        let table = HTMLReport.Table(
            header: ["Year", "Cost", "Change", "Children", "Note", "Range", "Budget"],
            rows: [
                ["2025/26", "£1,234,567", "(£1.2m)", "1,203", "rising", "£1.1m to £1.4m", "£1,000,000"],
                ["2026/27", "£12.3m", "-£850k", "12%", "", "£1.2m to £1.6m", "–"],
            ])
        #expect(table.numericColumns == [1, 2, 3, 5, 6])
        #expect(HTMLReport.Table(header: ["a"], rows: [["1"]], rightAligned: []).numericColumns.isEmpty)
        let html = HTMLReport(title: "t", subtitle: "s", sections: [.init(heading: "h", table: table)]).html()
        #expect(html.contains("<td class=\"num\">£1,234,567</td>"))
        #expect(html.contains("<td>rising</td>"))
        #expect(html.contains("<th class=\"num\">Cost</th>"))
    }

    /// Writes the sample report (and each chart) for a look in a browser:
    /// `SUFFICIENCY_WRITE_SAMPLE_REPORT=/tmp/sample-report.html swift test --filter HTMLReportTests`
    /// then `scripts/render-report.sh /tmp/sample-report.html /tmp/sample-report.png`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SUFFICIENCY_WRITE_SAMPLE_REPORT"] != nil))
    func writeSampleReport() throws {
        let setting = ProcessInfo.processInfo.environment["SUFFICIENCY_WRITE_SAMPLE_REPORT"] ?? ""
        let path = setting.hasSuffix(".html") ? setting : "/tmp/sample-report.html"
        try Self.sample().html().write(toFile: path, atomically: true, encoding: .utf8)
        let folder = (path as NSString).deletingPathExtension + "-charts"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let charts = ChartTests.ordinary + ChartTests.edgeCases
        for (name, svg) in charts {
            try svg.write(toFile: folder + "/" + name.replacingOccurrences(of: " ", with: "-") + ".svg", atomically: true, encoding: .utf8)
        }
        #expect(FileManager.default.fileExists(atPath: path))
    }
}
