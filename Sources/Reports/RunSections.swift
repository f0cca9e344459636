/// The report's sections for one run folder, and its charts: the key charts (children in
/// care, places by placement, cost against budget, sufficiency gap) and the tables around them.
struct RunSections: Sendable {
    /// At most this many series in the stacked chart (one colour each); when there are more,
    /// the smallest beyond one fewer are "Other", and the text names every one of them.
    static let maximumSeries = ChartPalette.series.count
    /// The gap measure for children placed beyond a full preferred provider.
    static let overflowMeasure = "placed beyond a full preferred provider"

    let run: RunFolder
    /// Put before each chart's file name (a comparison holds several runs' charts).
    let chartPrefix: String
    /// Put before each key section's heading.
    let headingPrefix: String
    let footer: String
    /// Children in care each month end: the `total under 18` rows, or the `total` over all bands in older files.
    let childrenInCare: [QuantileRow]
    /// Whether ``childrenInCare`` counts only children in care (false: everyone placed).
    let childrenOnly: Bool
    /// The key charts, in the order of their sections.
    private(set) var charts: [RunReport.Chart] = []
    private var sections: [HTMLReport.Section] = []

    /// The sections of `run`; in a comparison, `label` names the run in headings and chart
    /// footers and `chartPrefix` keeps its chart files apart from the other runs'.
    init(run: RunFolder, label: String? = nil, chartPrefix: String = "") {
        self.run = run
        self.chartPrefix = chartPrefix
        headingPrefix = label.map { $0 + ": " } ?? ""
        footer = ReportText.chartFooter(run, label: label ?? run.record.scenarioName)
        (childrenInCare, childrenOnly) = Self.childrenInCare(run.bedNeed)
        add(fanSection())
        add(stackedSection())
        add(costSection())
        if let gap = gapSection() { add(gap) }
    }

    /// Children in care month by month from bed_need.csv, and whether they exclude care leavers.
    static func childrenInCare(_ bedNeed: QuantileTable) -> ([QuantileRow], Bool) {
        let children = bedNeed.rows(group: "total", detail: "total under 18")
        return children.isEmpty ? (bedNeed.rows(group: "total", detail: "total"), false) : (children, true)
    }

    /// The children-in-care fan, the places-by-placement stack, cost against budget and the gap.
    func keySections() -> [HTMLReport.Section] { sections }

    private mutating func add(_ part: (section: HTMLReport.Section, chart: RunReport.Chart)) {
        sections.append(part.section)
        charts.append(part.chart)
    }

    private func chart(_ name: String, _ svg: String) -> RunReport.Chart {
        RunReport.Chart(name: chartPrefix + name + ".svg", svg: svg)
    }

    private func fanSection() -> (section: HTMLReport.Section, chart: RunReport.Chart) {
        let rows = childrenInCare
        let svg = FanChart(
            title: "Children in care at each month end", valueTitle: "Children in care", footer: footer,
            dates: rows.map(\.period), p05: rows.map(\.p05), p25: rows.map(\.p25), p50: rows.map(\.p50),
            p75: rows.map(\.p75), p95: rows.map(\.p95)).svg()
        var paragraphs = ["How many children the council is expected to look after at the end of each month. The dark line is the median; the darker band holds the middle half of the simulated futures and the lighter band 90 in every 100."]
        if !childrenOnly {
            paragraphs.append("This run's files do not count children in care separately, so these figures also include care leavers in supported accommodation and parents placed with their child.")
        }
        return (.init(heading: headingPrefix + "Children in care", paragraphs: paragraphs, svg: svg), chart("children-in-care", svg))
    }

