import Foundation

/// One forecast of a back-test beside what happened and beside two naive forecasts: the as-of
/// value carried forward ("last") and a straight line through the years up to the as-of date
/// ("line"). Both back-tests (the published tables' and a council's 903 return's) score with it.
public struct BacktestComparison: Sendable {
    /// The kind of measure, for the summary: `total`, `age group`, `placement`, `starts`, `ceased`.
    public var kind: String
    public var horizon: Int
    public var median: Double
    public var p05: Double
    public var p95: Double
    public var actual: Double
    public var naiveLast: Double?
    public var naiveLine: Double?

    public init(kind: String, horizon: Int, median: Double, p05: Double, p95: Double, actual: Double,
                naiveLast: Double?, naiveLine: Double?) {
        self.kind = kind
        self.horizon = horizon
        self.median = median
        self.p05 = p05
        self.p95 = p95
        self.actual = actual
        self.naiveLast = naiveLast
        self.naiveLine = naiveLine
    }

    public var inside: Bool { p05 <= actual && actual <= p95 }
    /// The Winkler interval score of the 90% interval (lower is better; it rewards a narrow
    /// interval only when it holds the actual): width + 20 × how far the actual falls outside.
    public var intervalScore: Double {
        BacktestComparison.intervalScore(p05: p05, p95: p95, actual: actual)
    }
    public static func intervalScore(p05: Double, p95: Double, actual: Double) -> Double {
        (p95 - p05) + 20 * max(0, p05 - actual) + 20 * max(0, actual - p95)
    }
    /// |forecast − actual| / actual in %; `nil` without a forecast or when the actual is 0.
    public static func percentError(_ forecast: Double?, _ actual: Double) -> Double? {
        guard let forecast, actual > 0 else { return nil }
        return abs(forecast - actual) / actual * 100
    }

    /// The least-squares line through `points`, at `x` (never below 0); `nil` with fewer than two points.
    public static func line(_ points: [(Double, Double)], at x: Double) -> Double? {
        guard points.count >= 2 else { return nil }
        let n = Double(points.count)
        let mx = points.reduce(0) { $0 + $1.0 } / n, my = points.reduce(0) { $0 + $1.1 } / n
        let sxx = points.reduce(0) { $0 + ($1.0 - mx) * ($1.0 - mx) }
        let sxy = points.reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        return max(0, my + sxy / sxx * (x - mx))
    }
}

/// One line of a back-test's summary: a kind of measure at a horizon, over its cells.
public struct BacktestSummaryLine: Sendable {
    public var kind: String
    public var horizon: Int
    public var count: Int
    /// Median and mean absolute % error of the model's median, and of the two naive forecasts.
    public var modelMedianAPE: Double
    public var modelMeanAPE: Double
    public var lastMedianAPE: Double?
    public var lastMeanAPE: Double?
    public var lineMedianAPE: Double?
    /// Share of actuals inside the 90% interval, in %.
    public var coverage: Double
    /// Mean interval score as a % of the actual.
    public var relativeIntervalScore: Double

    /// The summary of `comparisons` by kind (in the order of `kinds`) and horizon. Cells whose
    /// actual is 0 are left out: a % error of 0 is not defined.
    public static func lines(_ comparisons: [BacktestComparison], kinds: [String], years: Int) -> [BacktestSummaryLine] {
        var lines: [BacktestSummaryLine] = []
        for kind in kinds {
            for h in 1...max(1, years) {
                let group = comparisons.filter { $0.kind == kind && $0.horizon == h && $0.actual > 0 }
                guard !group.isEmpty else { continue }
                let model = group.compactMap { BacktestComparison.percentError($0.median, $0.actual) }
                let last = group.compactMap { BacktestComparison.percentError($0.naiveLast, $0.actual) }
                let line = group.compactMap { BacktestComparison.percentError($0.naiveLine, $0.actual) }
                lines.append(BacktestSummaryLine(
                    kind: kind, horizon: h, count: group.count, modelMedianAPE: median(model), modelMeanAPE: mean(model),
                    lastMedianAPE: last.isEmpty ? nil : median(last), lastMeanAPE: last.isEmpty ? nil : mean(last),
                    lineMedianAPE: line.isEmpty ? nil : median(line),
                    coverage: 100 * Double(group.filter(\.inside).count) / Double(group.count),
                    relativeIntervalScore: mean(group.map { 100 * $0.intervalScore / $0.actual })))
            }
        }
        return lines
    }

    static func median(_ v: [Double]) -> Double { v.isEmpty ? .nan : Summary.quantile(0.5, ofSorted: v.sorted()) }
    static func mean(_ v: [Double]) -> Double { v.isEmpty ? .nan : v.reduce(0, +) / Double(v.count) }

    /// The summary as a printed table, with its footnote on the interval score.
    public static func table(_ lines: [BacktestSummaryLine]) -> String {
        var out = "measure      years  cells  model med  model mean  last med  last mean  line med  in 90%  interval score\n"
        func pct(_ v: Double?) -> String { v.map { String(format: "%.1f%%", $0) } ?? "n/a" }
        let width = max(12, (lines.map(\.kind.count).max() ?? 0) + 1)
        if width > 12 { out = "measure".padding(toLength: width, withPad: " ", startingAt: 0) + out.dropFirst(12) }
        for l in lines {
            out += l.kind.padding(toLength: width, withPad: " ", startingAt: 0)
            out += String(format: "%6d %6d", l.horizon, l.count)
            out += [pct(l.modelMedianAPE), pct(l.modelMeanAPE), pct(l.lastMedianAPE), pct(l.lastMeanAPE), pct(l.lineMedianAPE)]
                .map { $0.leftPadded(to: 11) }.joined()
            out += pct(l.coverage).leftPadded(to: 8) + pct(l.relativeIntervalScore).leftPadded(to: 16) + "\n"
        }
        out += "\n(interval score: the Winkler score of the 90% interval as a % of the actual, mean over cells; lower is better)\n"
        return out
    }

    /// The summary as CSV (`backtest-summary.csv`).
    public static func csv(_ lines: [BacktestSummaryLine]) -> String {
        var table = CSVTable(header: [
            "measure", "horizon_years", "cells", "model_median_ape", "model_mean_ape", "naive_last_median_ape",
            "naive_last_mean_ape", "naive_line_median_ape", "coverage_90", "mean_interval_score_pct",
        ])
        func optional(_ v: Double?) -> CSVField { v.map { .number($0, decimals: 2) } ?? .text("") }
        for l in lines {
            table.rows.append([.text(l.kind), .integer(l.horizon), .integer(l.count), .number(l.modelMedianAPE, decimals: 2),
                               .number(l.modelMeanAPE, decimals: 2), optional(l.lastMedianAPE), optional(l.lastMeanAPE),
                               optional(l.lineMedianAPE), .number(l.coverage, decimals: 1), .number(l.relativeIntervalScore, decimals: 2)])
        }
        return table.rendered()
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? " " + self : String(repeating: " ", count: width - count) + self
    }
}
