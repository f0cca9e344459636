/// A monthly projection as a fan: the median line, the 50% band (25th–75th percentiles) and
/// the 90% band (5th–95th), with optional observed figures as dots, on a financial-year axis.
public struct FanChart: Sendable {
    /// An observed figure to show against the projection.
    public struct Observation: Sendable {
        public var date: String
        public var value: Double
        public init(date: String, value: Double) {
            self.date = date
            self.value = value
        }
    }

    public var title: String
    /// The value axis title, e.g. "Children in care".
    public var valueTitle: String
    /// The line under the chart naming scenario, seed and run date.
    public var footer: String
    /// Month-end dates `YYYY-MM-DD`, one per value.
    public var dates: [String]
    public var p05: [Double]
    public var p25: [Double]
    public var p50: [Double]
    public var p75: [Double]
    public var p95: [Double]
    public var actual: [Observation]
    public var format: ValueFormat

    public init(
        title: String, valueTitle: String, footer: String, dates: [String],
        p05: [Double], p25: [Double], p50: [Double], p75: [Double], p95: [Double],
        actual: [Observation] = [], format: ValueFormat = .count
    ) {
        self.title = title
        self.valueTitle = valueTitle
        self.footer = footer
        self.dates = dates
        self.p05 = p05
        self.p25 = p25
        self.p50 = p50
        self.p75 = p75
        self.p95 = p95
        self.actual = actual
        self.format = format
    }

    /// The chart as a standalone SVG document.
    public func svg() -> String {
        let count = [dates.count, p05.count, p25.count, p50.count, p75.count, p95.count].min() ?? 0
        let shownDates = Array(dates.prefix(count))
        let actualPositions = actual.map { TimeAxis.position($0.date) }
        let time = TimeAxis(dates: shownDates + actual.compactMap { TimeAxis.position($0.date) == nil ? nil : $0.date })
        var legend = [
            LegendItem(name: "Median", swatch: .line(colour: ChartPalette.primaryDark, dash: nil)),
            LegendItem(name: "50% interval", swatch: .band(colour: ChartPalette.primary, opacity: ChartPalette.innerBandOpacity + ChartPalette.outerBandOpacity)),
            LegendItem(name: "90% interval", swatch: .band(colour: ChartPalette.primary, opacity: ChartPalette.outerBandOpacity)),
        ]
        if !actual.isEmpty { legend.append(LegendItem(name: "Actual", swatch: .point)) }
        var frame = ChartFrame(title: title, footer: footer, legend: legend)
        let values = p05.prefix(count) + p95.prefix(count) + actual.map(\.value)
        let axis = ValueAxis(covering: min(0, values.min() ?? 0), max(0, values.max() ?? 0), format: format)
        let y = frame.drawValueAxis(axis, title: valueTitle)
        let x = frame.drawTimeAxis(time, title: "Financial year (1 April to 31 March)")
        let positions = Array(time.positions.prefix(count))
        frame.draw { canvas in
            TimeLayers.band(on: &canvas, x: x, y: y, positions: positions, lower: p05, upper: p95, colour: ChartPalette.primary, opacity: ChartPalette.outerBandOpacity)
            TimeLayers.band(on: &canvas, x: x, y: y, positions: positions, lower: p25, upper: p75, colour: ChartPalette.primary, opacity: ChartPalette.innerBandOpacity)
            TimeLayers.line(on: &canvas, x: x, y: y, positions: positions, values: p50, colour: ChartPalette.primaryDark)
            let observed = zip(actualPositions, actual).compactMap { position, point in position.map { ($0, point.value) } }
            TimeLayers.points(on: &canvas, x: x, y: y, positions: observed.map(\.0), values: observed.map(\.1))
        }
        if count == 0 && actual.isEmpty { frame.drawNoData() }
        frame.drawAxisLines(y, axis: axis)
        return frame.document()
    }
}
