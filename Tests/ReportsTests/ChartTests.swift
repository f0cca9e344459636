import Testing
@testable import Reports

@Suite("Charts")
struct ChartTests {
    /// Every chart in its ordinary form.
    static let ordinary: [(name: String, svg: String)] = [
        ("fan", ChartFixtures.fan().svg()),
        ("stacked", ChartFixtures.stacked().svg()),
        ("cost", ChartFixtures.cost().svg()),
        ("gap", ChartFixtures.gap().svg()),
        ("comparison", ChartFixtures.comparison().svg()),
        ("difference", ChartFixtures.difference().svg()),
    ]

    /// Every chart with empty, single-point, all-zero, negative, ragged or unparseable input.
    static let edgeCases: [(name: String, svg: String)] = {
        let f = ChartFixtures.footer
        let awkward = "Costs <draft> & \"notes\" 'quoted'"
        return [
            ("fan empty", FanChart(title: "t", valueTitle: "v", footer: f, dates: [], p05: [], p25: [], p50: [], p75: [], p95: []).svg()),
            ("fan single", ChartFixtures.fan(count: 1).svg()),
            ("fan zeros", FanChart(title: "t", valueTitle: "v", footer: f, dates: ChartFixtures.monthEnds(count: 12), p05: .init(repeating: 0, count: 12), p25: .init(repeating: 0, count: 12), p50: .init(repeating: 0, count: 12), p75: .init(repeating: 0, count: 12), p95: .init(repeating: 0, count: 12)).svg()),
            ("fan negative", FanChart(title: awkward, valueTitle: awkward, footer: awkward, dates: ChartFixtures.monthEnds(count: 3), p05: [-30, -20, -10], p25: [-10, -5, 0], p50: [0, 2, 4], p75: [5, 8, 12], p95: [9, 14, 30], format: .money).svg()),
            ("fan ragged", FanChart(title: "t", valueTitle: "v", footer: f, dates: ChartFixtures.monthEnds(count: 5), p05: [1, 2], p25: [2, 3, 4], p50: [3], p75: [4, 5, 6, 7], p95: [5, 6, 7, 8, 9]).svg()),
            ("fan bad dates", FanChart(title: "t", valueTitle: "v", footer: f, dates: ["April", "2025-02-30"], p05: [1, 2], p25: [2, 3], p50: [3, 4], p75: [4, 5], p95: [5, 6], actual: [.init(date: "soon", value: 3)]).svg()),
            ("fan long", ChartFixtures.fan(count: 240).svg()),
            ("stacked empty", StackedAreaChart(title: "t", valueTitle: "v", footer: f, dates: [], series: []).svg()),
            ("stacked single", ChartFixtures.stacked(count: 1).svg()),
            ("stacked negative", StackedAreaChart(title: "t", valueTitle: "v", footer: f, dates: ChartFixtures.monthEnds(count: 2), series: [ChartSeries(name: awkward, values: [-4, 3])]).svg()),
            ("cost empty", AnnualCostChart(title: "t", footer: f, years: []).svg()),
            ("cost zeros", AnnualCostChart(title: "t", footer: f, years: [.init(label: "2025/26", median: 0, p05: 0, p95: 0, budget: 0)]).svg()),
            ("cost many years", ChartFixtures.cost(years: 25).svg()),
            ("gap empty", SufficiencyGapChart(title: "t", footer: f, dates: []).svg()),
            ("gap lines only", SufficiencyGapChart(title: "t", footer: f, dates: ChartFixtures.monthEnds(count: 4), lines: [ChartSeries(name: awkward, values: [0, 0, 0, 0])]).svg()),
            ("gap single", ChartFixtures.gap(count: 1).svg()),
            ("comparison empty", ComparisonFanChart(title: "t", valueTitle: "v", footer: f, dates: [], base: .init(name: "Base", p05: [], p50: [], p95: []), variant: .init(name: awkward, p05: [], p50: [], p95: [])).svg()),
            ("comparison single", ChartFixtures.comparison(count: 1).svg()),
            ("difference empty", DifferenceChart(title: "t", valueTitle: "v", footer: f, years: []).svg()),
            ("difference all negative", DifferenceChart(title: "t", valueTitle: "v", footer: f, years: [.init(label: "2025/26", median: -5, p05: -9, p95: -1)], format: .count).svg()),
            ("difference zeros", DifferenceChart(title: "t", valueTitle: "v", footer: f, years: [.init(label: "2025/26", median: 0, p05: 0, p95: 0)]).svg()),
        ]
    }()

    static func svg(_ name: String) -> String {
        (ordinary + edgeCases).first { $0.name == name }?.svg ?? ""
    }

    @Test(arguments: (ordinary + edgeCases).map(\.name))
    func isWellFormedStandaloneSVG(name: String) throws {
        let svg = Self.svg(name)
        let check = try #require(XMLCheck.parse(svg), "'\(name)' is not well-formed XML")
        #expect(check.elementNames.first == "svg")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 800.0 450.0\""))
        #expect(svg.contains("font-family=\"Arial, Helvetica, sans-serif\""))
        #expect(check.coordinates.count > 20)
        #expect(check.coordinates.allSatisfy { Double($0)?.isFinite == true }, "'\(name)' has a coordinate that is not a finite number")
        #expect(check.coordinates.allSatisfy { Double($0).map { (-1...801).contains($0) } ?? false }, "'\(name)' draws outside its 800 × 450 box")
    }

