/// The sufficiency gap by month: children needing a place beyond in-house capacity, as a
/// median line with its 90% band, and/or one line per placement type.
public struct SufficiencyGapChart: Sendable {
    public var title: String
    public var valueTitle: String
    public var footer: String
    /// Month-end dates `YYYY-MM-DD`, one per value.
    public var dates: [String]
    /// The total overflow's 5th, 50th and 95th percentiles; leave empty to draw lines only.
    public var p05: [Double]
    public var p50: [Double]
    public var p95: [Double]
    /// Median overflow per placement type, drawn as lines in distinct colours and dashes.
    public var lines: [ChartSeries]

    public init(
        title: String, valueTitle: String = "Children placed beyond in-house capacity", footer: String,
        dates: [String], p05: [Double] = [], p50: [Double] = [], p95: [Double] = [], lines: [ChartSeries] = []
    ) {
        self.title = title
        self.valueTitle = valueTitle
        self.footer = footer
        self.dates = dates
        self.p05 = p05
        self.p50 = p50
        self.p95 = p95
        self.lines = lines
    }

    /// The chart as a standalone SVG document.
    public func svg() -> String {
        let hasTotal = !p50.isEmpty
        var legend: [LegendItem] = []
        if hasTotal {
            legend.append(LegendItem(name: "Median overflow", swatch: .line(colour: ChartPalette.primaryDark, dash: nil)))
            if !p05.isEmpty && !p95.isEmpty {
                legend.append(LegendItem(name: "90% interval", swatch: .band(colour: ChartPalette.primary, opacity: ChartPalette.outerBandOpacity)))
            }
        }
        // Line colours skip the first palette colour when the total uses it.
        let offset = hasTotal ? 1 : 0
        for (index, line) in lines.enumerated() {
            legend.append(LegendItem(name: line.name, swatch: .line(colour: ChartPalette.colour(index + offset), dash: ChartPalette.dash(index + offset))))
        }
        var frame = ChartFrame(title: title, footer: footer, legend: legend)
        let values = p05 + p50 + p95 + lines.flatMap(\.values)
        let axis = ValueAxis(covering: min(0, values.min() ?? 0), max(0, values.max() ?? 0), format: .count)
        let y = frame.drawValueAxis(axis, title: valueTitle)
        let time = TimeAxis(dates: dates)
        let x = frame.drawTimeAxis(time, title: "Financial year (1 April to 31 March)")
        frame.draw { canvas in
            TimeLayers.band(on: &canvas, x: x, y: y, positions: time.positions, lower: p05, upper: p95, colour: ChartPalette.primary, opacity: ChartPalette.outerBandOpacity)
            TimeLayers.line(on: &canvas, x: x, y: y, positions: time.positions, values: p50, colour: ChartPalette.primaryDark)
            for (index, line) in lines.enumerated() {
                TimeLayers.line(on: &canvas, x: x, y: y, positions: time.positions, values: line.values, colour: ChartPalette.colour(index + offset), width: 2.5, dash: ChartPalette.dash(index + offset))
            }
        }
        if dates.isEmpty || (!hasTotal && lines.isEmpty) { frame.drawNoData() }
        frame.drawAxisLines(y, axis: axis)
        return frame.document()
    }
}
