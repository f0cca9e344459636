import Foundation

/// The entry trend: estimated from whole collection years, written only when significant, and damped.
extension ScenarioWriter {
    /// Moves from a type in one age band needed before that band gets its own mix in `to_by_age`.
    static let minimumMovesByAge = 20

    /// Writes `trend:` and, for a significant trend, the dated `changes` that carry it, each with the
    /// evidence behind it.
    ///
    /// The trend is the log-linear quasi-Poisson regression of ``EntryTrend``, fitted to the
    /// collection years wholly inside the window (at least ``EntryTrend/minimumYears``). When it is
    /// not significant at 5%, `trend: 0%`, with the estimate in the comment. When it is, it is
    /// written damped, never compounded undamped over the forecast: `trend: 0%`, then a step at the
    /// start that carries the window's average (centred half a window back) forward at the fitted
    /// trend, then one step on each anniversary of the start, of growth g·φᵏ in year *k*
    /// (φ = ``EntryTrend/damping``), so the forecast's entries level off.
    mutating func writeTrend() {
        let c = calibration
        let years = c.entriesByYear.keys.sorted().map { year in
            let whole = year.firstDay >= c.windowStart && year.lastDay < c.windowEnd
            return "\(year) \(c.entriesByYear[year]!.values.reduce(0, +))\(whole ? "" : " (part of the year)")"
        }
        let listed = years.isEmpty ? "" : "; entries by collection year: " + years.joined(separator: ", ")
        guard let trend = c.entryTrend else {
            line("  trend: 0%", "not estimated: fewer than \(EntryTrend.minimumYears) whole collection years in the window"
                 + " (a longer --window gives more)" + listed)
            return
        }
        let estimate = String(format: "%@ a year, se %@ (t = %.2f on %d df; dispersion %.2f)", Self.signedPercent(trend.growth),
                              Self.signedPercent(trend.growthStandardError, sign: false), trend.z, trend.degreesOfFreedom, trend.dispersion)
        let method = "log-linear quasi-Poisson regression of entries on year over \(trend.counts.count) whole collection years"
        line("  # entry trend: \(method)" + listed)
        guard trend.isSignificant else {
            line("  trend: 0%", "estimate \(estimate): not significant at 5%, so no trend")
            return
        }
        line("  trend: 0%", "estimate \(estimate): significant at 5%, written damped as the changes below")
        // per_year is the window's average, centred half a window before the start: carry it forward.
        let step = pow(1 + trend.growth, c.windowYears / 2) - 1
        line("  changes:", String(format: "a damped trend: growth in forecast year k is the trend times %.1f^k", EntryTrend.damping))
        line("    - {from: \(CivilDate.formatISO(c.asOf + 1)), change: \(Self.signedPercent(step, sign: false))}",
             String(format: "per_year is the average over the window, %.2f years before the start at its midpoint: grown to the start at the trend", c.windowYears / 2))
        for k in 1..<max(1, options.horizonYears) {
            let change = trend.growth * pow(EntryTrend.damping, Double(k))
            line("    - {from: \(CivilDate.formatISO(CivilDate.birthday(c.asOf + 1, age: k))), change: \(Self.signedPercent(change, sign: false))}")
        }
    }

    /// `2.35%` or, with `sign`, `+2.35%`.
    static func signedPercent(_ fraction: Double, sign: Bool = true) -> String {
        String(format: sign ? "%+.2f%%" : "%.2f%%", fraction * 100)
    }
}
