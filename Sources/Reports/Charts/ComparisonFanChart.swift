/// A base scenario against a variant: each a median line and 90% interval, in two colours (the
/// variant's median dashed, so the two still differ in greyscale), with a legend naming them.
///
/// Only the base's interval is a shaded band; the variant's is drawn as two thin dashed lines at
/// its edges. Two translucent bands would blend where they overlap into a third colour that
/// matches neither legend swatch.
public struct ComparisonFanChart: Sendable {
    /// One scenario's monthly median and 90% interval.
    public struct Fan: Sendable {
        public var name: String
        public var p05: [Double]
        public var p50: [Double]
        public var p95: [Double]

        public init(name: String, p05: [Double], p50: [Double], p95: [Double]) {
            self.name = name
            self.p05 = p05
            self.p50 = p50
            self.p95 = p95
        }
    }

    public var title: String
    public var valueTitle: String
    public var footer: String
    /// Month-end dates `YYYY-MM-DD` shared by both fans.
    public var dates: [String]
    public var base: Fan
    public var variant: Fan
    public var format: ValueFormat

    public init(
        title: String, valueTitle: String, footer: String, dates: [String], base: Fan, variant: Fan,
        format: ValueFormat = .count
    ) {
        self.title = title
        self.valueTitle = valueTitle
        self.footer = footer
        self.dates = dates
        self.base = base
        self.variant = variant
        self.format = format
    }

    /// The dash of the lines at the edges of the variant's interval.
    static let edgeDash = "3 3"

    /// The chart as a standalone SVG document.
    public func svg() -> String {
        let styles = [
            (fan: base, colour: ChartPalette.primary, line: ChartPalette.primaryDark, dash: String?.none),
            (fan: variant, colour: ChartPalette.secondary, line: ChartPalette.secondaryDark, dash: "9 4"),
        ]
        let legend = [
            LegendItem(name: "\(base.name): median", swatch: .line(colour: ChartPalette.primaryDark, dash: nil)),
            LegendItem(name: "\(base.name): 90% interval", swatch: .band(colour: ChartPalette.primary, opacity: 0.25)),
            LegendItem(name: "\(variant.name): median", swatch: .line(colour: ChartPalette.secondaryDark, dash: "9 4")),
            LegendItem(name: "\(variant.name): 90% interval", swatch: .edges(colour: ChartPalette.secondary, dash: Self.edgeDash)),
        ]
        var frame = ChartFrame(title: title, footer: footer, legend: legend)
        let values = [base, variant].flatMap { $0.p05 + $0.p50 + $0.p95 }
        let axis = ValueAxis(covering: min(0, values.min() ?? 0), max(0, values.max() ?? 0), format: format)
        let y = frame.drawValueAxis(axis, title: valueTitle)
        let time = TimeAxis(dates: dates)
        let x = frame.drawTimeAxis(time, title: "Financial year (1 April to 31 March)")
        frame.draw { canvas in
            TimeLayers.band(on: &canvas, x: x, y: y, positions: time.positions, lower: base.p05, upper: base.p95, colour: ChartPalette.primary, opacity: 0.25)
            for edge in [variant.p05, variant.p95] {
                TimeLayers.line(on: &canvas, x: x, y: y, positions: time.positions, values: edge, colour: ChartPalette.secondary, width: 1.5, dash: Self.edgeDash)
            }
            for style in styles {
                TimeLayers.line(on: &canvas, x: x, y: y, positions: time.positions, values: style.fan.p50, colour: style.line, width: 2.5, dash: style.dash)
            }
        }
        if dates.isEmpty { frame.drawNoData() }
        frame.drawAxisLines(y, axis: axis)
        return frame.document()
    }
}
