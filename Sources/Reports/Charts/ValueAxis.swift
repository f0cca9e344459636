/// Maps a value domain linearly onto a pixel range; a zero-width domain maps to the middle.
struct LinearScale: Sendable {
    let domain: (lower: Double, upper: Double)
    let range: (start: Double, end: Double)

    init(domain: (Double, Double), range: (Double, Double)) {
        self.domain = (lower: domain.0, upper: domain.1)
        self.range = (start: range.0, end: range.1)
    }

    func callAsFunction(_ value: Double) -> Double {
        let span = domain.upper - domain.lower
        guard span.isFinite, span != 0, value.isFinite else { return (range.start + range.end) / 2 }
        return range.start + (value - domain.lower) / span * (range.end - range.start)
    }
}

/// What the values on a chart's value axis are, which decides how ticks are written.
public enum ValueFormat: Sendable {
    /// Children, beds or places: `1,200`.
    case count
    /// Pounds in short form with one unit for the whole axis: `£1.5m`; negatives `-£0.5m`.
    case money
}

/// Tick values for a value axis: "nice" steps of 1, 2 or 5 × 10ⁿ covering the data (no 2.5,
/// which would need two decimals on a money axis: £0.25m).
struct ValueAxis: Sendable {
    let ticks: [Double]
    let step: Double
    let format: ValueFormat

    var lower: Double { ticks.first ?? 0 }
    var upper: Double { ticks.last ?? 1 }

    /// Ticks covering `lower...upper` in about `target` steps; steps are at least 1 (counts
    /// and pounds are whole); a zero-width span is stretched to zero, or to `0...5` at zero.
    init(covering lower: Double, _ upper: Double, format: ValueFormat, target: Int = 5) {
        var low = lower.isFinite ? lower : 0
        var high = upper.isFinite ? upper : 0
        if low > high { swap(&low, &high) }
        if high - low < 1e-9 {
            // One value (or none): show it against zero, or 0…5 when everything is zero.
            if high > 0 { low = 0 } else if low < 0 { high = 0 } else { high = 5 }
        }
        let step = Self.niceStep((high - low) / Double(max(1, target)))
        let first = (low / step).rounded(.down)
        let last = (high / step).rounded(.up)
        let count = Int(last - first)
        self.step = step
        self.format = format
        self.ticks = (0...max(1, count)).map { (first + Double($0)) * step }
    }

    /// The smallest of 1, 2, 5, 10 × 10ⁿ at least `rough`, and never below 1.
    static func niceStep(_ rough: Double) -> Double {
        guard rough.isFinite, rough > 1 else { return 1 }
        var magnitude = 1.0
        while magnitude * 10 <= rough { magnitude *= 10 }
        for factor in [1.0, 2, 5, 10] where factor * magnitude >= rough - 1e-9 {
            return factor * magnitude
        }
        return 10 * magnitude
    }

    /// Labels for every tick, written alike (one unit and one number of decimals per axis).
    var labels: [String] {
        switch format {
        case .count:
            let places = DecimalText.decimals(forStep: step)
            return ticks.map { DecimalText.fixed($0, places, grouped: true) }
        case .money:
            let largest = ticks.map(abs).max() ?? 0
            let unit = Money.Unit.fitting(largest)
            let places = DecimalText.decimals(forStep: step / unit.pounds)
            return ticks.map { $0 == 0 ? "£0" : Money.short($0, in: unit, decimals: places) }
        }
    }

    /// One value written as this axis writes it, for data labels.
    static func label(_ value: Double, format: ValueFormat) -> String {
        switch format {
        case .count: DecimalText.fixed(value, abs(value) < 10 && value != value.rounded() ? 1 : 0, grouped: true)
        case .money: Money.short(value)
        }
    }
}
