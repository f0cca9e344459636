import Foundation
import Reports

extension PublishedBacktest {
    /// One line of the summary: a kind of measure at a horizon, over every council.
    public struct SummaryLine: Sendable {
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
    }

    public static let kinds = ["total", "age group", "placement", "starts", "ceased"]

    public var summary: [SummaryLine] {
        var lines: [SummaryLine] = []
        for kind in Self.kinds {
            for h in 1...years {
                let group = rows.filter { $0.kind == kind && $0.horizon == h && $0.actual > 0 }
                guard !group.isEmpty else { continue }
                let model = group.compactMap { Row.percentError($0.median, $0.actual) }
                let last = group.compactMap { Row.percentError($0.naiveLast, $0.actual) }
                let line = group.compactMap { Row.percentError($0.naiveLine, $0.actual) }
                lines.append(SummaryLine(
                    kind: kind, horizon: h, count: group.count, modelMedianAPE: Self.median(model), modelMeanAPE: Self.mean(model),
                    lastMedianAPE: last.isEmpty ? nil : Self.median(last), lastMeanAPE: last.isEmpty ? nil : Self.mean(last),
                    lineMedianAPE: line.isEmpty ? nil : Self.median(line),
                    coverage: 100 * Double(group.filter(\.inside).count) / Double(group.count),
                    relativeIntervalScore: Self.mean(group.map { 100 * $0.intervalScore / $0.actual })))
            }
        }
        return lines
    }

    /// Flow balance: the first simulated year's starts (or ceased) against the as-of year's, in
    /// standard errors of the as-of year's count (√n, Poisson), averaged over councils. Near 0 when
    /// the calibration reproduces the year it was calibrated on (ceased differ by design by the
    /// expected net flow, see docs/published-tables.md).
    public func flowBalance(_ kind: String) -> (meanZ: Double, councils: Int) {
        let z = rows.filter { $0.kind == kind && $0.horizon == 1 }.compactMap { r -> Double? in
            guard let last = r.naiveLast, last > 0 else { return nil }
            return (r.median - last) / last.squareRoot()
        }
        return (Self.mean(z), z.count)
    }

    static func median(_ v: [Double]) -> Double { v.isEmpty ? .nan : Summary.quantile(0.5, ofSorted: v.sorted()) }
    static func mean(_ v: [Double]) -> Double { v.isEmpty ? .nan : v.reduce(0, +) / Double(v.count) }

    /// The summary as a printed table.
    public var table: String {
        let councils = Set(rows.map(\.council.code))
        var out = "back-test from 31 March \(asOfYear), \(years) \(years == 1 ? "year" : "years") ahead, \(replications) replications, "
        out += councils.count == 1 ? "1 council (\(rows[0].council.name))" : "\(councils.count) councils"
        out += skipped.isEmpty ? "\n" : " (\(skipped.count) left out: see below)\n"
        if councils.count == 1 { out += forecasts + "\n" }
        out += "absolute % error of the median forecast (median / mean over cells) against the naive forecasts, 90% interval coverage\n"
        out += "(a cell is one council's figure for one year, age group or placement; 'last' carries the 31 March \(asOfYear) figure forward; "
        out += "'line' continues a straight line through the years before)\n\n"
        out += "measure      years  cells  model med  model mean  last med  last mean  line med  in 90%  interval score\n"
        func pct(_ v: Double?) -> String { v.map { String(format: "%.1f%%", $0) } ?? "n/a" }
        for l in summary {
            out += l.kind.padding(toLength: 12, withPad: " ", startingAt: 0)
            out += String(format: "%6d %6d", l.horizon, l.count)
            out += [pct(l.modelMedianAPE), pct(l.modelMeanAPE), pct(l.lastMedianAPE), pct(l.lastMeanAPE), pct(l.lineMedianAPE)]
                .map { $0.leftPadded(to: 11) }.joined()
            out += pct(l.coverage).leftPadded(to: 8) + pct(l.relativeIntervalScore).leftPadded(to: 16) + "\n"
        }
        out += "\n(interval score: the Winkler score of the 90% interval as a % of the actual, mean over cells; lower is better)\n"
        let (starts, ceased) = (flowBalance("starts"), flowBalance("ceased"))
        if starts.councils > 0 {
            out += String(format: "flow balance: the first simulated year's starts and ceased against those of the year to 31 March %d, in standard errors of that year's counts (√n)%@: starts %+.2f SE, ceased %+.2f SE (near 0: the calibration reproduces the year it was made on; ceased differ by design by the expected net flow)\n",
                          asOfYear, starts.councils == 1 ? "" : ", mean over \(starts.councils) councils", starts.meanZ, ceased.meanZ)
        }
        for s in skipped { out += "left out: \(s.council): \(s.reason)\n" }
        return out
    }

    /// For one council: each forecast beside what was published.
    var forecasts: String {
        var out = "\nforecast (median, 90% interval) against what was published:\n"
        for r in rows {
            let what = "\(r.measure), \(r.kind == "starts" || r.kind == "ceased" ? "year to " : "")31 March \(r.year)"
            out += "  " + what.padding(toLength: 58, withPad: " ", startingAt: 0)
            out += String(format: "%8.0f  (%.0f to %.0f)  published %.0f", r.median, r.p05, r.p95, r.actual)
            out += r.inside ? "\n" : "  outside\n"
        }
        return out
    }

    /// Every comparison, one row each.
    public var csv: String {
        var table = CSVTable(header: [
            "council", "code", "measure", "period", "horizon_years", "median", "p05", "p95", "actual", "error",
            "abs_pct_error", "inside_90", "interval_score", "naive_last", "naive_last_abs_pct_error", "naive_line",
            "naive_line_abs_pct_error",
        ])
        func optional(_ v: Double?, _ decimals: Int) -> CSVField { v.map { .number($0, decimals: decimals) } ?? .text("") }
        for r in rows {
            let period = r.kind == "starts" || r.kind == "ceased" ? "\(r.year - 1)/\(String(r.year).suffix(2))" : "31 March \(r.year)"
            table.rows.append([
                .text(r.council.name), .text(r.council.code), .text(r.measure), .text(period), .integer(r.horizon),
                .number(r.median, decimals: 1), .number(r.p05, decimals: 1), .number(r.p95, decimals: 1),
                .number(r.actual, decimals: 0), .number(r.median - r.actual, decimals: 1), optional(Row.percentError(r.median, r.actual), 2),
                .text(r.inside ? "yes" : "no"), .number(r.intervalScore, decimals: 1), optional(r.naiveLast, 1),
                optional(Row.percentError(r.naiveLast, r.actual), 2), optional(r.naiveLine, 1),
                optional(Row.percentError(r.naiveLine, r.actual), 2),
            ])
        }
        return table.rendered()
    }

    /// The summary as CSV.
    public var summaryCSV: String {
        var table = CSVTable(header: [
            "measure", "horizon_years", "cells", "model_median_ape", "model_mean_ape", "naive_last_median_ape",
            "naive_last_mean_ape", "naive_line_median_ape", "coverage_90", "mean_interval_score_pct",
        ])
        func optional(_ v: Double?) -> CSVField { v.map { .number($0, decimals: 2) } ?? .text("") }
        for l in summary {
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
