/// The difference a variant makes, per financial year: a column of the median of
/// (variant − base) with a 90% interval bar, against an emphasised zero line.
public struct DifferenceChart: Sendable {
    /// One financial year's difference, variant minus base.
    public struct Year: Sendable {
        /// The financial year, e.g. `2025/26`.
        public var label: String
        public var median: Double
        public var p05: Double
        public var p95: Double

        public init(label: String, median: Double, p05: Double, p95: Double) {
            self.label = label
            self.median = median
            self.p05 = p05
            self.p95 = p95
        }
    }

    public var title: String
    /// The value axis title, e.g. "Change in cost (variant − base)".
    public var valueTitle: String
    public var footer: String
    public var years: [Year]
    public var format: ValueFormat

    public init(title: String, valueTitle: String, footer: String, years: [Year], format: ValueFormat = .money) {
        self.title = title
        self.valueTitle = valueTitle
        self.footer = footer
        self.years = years
        self.format = format
    }

    /// A signed data label: `+£0.4m`, `-£1.2m`, `+12`, `0`.
    func label(_ value: Double) -> String {
        let text = ValueAxis.label(value, format: format)
        return value > 0 && text != "0" && text != "£0" ? "+" + text : text
    }

    /// The chart as a standalone SVG document.
    public func svg() -> String {
        let legend = [
            LegendItem(name: "Median difference", swatch: .band(colour: ChartPalette.secondary, opacity: 1)),
            LegendItem(name: "90% interval", swatch: .line(colour: ChartPalette.text, dash: nil)),
        ]
        var frame = ChartFrame(title: title, footer: footer, legend: legend)
        let (low, high) = IntervalColumns.extent(years.flatMap { [$0.median, $0.p05, $0.p95] })
        let headroom = (high - low) * 0.08
        let axis = ValueAxis(covering: low < 0 ? low - headroom : low, high > 0 ? high + headroom : high, format: format)
        let y = frame.drawValueAxis(axis, title: valueTitle)
        let (centres, band) = frame.drawCategoryAxis(years.map(\.label), title: "Financial year")
        frame.draw { canvas in
            IntervalColumns.draw(
                on: &canvas, centres: centres, band: band, y: y, median: years.map(\.median),
                low: years.map(\.p05), high: years.map(\.p95), colour: ChartPalette.secondary, label: label)
        }
        if years.isEmpty { frame.drawNoData() }
        // Draws the zero line over the columns whenever zero lies inside the axis.
        frame.drawAxisLines(y, axis: axis)
        return frame.document()
    }
}
