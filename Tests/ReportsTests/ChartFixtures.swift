import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Reports

/// Deterministic sample inputs for chart and report tests, shaped like a council projection.
enum ChartFixtures {
    static let footer = "Scenario 'Medway baseline' · seed 42 · run 2025-06-01 · 1,000 replications"

    /// `count` month-end dates from April of `year`: 2025-04-30, 2025-05-31, …
    static func monthEnds(from year: Int = 2025, count: Int) -> [String] {
        (0..<count).map { index in
            let month = (3 + index) % 12 + 1
            let y = year + (3 + index) / 12
            let day = TimeAxis.daysInMonth(year: y, month: month)
            return "\(y)-" + (month < 10 ? "0\(month)" : "\(month)") + "-\(day)"
        }
    }

    /// A growing projection with bands widening as the square root of time.
    static func fan(count: Int = 60, start: Double = 450) -> FanChart {
        let median = (0..<count).map { start + 1.5 * Double($0) + 8 * sin(Double($0) / 2) }
        let spread = (0..<count).map { 6 + 4 * Double($0).squareRoot() }
        return FanChart(
            title: "Children in care, projected", valueTitle: "Children in care", footer: footer,
            dates: monthEnds(count: count),
            p05: zip(median, spread).map { $0 - 1.6 * $1 }, p25: zip(median, spread).map { $0 - 0.7 * $1 },
            p50: median, p75: zip(median, spread).map { $0 + 0.7 * $1 }, p95: zip(median, spread).map { $0 + 1.6 * $1 },
            actual: [FanChart.Observation(date: "2025-04-30", value: 452), FanChart.Observation(date: "2025-05-31", value: 447)])
    }

    static let placements = [
        "In-house fostering", "Independent fostering agency", "Children's homes", "Supported accommodation (16–17)",
        "Placed with parents & other",
    ]

    static func stacked(count: Int = 60) -> StackedAreaChart {
        let series = placements.enumerated().map { index, name in
            let level = Double(180 - index * 35)
            let growth = Double(index % 3) * 0.4
            return ChartSeries(name: name, values: (0..<count).map { (month: Int) -> Double in level + Double(month) * growth })
        }
        return StackedAreaChart(
            title: "Median bed need by placement type", valueTitle: "Children (median)", footer: footer,
            dates: monthEnds(count: count), series: series)
    }

    static func cost(years: Int = 5) -> AnnualCostChart {
        AnnualCostChart(
            title: "Placement cost per financial year", footer: footer,
            years: (0..<years).map { index in
                let median = 24_000_000 + Double(index) * 1_234_567
                return AnnualCostChart.Year(
                    label: TimeAxis.financialYearLabel(2025 + index), median: median,
                    p05: median * (0.93 - 0.01 * Double(index)), p95: median * (1.07 + 0.015 * Double(index)),
                    budget: index < 3 ? 25_000_000 : nil)
            })
    }

    static func gap(count: Int = 60) -> SufficiencyGapChart {
        let median = (0..<count).map { 20 + 0.4 * Double($0) }
        return SufficiencyGapChart(
            title: "Sufficiency gap: children placed beyond in-house capacity", footer: footer,
            dates: monthEnds(count: count), p05: median.map { max(0, $0 - 12) }, p50: median, p95: median.map { $0 + 15 },
            lines: [
                ChartSeries(name: "Fostering", values: median.map { $0 * 0.6 }),
                ChartSeries(name: "Children's homes", values: median.map { $0 * 0.3 }),
            ])
    }

    static func comparison(count: Int = 60) -> ComparisonFanChart {
        let base = (0..<count).map { 450 + 1.5 * Double($0) }
        let variant = (0..<count).map { 450 + 0.9 * Double($0) }
        func fan(_ name: String, _ median: [Double]) -> ComparisonFanChart.Fan {
            .init(name: name, p05: median.enumerated().map { $1 - 8 - Double($0) * 0.5 }, p50: median,
                  p95: median.enumerated().map { $1 + 8 + Double($0) * 0.5 })
        }
        return ComparisonFanChart(
            title: "Children in care: base against two new children's homes", valueTitle: "Children in care",
            footer: footer, dates: monthEnds(count: count), base: fan("Base", base), variant: fan("Two in-house homes", variant))
    }

    static func difference(years: Int = 5) -> DifferenceChart {
        DifferenceChart(
            title: "Change in cost: two in-house homes minus base", valueTitle: "Change in cost (variant − base)",
            footer: footer,
            years: (0..<years).map { index in
                let median = 300_000 - Double(index) * 450_000
                return DifferenceChart.Year(
                    label: TimeAxis.financialYearLabel(2025 + index), median: median,
                    p05: median - 400_000 - Double(index) * 60_000, p95: median + 400_000 + Double(index) * 60_000)
            })
    }
}

/// Parses `text` as XML and collects its text content, so tests can check well-formedness and labels.
final class XMLCheck: NSObject, XMLParserDelegate {
    private(set) var texts: [String] = []
    private(set) var elementNames: [String] = []
    /// Every number in a geometry attribute (`x`, `y`, `width`, `points`, …), as written.
    private(set) var coordinates: [String] = []
    private var current = ""

    /// Nil if `text` is not well-formed XML, else the checker with what it read.
    static func parse(_ text: String) -> XMLCheck? {
        let check = XMLCheck()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = check
        return parser.parse() ? check : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elementNames.append(name)
        for key in ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "points"] {
            guard let value = attributes[key] else { continue }
            coordinates += value.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        }
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if !current.isEmpty { texts.append(current) }
        current = ""
    }
}
