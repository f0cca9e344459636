/// Drawing of monthly series onto a chart: interval bands, lines and observed points.
/// A series of one point is drawn as a short bar and a dot, since it has no width.
enum TimeLayers {
    /// A filled band between `lower` and `upper` at `positions`.
    static func band(
        on canvas: inout SVGCanvas, x: LinearScale, y: LinearScale, positions: [Double],
        lower: [Double], upper: [Double], colour: String, opacity: Double
    ) {
        let count = min(positions.count, lower.count, upper.count)
        guard count > 0 else { return }
        if count == 1 {
            let top = min(y(upper[0]), y(lower[0]))
            canvas.rect(x: x(positions[0]) - 7, y: top, width: 14, height: abs(y(upper[0]) - y(lower[0])), fill: colour, opacity: opacity)
            return
        }
        let upperEdge = (0..<count).map { (x: x(positions[$0]), y: y(upper[$0])) }
        let lowerEdge = (0..<count).reversed().map { (x: x(positions[$0]), y: y(lower[$0])) }
        canvas.polygon(upperEdge + lowerEdge, fill: colour, opacity: opacity)
    }

    /// A line through `values` at `positions`.
    static func line(
        on canvas: inout SVGCanvas, x: LinearScale, y: LinearScale, positions: [Double],
        values: [Double], colour: String, width: Double = 2.5, dash: String? = nil
    ) {
        let count = min(positions.count, values.count)
        guard count > 0 else { return }
        if count == 1 {
            let cx = x(positions[0])
            let cy = y(values[0])
            canvas.line(x1: cx - 10, y1: cy, x2: cx + 10, y2: cy, stroke: colour, width: width, dash: dash)
            canvas.circle(cx: cx, cy: cy, r: 3.5, fill: colour)
            return
        }
        canvas.polyline((0..<count).map { (x: x(positions[$0]), y: y(values[$0])) }, stroke: colour, width: width, dash: dash)
    }

    /// Black dots with a white rim for observed figures.
    static func points(on canvas: inout SVGCanvas, x: LinearScale, y: LinearScale, positions: [Double], values: [Double]) {
        for (position, value) in zip(positions, values) {
            canvas.circle(cx: x(position), cy: y(value), r: 3.5, fill: ChartPalette.actual, stroke: "#ffffff", strokeWidth: 1.2)
        }
    }
}
