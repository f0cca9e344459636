/// A monthly time axis: month-end dates `YYYY-MM-DD` placed on a continuous month scale,
/// with ticks at 1 April and each financial year (`2025/26`) labelled between its ticks.
struct TimeAxis: Sendable {
    /// Each date's position in months since year 0 (the end of a month is the start of the next).
    let positions: [Double]
    /// The visible span of positions.
    let lower: Double
    let upper: Double
    /// Whether every date parsed; if not, positions are indices and there are no year labels.
    let isCalendar: Bool

    init(dates: [String]) {
        let parsed = dates.map(Self.position)
        if !parsed.isEmpty, parsed.allSatisfy({ $0 != nil }) {
            positions = parsed.map { $0! }
            isCalendar = true
        } else {
            positions = dates.indices.map(Double.init)
            isCalendar = false
        }
        var low = positions.min() ?? 0
        var high = positions.max() ?? 12
        if high - low < 1e-9 {
            low -= 0.5
            high += 0.5
        }
        lower = low
        upper = high
    }

    /// The position of `YYYY-MM-DD` in months since year 0, or nil if it is not such a date.
    static func position(_ date: String) -> Double? {
        let parts = date.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month)
        else { return nil }
        let length = daysInMonth(year: year, month: month)
        guard (1...length).contains(day) else { return nil }
        return Double(year * 12 + month - 1) + Double(day) / Double(length)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The financial year label for the year starting 1 April `year`: `2025/26`.
    static func financialYearLabel(_ year: Int) -> String {
        let next = (year + 1) % 100
        return "\(year)/" + (next < 10 ? "0\(next)" : "\(next)")
    }

    /// Positions of 1 April inside the visible span (the major ticks).
    var yearStarts: [Double] {
        guard isCalendar else { return [] }
        let first = Int(((lower - 3) / 12).rounded(.up))
        let last = Int(((upper - 3) / 12).rounded(.down))
        guard first <= last else { return [] }
        return (first...last).map { Double($0 * 12 + 3) }
    }

    /// Month-ends inside the visible span (the minor ticks).
    var monthStarts: [Double] {
        guard isCalendar, upper - lower <= 72 else { return [] }
        return Array(Int(lower.rounded(.up))...Int(upper.rounded(.down))).map(Double.init)
    }

    /// Financial-year labels with the centre of the visible part of each year, skipping years
    /// so that labels at least `minimumGap` pixels apart fit, and parts too narrow to label.
    func yearLabels(scale: LinearScale, minimumGap: Double) -> [(label: String, position: Double)] {
        guard isCalendar else { return [] }
        let firstYear = Int(((lower - 3) / 12).rounded(.down))
        let lastYear = Int(((upper - 3) / 12).rounded(.down))
        let pixelsPerYear = abs(scale(12) - scale(0))
        let stride = max(1, Int((minimumGap / max(pixelsPerYear, 1)).rounded(.up)))
        var result: [(label: String, position: Double)] = []
        for year in firstYear...lastYear where (year - firstYear) % stride == 0 {
            let start = max(lower, Double(year * 12 + 3))
            let end = min(upper, Double(year * 12 + 15))
            // A label also has the room of the unlabelled years after it.
            let room = abs(scale(end) - scale(start)) + Double(stride - 1) * pixelsPerYear
            guard room >= minimumGap * 0.8 || firstYear == lastYear else { continue }
            result.append((Self.financialYearLabel(year), (start + end) / 2))
        }
        return result
    }
}
