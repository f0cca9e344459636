import Foundation

/// The entry trend: estimated from whole collection years, written only when significant.
extension ScenarioWriter {
    /// Moves from a type in one age band needed before that band gets its own mix in `to_by_age`.
    static let minimumMovesByAge = 20

    /// Writes `trend:` (and, for a significant trend, a step change that carries the window's average
    /// rate forward to the start), each with the evidence behind it.
    ///
    /// The trend is the log-linear Poisson regression of ``EntryTrend``, fitted to the collection
    /// years wholly inside the window. It is written only when it differs from zero at the 5% level;
    /// otherwise `0%`, with the estimate and its standard error in the comment.
    mutating func writeTrend() {
        let c = calibration
        let years = c.entriesByYear.keys.sorted().map { year in
            let whole = year.firstDay >= c.windowStart && year.lastDay < c.windowEnd
            return "\(year) \(c.entriesByYear[year]!.values.reduce(0, +))\(whole ? "" : " (part of the year)")"
        }
        let listed = years.isEmpty ? "" : "; entries by collection year: " + years.joined(separator: ", ")
        guard let trend = c.entryTrend else {
            line("  trend: 0%", "not estimated: fewer than \(EntryTrend.minimumYears) whole collection years in the window" + listed)
            return
        }
        let estimate = String(format: "%@ a year, se %@ (z = %.2f)", Self.signedPercent(trend.growth),
                              Self.signedPercent(trend.growthStandardError, sign: false), trend.z)
        let method = "log-linear Poisson regression of entries on year over \(trend.counts.count) whole collection years"
        line("  # entry trend: \(method)" + listed)
        guard trend.isSignificant else {
            line("  trend: 0%", "estimate \(estimate): not significant at 5%, so no trend")
            return
        }
        line("  trend: \(Self.signedPercent(trend.growth, sign: false))", "estimate \(estimate): significant at 5%")
        // per_year is the window's average, centred half a window before the start: carry it forward.
        let step = pow(1 + trend.growth, c.windowYears / 2) - 1
        line("  changes:")
        line("    - {from: \(CivilDate.formatISO(c.asOf + 1)), change: \(Self.signedPercent(step, sign: false))}",
             String(format: "per_year is the average over the window, %.2f years before the start at its midpoint: grown to the start at the trend", c.windowYears / 2))
    }

    /// `2.35%` or, with `sign`, `+2.35%`.
    static func signedPercent(_ fraction: Double, sign: Bool = true) -> String {
        String(format: sign ? "%+.2f%%" : "%.2f%%", fraction * 100)
    }
}
