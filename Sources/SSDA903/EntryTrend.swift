import Foundation

/// A yearly trend in entries to care, estimated from whole collection years of entries.
///
/// Method: log-linear quasi-Poisson regression of the yearly counts on the year,
/// log E[nᵢ] = a + b·tᵢ, fitted by maximum likelihood (Newton–Raphson, which for the canonical
/// log link is iteratively reweighted least squares). Counts of entries vary more between years
/// than a Poisson count would (a wave of asylum-seeking children, a serious case review), so the
/// Poisson standard error of *b*, 1 / √(Σ μᵢ (tᵢ − t̄_μ)²) with t̄_μ the μ-weighted mean year, is
/// scaled by √φ, φ the Pearson dispersion Σ (nᵢ − μᵢ)² / μᵢ ÷ (*k* − 2) over *k* years; and the
/// test of no trend compares b / se(b) with Student's *t* on *k* − 2 degrees of freedom (5%,
/// two-sided), as the dispersion is itself estimated from few points. At least five years are
/// needed: from three or four, a trend cannot be told from the noise with any confidence, and a
/// spurious one compounds over a forecast. The yearly growth is e^b − 1, with standard error
/// e^b · se(b) (delta method). A trend that passes is still written damped (see ``damping``).
public struct EntryTrend: Sendable, Equatable {
    /// The whole collection years used and their entries.
    public var counts: [(year: CollectionYear, entries: Int)]
    /// The log-linear slope *b* per year and its standard error (scaled by the dispersion).
    public var slope: Double
    public var slopeStandardError: Double
    /// The Pearson dispersion φ (1 for Poisson variation between years).
    public var dispersion: Double

    /// The fewest whole years a trend is estimated from.
    public static let minimumYears = 5

    /// Each forecast year's growth is this fraction of the year before's: a trend from a few years
    /// of data fades rather than compounds for the whole forecast (a damped trend, Gardner and
    /// McKenzie 1985; 0.8 is at the strong end of the usual 0.8–0.98).
    public static let damping = 0.8

    public static func == (a: Self, b: Self) -> Bool {
        a.slope == b.slope && a.slopeStandardError == b.slopeStandardError && a.dispersion == b.dispersion
            && a.counts.map(\.year) == b.counts.map(\.year) && a.counts.map(\.entries) == b.counts.map(\.entries)
    }

    /// Yearly growth in entries, e^b − 1 (0.03 for 3% a year).
    public var growth: Double { exp(slope) - 1 }
    /// Standard error of ``growth`` by the delta method.
    public var growthStandardError: Double { exp(slope) * slopeStandardError }
    /// The statistic b / se(b) (infinite when the counts lie exactly on a curve that is not flat).
    public var z: Double {
        if slopeStandardError > 0 { return slope / slopeStandardError }
        return slope == 0 ? 0 : (slope > 0 ? .infinity : -.infinity)
    }
    /// Degrees of freedom of the test: years less the two parameters.
    public var degreesOfFreedom: Int { counts.count - 2 }
    /// Whether the trend differs from zero at the 5% level (two-sided *t* test).
    public var isSignificant: Bool { abs(z) > Self.criticalValue(degreesOfFreedom) }

    /// The two-sided 5% critical value of Student's *t* on `df` degrees of freedom (tables to 30,
    /// then 1.96 + 2.5/df, within 0.002 of the exact value).
    public static func criticalValue(_ df: Int) -> Double {
        let table = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
                     2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]
        guard df >= 1 else { return .infinity }
        return df <= table.count ? table[df - 1] : 1.959964 + 2.5 / Double(df)
    }

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
        let pearson = zip(n, mu).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) / $1.1 }
        let dispersion = pearson / Double(counts.count - 2)
        return EntryTrend(counts: counts, slope: b, slopeStandardError: (iaa / det * dispersion).squareRoot(), dispersion: dispersion)
    }
}
