/// Named monthly series stacked as areas, e.g. median bed need by placement type, with a legend.
/// The first series sits at the bottom. Negative values cannot stack and are drawn as zero.
public struct StackedAreaChart: Sendable {
    public var title: String
    public var valueTitle: String
    public var footer: String
    /// Month-end dates `YYYY-MM-DD`, one per value.
    public var dates: [String]
    public var series: [ChartSeries]
    public var format: ValueFormat

    public init(
        title: String, valueTitle: String, footer: String, dates: [String], series: [ChartSeries],
        format: ValueFormat = .count
    ) {
        self.title = title
        self.valueTitle = valueTitle
        self.footer = footer
        self.dates = dates
        self.series = series
        self.format = format
    }

    /// The running totals: `stacks[k][i]` is the top of series `k` at month `i`; `stacks[0]` is zero.
    func stacks(count: Int) -> [[Double]] {
        var result = [[Double](repeating: 0, count: count)]
        for entry in series {
            let below = result[result.count - 1]
            result.append((0..<count).map { below[$0] + max(0, $0 < entry.values.count ? entry.values[$0] : 0) })
        }
        return result
    }

    /// The chart as a standalone SVG document.
    public func svg() -> String {
        let count = dates.count
        let legend = series.indices.map {
            LegendItem(name: series[$0].name, swatch: .band(colour: ChartPalette.colour($0), opacity: 1))
        }
        var frame = ChartFrame(title: title, footer: footer, legend: legend)
        let totals = stacks(count: count)
        let axis = ValueAxis(covering: 0, totals.last?.max() ?? 0, format: format)
        let y = frame.drawValueAxis(axis, title: valueTitle)
        let time = TimeAxis(dates: dates)
        let x = frame.drawTimeAxis(time, title: "Financial year (1 April to 31 March)")
        frame.draw { canvas in
            for index in series.indices {
                let lower = totals[index]
                let upper = totals[index + 1]
                let colour = ChartPalette.colour(index)
                if count == 1 {
                    let top = y(upper[0])
                    canvas.rect(x: x(time.positions[0]) - 12, y: top, width: 24, height: y(lower[0]) - top, fill: colour, stroke: "#ffffff", strokeWidth: 0.8)
                } else if count > 1 {
                    let upperEdge = (0..<count).map { (x: x(time.positions[$0]), y: y(upper[$0])) }
                    let lowerEdge = (0..<count).reversed().map { (x: x(time.positions[$0]), y: y(lower[$0])) }
                    canvas.polygon(upperEdge + lowerEdge, fill: colour, stroke: "#ffffff", strokeWidth: 0.8)
                }
            }
        }
        if count == 0 || series.isEmpty { frame.drawNoData() }
        frame.drawAxisLines(y, axis: axis)
        return frame.document()
    }
}
