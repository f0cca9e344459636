/// One entry in a chart's legend and the swatch drawn beside its name.
struct LegendItem: Sendable {
    enum Swatch: Sendable {
        case band(colour: String, opacity: Double)
        case line(colour: String, dash: String?)
        case point
        case marker(colour: String)
        /// An interval drawn as its two edges: two thin dashed lines.
        case edges(colour: String, dash: String)
    }

    let name: String
    let swatch: Swatch
}

/// The parts every chart shares, at a fixed 800 × 450 size: title, legend rows, plot area,
/// value and time/category axes with titles, and the caller's footer line.
struct ChartFrame: Sendable {
    static let width = 800.0
    static let height = 450.0

    private(set) var canvas = SVGCanvas(width: width, height: height)
    let title: String
    let left = 84.0
    let right = width - 24
    let top: Double
    let bottom = height - 78

    init(title: String, footer: String, legend: [LegendItem] = []) {
        self.title = title
        canvas.text(title, x: 20, y: 30, size: 18, weight: "bold")
        canvas.text(footer, x: 20, y: Self.height - 12, size: 11, fill: ChartPalette.mutedText)
        let rows = Self.legendRows(legend, width: right - left)
        for (row, items) in rows.enumerated() {
            let y = 56 + Double(row) * 20
            for (item, x) in items {
                Self.drawSwatch(item.swatch, x: left + x, y: y, on: &canvas)
                canvas.text(item.name, x: left + x + 26, y: y + 4.5, size: 13)
            }
        }
        top = rows.isEmpty ? 52 : 56 + Double(rows.count) * 20
    }

    /// Legend items in rows that fit `width`, each with its x offset.
    static func legendRows(_ items: [LegendItem], width: Double) -> [[(LegendItem, Double)]] {
        var rows: [[(LegendItem, Double)]] = []
        var current: [(LegendItem, Double)] = []
        var x = 0.0
        for item in items {
            let itemWidth = 26 + SVGCanvas.textWidth(item.name, size: 13) + 22
            if x > 0 && x + itemWidth > width {
                rows.append(current)
                current = []
                x = 0
            }
            current.append((item, x))
            x += itemWidth
        }
        if !current.isEmpty { rows.append(current) }
        return rows
    }

    private static func drawSwatch(_ swatch: LegendItem.Swatch, x: Double, y: Double, on canvas: inout SVGCanvas) {
        switch swatch {
        case .band(let colour, let opacity):
            canvas.rect(x: x, y: y - 6, width: 20, height: 12, fill: colour, opacity: opacity)
        case .line(let colour, let dash):
            canvas.line(x1: x, y1: y, x2: x + 20, y2: y, stroke: colour, width: 2.5, dash: dash)
        case .point:
            canvas.circle(cx: x + 10, cy: y, r: 4, fill: ChartPalette.actual, stroke: "#ffffff", strokeWidth: 1.5)
        case .marker(let colour):
            canvas.line(x1: x, y1: y, x2: x + 20, y2: y, stroke: colour, width: 3, dash: "5 2")
        case .edges(let colour, let dash):
            canvas.line(x1: x, y1: y - 5, x2: x + 20, y2: y - 5, stroke: colour, width: 1.5, dash: dash)
            canvas.line(x1: x, y1: y + 5, x2: x + 20, y2: y + 5, stroke: colour, width: 1.5, dash: dash)
        }
    }

    /// Draws grid lines, tick labels and the rotated title of the value axis; returns its scale.
    mutating func drawValueAxis(_ axis: ValueAxis, title: String) -> LinearScale {
        let scale = LinearScale(domain: (axis.lower, axis.upper), range: (bottom, top))
        for (tick, label) in zip(axis.ticks, axis.labels) {
            let y = scale(tick)
            canvas.line(x1: left, y1: y, x2: right, y2: y, stroke: ChartPalette.grid)
            canvas.text(label, x: left - 8, y: y + 4.5, size: 13, anchor: "end", fill: ChartPalette.axis)
        }
        canvas.text(title, x: 22, y: (top + bottom) / 2, size: 14, anchor: "middle", fill: ChartPalette.axis, rotation: -90)
        return scale
    }

    /// Draws the zero line (when zero is inside the axis or its top) and the axis frame over the data.
    mutating func drawAxisLines(_ valueScale: LinearScale, axis: ValueAxis) {
        if axis.lower < 0 && axis.upper >= 0 {
            canvas.line(x1: left, y1: valueScale(0), x2: right, y2: valueScale(0), stroke: ChartPalette.text, width: 1.5)
        }
        canvas.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: ChartPalette.axis)
        canvas.line(x1: left, y1: top, x2: left, y2: bottom, stroke: ChartPalette.axis)
    }

    /// Draws financial-year ticks and labels under the plot; returns the time scale.
    mutating func drawTimeAxis(_ time: TimeAxis, title: String) -> LinearScale {
        let scale = LinearScale(domain: (time.lower, time.upper), range: (left + 6, right - 6))
        for month in time.monthStarts {
            canvas.line(x1: scale(month), y1: bottom, x2: scale(month), y2: bottom + 4, stroke: ChartPalette.axis)
        }
        for start in time.yearStarts {
            let x = scale(start)
            canvas.line(x1: x, y1: top, x2: x, y2: bottom, stroke: ChartPalette.grid)
            canvas.line(x1: x, y1: bottom, x2: x, y2: bottom + 10, stroke: ChartPalette.axis, width: 1.5)
        }
        for (label, position) in time.yearLabels(scale: scale, minimumGap: 62) {
            canvas.text(label, x: scale(position), y: bottom + 23, size: 13, anchor: "middle", fill: ChartPalette.axis)
        }
        canvas.text(title, x: (left + right) / 2, y: bottom + 50, size: 14, anchor: "middle", fill: ChartPalette.axis)
        return scale
    }

    /// Draws category labels under the plot; returns each category's centre and band width.
    mutating func drawCategoryAxis(_ labels: [String], title: String) -> (centres: [Double], band: Double) {
        let band = (right - left) / Double(max(1, labels.count))
        let centres = labels.indices.map { left + band * (Double($0) + 0.5) }
        let widest = labels.map { SVGCanvas.textWidth($0, size: 13) }.max() ?? 0
        let stride = max(1, Int(((widest + 12) / band).rounded(.up)))
        for (index, label) in labels.enumerated() where index % stride == 0 {
            canvas.text(label, x: centres[index], y: bottom + 23, size: 13, anchor: "middle", fill: ChartPalette.axis)
        }
        canvas.text(title, x: (left + right) / 2, y: bottom + 50, size: 14, anchor: "middle", fill: ChartPalette.axis)
        return (centres, band)
    }

    /// Writes a notice in the middle of the plot when there is nothing to draw.
    mutating func drawNoData() {
        canvas.text("No data to show", x: (left + right) / 2, y: (top + bottom) / 2, size: 14, anchor: "middle", fill: ChartPalette.mutedText)
    }

    /// Direct access for the chart's own layers.
    mutating func draw(_ body: (inout SVGCanvas) -> Void) { body(&canvas) }

    /// The finished standalone SVG document.
    func document() -> String { canvas.document(title: title) }
}
