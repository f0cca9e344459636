/// One column per category with a 90% interval whisker, shared by the cost and difference charts.
enum IntervalColumns {
    /// Draws a column from zero to `median` and a whisker from `low` to `high` at each centre;
    /// labels each median above its whisker (below, for negatives) when the columns are wide enough.
    /// - Parameter markers: a value per column drawn across it (a budget), or nil; the label is
    ///   moved clear of it, so that the marker never runs through the figure.
    static func draw(
        on canvas: inout SVGCanvas, centres: [Double], band: Double, y: LinearScale,
        median: [Double], low: [Double], high: [Double], colour: String,
        markers: [Double?] = [], label: (Double) -> String
    ) {
        let columnWidth = min(72, band * 0.56)
        let capWidth = columnWidth * 0.4
        let labelled = band >= 52
        for index in centres.indices where index < median.count && index < low.count && index < high.count {
            let centre = centres[index]
            let top = min(y(median[index]), y(0))
            canvas.rect(x: centre - columnWidth / 2, y: top, width: columnWidth, height: abs(y(median[index]) - y(0)), fill: colour)
            let whiskerTop = min(y(high[index]), y(low[index]))
            let whiskerBottom = max(y(high[index]), y(low[index]))
            canvas.line(x1: centre, y1: whiskerTop, x2: centre, y2: whiskerBottom, stroke: ChartPalette.text, width: 1.5)
            canvas.line(x1: centre - capWidth / 2, y1: whiskerTop, x2: centre + capWidth / 2, y2: whiskerTop, stroke: ChartPalette.text, width: 1.5)
            canvas.line(x1: centre - capWidth / 2, y1: whiskerBottom, x2: centre + capWidth / 2, y2: whiskerBottom, stroke: ChartPalette.text, width: 1.5)
            if labelled {
                let above = median[index] >= 0
                var baseline = above ? whiskerTop - 6 : whiskerBottom + 15
                if index < markers.count, let marker = markers[index] {
                    // The label's glyphs span about 12 above the baseline to 3 below it.
                    let my = y(marker)
                    if my > baseline - labelHeight - 2 && my < baseline + 5 {
                        baseline = above ? min(baseline, my - 6) : max(baseline, my + labelHeight + 5)
                    }
                }
                canvas.text(label(median[index]), x: centre, y: baseline, size: 12, anchor: "middle", weight: "bold")
            }
        }
    }

    /// The height of a median label above its baseline (12-point bold digits).
    static let labelHeight = 12.0

    /// The lowest and highest value to show: zero and every interval end and extra value.
    static func extent(_ values: [Double]) -> (Double, Double) {
        (min(0, values.min() ?? 0), max(0, values.max() ?? 0))
    }
}