    @Test func textIsEscapedAndReadBackIntact() throws {
        let svg = try #require(Self.edgeCases.first { $0.name == "fan negative" }?.svg)
        let check = try #require(XMLCheck.parse(svg))
        #expect(check.texts.filter { $0 == "Costs <draft> & \"notes\" 'quoted'" }.count == 4)
        #expect(svg.contains("Costs &lt;draft&gt; &amp; &quot;notes&quot; &apos;quoted&apos;"))
    }

    @Test func fanChartLabelsFinancialYearsAndLegend() throws {
        let check = try #require(XMLCheck.parse(ChartFixtures.fan().svg()))
        for label in ["2025/26", "2026/27", "2027/28", "2028/29", "2029/30", "Median", "50% interval", "90% interval", "Actual", "Children in care", ChartFixtures.footer] {
            #expect(check.texts.contains(label), "missing '\(label)'")
        }
        #expect(!check.texts.contains("2030/31"))
    }

    @Test func longSeriesSkipsYearLabelsRatherThanOverlap() throws {
        let check = try #require(XMLCheck.parse(ChartFixtures.fan(count: 240).svg()))
        let years = check.texts.filter { $0.count == 7 && $0.dropFirst(4).hasPrefix("/") }
        #expect(years.count >= 5 && years.count < 20)
        #expect(years.first == "2025/26")
    }

    @Test func unparseableDatesDropTheYearAxisButStillDraw() throws {
        let svg = try #require(Self.edgeCases.first { $0.name == "fan bad dates" }?.svg)
        #expect(!svg.contains("/26<"))
        #expect(svg.contains("<polyline"))
    }

    @Test func stackedChartNamesEverySeriesAndClampsNegatives() throws {
        let check = try #require(XMLCheck.parse(ChartFixtures.stacked().svg()))
        for name in ChartFixtures.placements { #expect(check.texts.contains(name), "missing legend '\(name)'") }
        let chart = StackedAreaChart(title: "t", valueTitle: "v", footer: "f", dates: ["2025-04-30"], series: [ChartSeries(name: "a", values: [-4]), ChartSeries(name: "b", values: [3])])
        #expect(chart.stacks(count: 1) == [[0], [0], [3]])
    }

    @Test func costChartWritesPoundsShortAndShowsBudget() throws {
        let check = try #require(XMLCheck.parse(ChartFixtures.cost().svg()))
        // Medians 24.0m, 25.2m, 26.5m, 27.7m, 28.9m; the axis in whole £5m steps.
        for label in ["2025/26", "2029/30", "£24.0m", "£25.2m", "£28.9m", "Budget", "£0", "£10m", "£30m"] {
            #expect(check.texts.contains(label), "missing '\(label)'")
        }
        let withoutBudget = AnnualCostChart(title: "t", footer: "f", years: [.init(label: "2025/26", median: 1_234_567, p05: 1e6, p95: 1.5e6)])
        let plain = try #require(XMLCheck.parse(withoutBudget.svg()))
        #expect(plain.texts.contains("£1.2m"))
        #expect(!plain.texts.contains("Budget"))
    }

    @Test func differenceChartSignsItsLabelsAndCrossesZero() throws {
        let svg = ChartFixtures.difference().svg()
        let check = try #require(XMLCheck.parse(svg))
        // Medians +£300k, -£150k, -£600k, -£1.1m, -£1.5m.
        for label in ["+£300k", "-£150k", "-£600k", "-£1.1m", "-£1.5m", "£0", "Median difference"] {
            #expect(check.texts.contains(label), "missing '\(label)'")
        }
        let zero = DifferenceChart(title: "t", valueTitle: "v", footer: "f", years: [], format: .count)
        #expect(zero.label(0) == "0" && zero.label(12) == "+12" && zero.label(-3) == "-3")
    }

    @Test func comparisonAndGapChartsNameTheirSeries() throws {
        let comparison = try #require(XMLCheck.parse(ChartFixtures.comparison().svg()))
        for label in ["Base: median", "Base: 90% interval", "Two in-house homes: median", "Two in-house homes: 90% interval"] {
            #expect(comparison.texts.contains(label), "missing '\(label)'")
        }
        let gap = try #require(XMLCheck.parse(ChartFixtures.gap().svg()))
        for label in ["Median overflow", "90% interval", "Fostering", "Children's homes"] {
            #expect(gap.texts.contains(label), "missing '\(label)'")
        }
    }

    @Test func emptyChartsSayThereIsNoData() {
        for (name, svg) in Self.edgeCases where name.hasSuffix("empty") {
            #expect(svg.contains(">No data to show<"), "\(name)")
        }
        #expect(!ChartFixtures.fan().svg().contains("No data to show"))
    }
}
