import Foundation

/// A yearly trend in entries to care, estimated from whole collection years of entries.
///
/// Method: log-linear Poisson regression of the yearly counts on the year,
/// log E[nᵢ] = a + b·tᵢ, fitted by maximum likelihood (Newton–Raphson, which for the canonical
/// log link is iteratively reweighted least squares). The standard error of *b* is the inverse
/// Fisher information, 1 / Σ μᵢ (tᵢ − t̄_μ)² with t̄_μ the μ-weighted mean year. The yearly growth is
/// e^b − 1, with standard error e^b · se(b) (delta method). The test of no trend is the Wald test
/// |b / se(b)| > 1.96 (5%, two-sided). The standard error assumes Poisson variation between years;
/// extra-Poisson variation (a wave of asylum-seeking children, a serious case review) makes it too
/// small, and three to five years cannot estimate that overdispersion usefully.
public struct EntryTrend: Sendable, Equatable {
    /// The whole collection years used and their entries.
    public var counts: [(year: CollectionYear, entries: Int)]
    /// The log-linear slope *b* per year and its standard error.
    public var slope: Double
    public var slopeStandardError: Double

    /// The fewest whole years a trend is estimated from.
    public static let minimumYears = 3

    public static func == (a: Self, b: Self) -> Bool {
        a.slope == b.slope && a.slopeStandardError == b.slopeStandardError
            && a.counts.map(\.year) == b.counts.map(\.year) && a.counts.map(\.entries) == b.counts.map(\.entries)
    }

    /// Yearly growth in entries, e^b − 1 (0.03 for 3% a year).
    public var growth: Double { exp(slope) - 1 }
    /// Standard error of ``growth`` by the delta method.
    public var growthStandardError: Double { exp(slope) * slopeStandardError }
    /// The Wald statistic b / se(b).
    public var z: Double { slopeStandardError > 0 ? slope / slopeStandardError : 0 }
    /// Whether the trend differs from zero at the 5% level (two-sided Wald test).
    public var isSignificant: Bool { abs(z) > 1.959964 }

    /// Fits the trend to yearly counts; nil with fewer than ``minimumYears`` years or no entries.
    /// - Complexity: O(*n*) per Newton step in the number of years; a few dozen steps at most.
    public static func fit(_ counts: [(year: CollectionYear, entries: Int)]) -> EntryTrend? {
        let counts = counts.sorted { $0.year < $1.year }
        let total = counts.reduce(0) { $0 + $1.entries }
        guard counts.count >= minimumYears, total > 0 else { return nil }
        let t = counts.map { Double($0.year.endingYear - counts[0].year.endingYear) }
        let n = counts.map { Double($0.entries) }
        let tBar = t.reduce(0, +) / Double(t.count)
        let x = t.map { $0 - tBar }
        // Start from the constant model; Newton steps on (a, b) with the 2×2 information matrix.
        var a = log(Double(total) / Double(counts.count)), b = 0.0
        for _ in 0..<50 {
            let mu = x.map { exp(a + b * $0) }
            let ga = zip(n, mu).reduce(0) { $0 + $1.0 - $1.1 }
            let gb = zip(zip(n, mu), x).reduce(0) { $0 + ($1.0.0 - $1.0.1) * $1.1 }
            let iaa = mu.reduce(0, +)
            let iab = zip(mu, x).reduce(0) { $0 + $1.0 * $1.1 }
            let ibb = zip(mu, x).reduce(0) { $0 + $1.0 * $1.1 * $1.1 }
            let det = iaa * ibb - iab * iab
            guard det > 0 else { return nil }
            let da = (ibb * ga - iab * gb) / det, db = (iaa * gb - iab * ga) / det
            a += da
            b += db
            if abs(da) < 1e-12, abs(db) < 1e-12 { break }
        }
        let mu = x.map { exp(a + b * $0) }
        let iaa = mu.reduce(0, +)
        let iab = zip(mu, x).reduce(0) { $0 + $1.0 * $1.1 }
        let ibb = zip(mu, x).reduce(0) { $0 + $1.0 * $1.1 * $1.1 }
        let det = iaa * ibb - iab * iab
        guard det > 0, b.isFinite else { return nil }
        return EntryTrend(counts: counts, slope: b, slopeStandardError: (iaa / det).squareRoot())
    }
}