    /// The median places needed by each placement each month, largest first, with those beyond
    /// ``maximumSeries`` − 1 added together as "Other".
    func placementSeries() -> (dates: [String], series: [ChartSeries], grouped: [String]) {
        let dates = run.bedNeed.rows(group: "total", detail: "total").map(\.period)
        let index = Dictionary(dates.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var series: [ChartSeries] = []
        for group in run.bedNeed.groups where group != "total" {
            var values = [Double](repeating: 0, count: dates.count)
            for row in run.bedNeed.rows(group: group, detail: "total") {
                if let i = index[row.period] { values[i] = row.p50 }
            }
            series.append(ChartSeries(name: ReportText.label(group), values: values))
        }
        // Largest at the bottom of the stack; ties keep file order.
        series = series.enumerated().sorted { a, b in
            let (x, y) = (a.element.values.reduce(0, +), b.element.values.reduce(0, +))
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
        guard series.count > Self.maximumSeries else { return (dates, series, []) }
        let kept = Array(series.prefix(Self.maximumSeries - 1))
        let rest = series.dropFirst(Self.maximumSeries - 1)
        let other = (0..<dates.count).map { i in rest.reduce(0) { $0 + $1.values[i] } }
        return (dates, kept + [ChartSeries(name: "Other (\(rest.count) types)", values: other)], rest.map(\.name))
    }

    private func stackedSection() -> (section: HTMLReport.Section, chart: RunReport.Chart) {
        let (dates, series, grouped) = placementSeries()
        let svg = StackedAreaChart(
            title: "Places needed by type of placement (median)", valueTitle: "Places needed", footer: footer,
            dates: dates, series: series).svg()
        var paragraphs = [
            "The median number of places needed at each month end from each type of placement or provider, stacked so that the top edge is the total. This counts everyone placed, including care leavers in supported accommodation and parents placed with their child, so the total is higher than the number of children in care.",
            "Medians of the parts do not add up exactly to the median of the total.",
        ]
        if !grouped.isEmpty {
            let names = grouped.map { $0.prefix(1).lowercased() + $0.dropFirst() }
            paragraphs.append("The \(grouped.count) smallest are shown together as 'Other': \(names.joined(separator: ", ")). bed_need.csv has each of them month by month.")
        }
        return (.init(heading: headingPrefix + "Places needed by type of placement", paragraphs: paragraphs, svg: svg),
                chart("places-by-placement", svg))
    }

    private func costSection() -> (section: HTMLReport.Section, chart: RunReport.Chart) {
        let totals = run.costs.rows.filter { $0.group == "total" }
        let svg = AnnualCostChart(
            title: "Cost of placements per financial year", footer: footer,
            years: totals.map { .init(label: $0.period, median: $0.p50, p05: $0.p05, p95: $0.p95, budget: $0.budget) }).svg()
        let years = totals.map(\.period)
        var rows: [[String]] = []
        for group in run.costs.groups where group != "total" {
            let byYear = Dictionary(run.costs.rows.filter { $0.group == group }.map { ($0.period, $0.p50) }, uniquingKeysWith: { a, _ in a })
            rows.append([ReportText.label(group)] + years.map { byYear[$0].map { Money.short($0) } ?? "–" })
        }
        rows.append(["All placements"] + totals.map { Money.short($0.p50) })
        let hasBudget = totals.contains { $0.budget != nil }
        return (.init(
            heading: headingPrefix + "Cost per financial year" + (hasBudget ? " against budget" : ""),
            paragraphs: [
                "The projected cost of placements in each financial year (1 April to 31 March), at the weekly prices in the scenario. Each column is the median; the whisker shows the 90% interval\(hasBudget ? "; the dashed line is the budget" : "").",
                "The table gives the median cost of each type of placement. Medians of the parts do not add up exactly to the median of the total.",
            ],
            svg: svg, table: .init(header: ["Median cost"] + years, rows: rows)), chart("cost-by-year", svg))
    }

    private func gapSection() -> (section: HTMLReport.Section, chart: RunReport.Chart)? {
        guard let gap = run.gap else { return nil }
        let overflow = gap.rows.filter { $0.detail == Self.overflowMeasure }
        guard !overflow.isEmpty else { return nil }
        var dates: [String] = []
        var seen: Set<String> = []
        for row in gap.rows where seen.insert(row.period).inserted { dates.append(row.period) }
        let index = Dictionary(dates.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let groups = gap.groups.filter { group in group != "total" && overflow.contains { $0.group == group } }
        let lines = groups.map { group in
            var values = [Double](repeating: 0, count: dates.count)
            for row in gap.rows(group: group, detail: Self.overflowMeasure) { if let i = index[row.period] { values[i] = row.p50 } }
            return ChartSeries(name: ReportText.label(group), values: values)
        }
        let total = gap.rows(group: "total", detail: Self.overflowMeasure)
        let svg = SufficiencyGapChart(
            title: "Sufficiency gap: children placed beyond in-house capacity", footer: footer, dates: dates,
            p05: total.map(\.p05), p50: total.map(\.p50), p95: total.map(\.p95), lines: lines).svg()
        var paragraphs = ["When the council's own places are full (its foster carers, its children's homes), children are placed with external providers instead, usually at a higher cost and often further from home. Each line is the median number of children at each month end who needed a type of placement whose preferred provider was full."]
        if let capacity = capacitySentence(gap) { paragraphs.append(capacity) }
        let yearEnds = dates.filter { $0.hasSuffix("-03-31") }
        let rows = lines.map { line in
            [line.name] + yearEnds.map { date in index[date].map { ReportText.count(line.values[$0]) } ?? "–" }
        }
        let header = ["Placed beyond capacity (median)"] + yearEnds.map { "31 March " + $0.prefix(4) }
        return (.init(heading: headingPrefix + "Sufficiency gap", paragraphs: paragraphs, svg: svg,
                      table: yearEnds.isEmpty ? nil : .init(header: header, rows: rows)),
                chart("sufficiency-gap", svg))
    }

    /// "In-house places: in-house fostering 140; …", with a change over the run when there is one.
    private func capacitySentence(_ gap: QuantileTable) -> String? {
        let places = gap.groups.compactMap { group -> String? in
            let rows = gap.rows(group: group, detail: "places")
            guard let first = rows.first, let last = rows.last else { return nil }
            let start = ReportText.count(first.p50)
            let end = ReportText.count(last.p50)
            return "\(group) \(start)" + (start == end ? "" : " at the start, \(end) by \(ReportText.date(last.period))")
        }
        return places.isEmpty ? nil : "Places the council has (median): " + places.joined(separator: "; ") + "."
    }
}
