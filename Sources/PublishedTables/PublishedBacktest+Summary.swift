import Foundation
import Reports

extension PublishedBacktest {
    public typealias SummaryLine = BacktestSummaryLine

    public static let kinds = ["total", "age group", "placement", "starts", "ceased"]

    public var summary: [SummaryLine] {
        BacktestSummaryLine.lines(rows.map(\.comparison), kinds: Self.kinds, years: years)
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
        out += BacktestSummaryLine.table(summary)
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
    public var summaryCSV: String { BacktestSummaryLine.csv(summary) }
}

