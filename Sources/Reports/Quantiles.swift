/// The mean and five quantiles of a sample, as the projections report them.
///
/// Quantiles follow **one** definition throughout the project: Hyndman & Fan (1996),
/// "Sample quantiles in statistical packages", *The American Statistician* 50(4), definition 7.
/// For sorted values x₀ ≤ … ≤ xₙ₋₁ and probability p, let h = (n − 1)·p, j = ⌊h⌋ and
/// g = h − j; the quantile is xⱼ + g·(xⱼ₊₁ − xⱼ) (just xⱼ when g = 0). It is linear
/// interpolation between order statistics, the default of R (`quantile(type = 7)`) and NumPy
/// (`numpy.quantile`, method "linear"), and what Excel computes in `PERCENTILE.INC`, so an
/// analyst can reproduce every figure from the replication-level CSV in a spreadsheet.
package struct Summary: Sendable, Equatable {
    /// The arithmetic mean.
    package var mean: Double
    /// The 5th percentile.
    package var p05: Double
    /// The lower quartile.
    package var p25: Double
    /// The median.
    package var p50: Double
    /// The upper quartile.
    package var p75: Double
    /// The 95th percentile.
    package var p95: Double

    /// A summary from its six figures.
    package init(mean: Double, p05: Double, p25: Double, p50: Double, p75: Double, p95: Double) {
        self.mean = mean
        self.p05 = p05
        self.p25 = p25
        self.p50 = p50
        self.p75 = p75
        self.p95 = p95
    }

    /// The summary of `values`, which are sorted in place (ascending) as a side effect.
    ///
    /// The mean is summed *after* sorting, in ascending order, so every figure depends only
    /// on the multiset of values: the same replications in any order (one thread or many,
    /// any completion order) give bit-identical summaries.
    ///
    /// - Precondition: `values` is non-empty and every value is finite.
    /// - Complexity: O(*n* log *n*) for the sort; O(*n*) more for the mean, O(1) per quantile.
    /// Summaries of `count` figures at once, over `replications`: `fill(r, &figures)` writes
    /// replication *r*'s value of every figure, so a replication's tally is read once for all of
    /// them (a month of bed need is hundreds of figures).
    package static func of(count: Int, replications: Int, _ fill: (Int, inout [Double]) -> Void) -> [Summary] {
        var values = [[Double]](repeating: [Double](repeating: 0, count: replications), count: count)
        var figures = [Double](repeating: 0, count: count)
        for r in 0..<replications {
            fill(r, &figures)
            for k in 0..<count { values[k][r] = figures[k] }
        }
        return values.indices.map { of(&values[$0]) }
    }

    package static func of(_ values: inout [Double]) -> Summary {
        precondition(!values.isEmpty, "a summary needs at least one value")
        precondition(values.allSatisfy(\.isFinite), "a summary needs finite values")
        values.sort()
        var total = 0.0
        for value in values { total += value }
        return Summary(
            mean: total / Double(values.count),
            p05: quantile(0.05, ofSorted: values),
            p25: quantile(0.25, ofSorted: values),
            p50: quantile(0.50, ofSorted: values),
            p75: quantile(0.75, ofSorted: values),
            p95: quantile(0.95, ofSorted: values))
    }

    /// The quantile at probability `p` of ascending `sorted` values, by Hyndman & Fan definition 7.
    ///
    /// - Precondition: `sorted` is non-empty and ascending; `0 <= p <= 1`.
    /// - Complexity: O(1).
    package static func quantile(_ p: Double, ofSorted sorted: [Double]) -> Double {
        precondition(!sorted.isEmpty, "a quantile needs at least one value")
        precondition((0...1).contains(p), "a quantile's probability must be from 0 to 1, got \(p)")
        let h = Double(sorted.count - 1) * p
        let j = Int(h.rounded(.down))
        let g = h - Double(j)
        guard g > 0, j + 1 < sorted.count else { return sorted[j] }
        return sorted[j] + g * (sorted[j + 1] - sorted[j])
    }
}
