/// Cost per financial year: a column of the median cost with a 90% interval whisker for each
/// year, and the budget as a dashed marker where one is given; pounds in short form (£1.2m).
public struct AnnualCostChart: Sendable {
    /// One financial year's projected cost and, if known, its budget.
    public struct Year: Sendable {
        /// The financial year, e.g. `2025/26`.
        public var label: String
        public var median: Double
        public var p05: Double
        public var p95: Double
        public var budget: Double?

        public init(label: String, median: Double, p05: Double, p95: Double, budget: Double? = nil) {
            self.label = label
            self.median = median
            self.p05 = p05
            self.p95 = p95
            self.budget = budget
        }
    }

    public var title: String
    public var footer: String
    public var years: [Year]
    public var valueTitle: String

    public init(title: String, footer: String, years: [Year], valueTitle: String = "Cost (median and 90% interval)") {
        self.title = title
        self.footer = footer
        self.years = years
        self.valueTitle = valueTitle
    }

    /// The chart as a standalone SVG document.
    public func svg() -> String {
        let hasBudget = years.contains { $0.budget != nil }
        var legend = [
            LegendItem(name: "Median cost", swatch: .band(colour: ChartPalette.primary, opacity: 1)),
            LegendItem(name: "90% interval", swatch: .line(colour: ChartPalette.text, dash: nil)),
        ]
        if hasBudget { legend.append(LegendItem(name: "Budget", swatch: .marker(colour: ChartPalette.budget))) }
        var frame = ChartFrame(title: title, footer: footer, legend: legend)
        let values = years.flatMap { [$0.median, $0.p05, $0.p95] + ($0.budget.map { [$0] } ?? []) }
        let (low, high) = IntervalColumns.extent(values)
        // Headroom so the value labels above the whiskers (or above a budget line) stay inside the plot.
        let axis = ValueAxis(covering: low, high + (high - low) * 0.12, format: .money)
        let y = frame.drawValueAxis(axis, title: valueTitle)
        let (centres, band) = frame.drawCategoryAxis(years.map(\.label), title: "Financial year")
        frame.draw { canvas in
            IntervalColumns.draw(
                on: &canvas, centres: centres, band: band, y: y, median: years.map(\.median),
                low: years.map(\.p05), high: years.map(\.p95), colour: ChartPalette.primary,
                markers: years.map(\.budget), label: { Money.short($0) })
            for (centre, year) in zip(centres, years) {
                guard let budget = year.budget else { continue }
                let half = min(50, band * 0.4)
                canvas.line(x1: centre - half, y1: y(budget), x2: centre + half, y2: y(budget), stroke: ChartPalette.budget, width: 3, dash: "6 3")
            }
        }
        if years.isEmpty { frame.drawNoData() }
        frame.drawAxisLines(y, axis: axis)
        return frame.document()
    }
}
