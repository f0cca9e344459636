import Foundation

/// The statistical pieces of a calibration from published margins.
public enum Estimation {
    /// Iterative proportional fitting (Deming & Stephan 1940): the table nearest `prior` (in the
    /// Kullback–Leibler sense) whose rows add up to `rows` and whose columns add up to `columns`.
    /// The margins are first scaled to the same total (the rows' total). Cells that are 0 in the
    /// prior stay 0; when no table with that pattern meets both margins, the fit stops after
    /// `iterations` with the rows met and the columns as near as the pattern allows.
    public static func fit(prior: [[Double]], rows: [Double], columns: [Double], iterations: Int = 500) -> [[Double]] {
        let total = rows.reduce(0, +), columnTotal = columns.reduce(0, +)
        guard total > 0, columnTotal > 0 else { return prior.map { $0.map { _ in 0 } } }
        let target = columns.map { $0 * total / columnTotal }
        var table = prior
        for _ in 0..<iterations {
            for j in target.indices {
                let sum = table.reduce(0) { $0 + $1[j] }
                if sum > 0 { for i in table.indices { table[i][j] *= target[j] / sum } }
            }
            var worst = 0.0
            for i in rows.indices {
                let sum = table[i].reduce(0, +)
                if sum > 0 { for j in table[i].indices { table[i][j] *= rows[i] / sum } }
                worst = max(worst, abs(sum - rows[i]))
            }
            if worst < 1e-9 * max(total, 1) { break }
        }
        return table
    }

    /// Empirical-Bayes shrinkage of Poisson rates across areas (a gamma prior fitted by the method
    /// of moments): with events *eᵢ* over exposures *xᵢ*, the pooled rate is r₀ = Σe/Σx and the
    /// between-area variance of the true rates is τ² = max(0, (Σxᵢ(rᵢ − r₀)² − (n − 1)r₀) / (Σx − Σx²/Σx))
    /// (DerSimonian & Laird's estimator for rates). The prior is worth k = r₀/τ² years of exposure,
    /// so an area's rate becomes (e + k·r₀)/(x + k): a council with a few years of exposure is
    /// pulled towards the pool, one with many keeps its own. With no variance between areas
    /// beyond chance, k is capped at `maxPseudoYears`.
    public struct Prior: Sendable, Equatable {
        public var rate: Double
        public var pseudoYears: Double
    }

    public static func prior(events: [Double], exposures: [Double], maxPseudoYears: Double) -> Prior {
        let pairs = zip(events, exposures).filter { $0.1 > 0 }
        let e = pairs.reduce(0) { $0 + $1.0 }, x = pairs.reduce(0) { $0 + $1.1 }
        guard x > 0, pairs.count > 1 else { return Prior(rate: x > 0 ? e / x : 0, pseudoYears: 0) }
        let r0 = e / x
        let q = pairs.reduce(0) { $0 + $1.1 * pow($1.0 / $1.1 - r0, 2) }
        let x2 = pairs.reduce(0) { $0 + $1.1 * $1.1 }
        let tau2 = max(0, (q - Double(pairs.count - 1) * r0) / (x - x2 / x))
        let k = tau2 > 0 ? min(r0 / tau2, maxPseudoYears) : maxPseudoYears
        return Prior(rate: r0, pseudoYears: r0 > 0 ? k : 0)
    }

    /// The year-to-year variability of a rate, from areas' yearly counts: for consecutive years the
    /// change d = ln(rate₂) − ln(rate₁) of a log rate that takes a random walk with steps of
    /// variance σ², observed through Poisson counts n₁ and n₂, has E[d²] ≈ σ² + 1/n₁ + 1/n₂. So
    /// σ² is estimated by the mean of d² − 1/n₁ − 1/n₂ over every area and pair of years (areas
    /// with fewer than `minimumCount` events in a year are left out: the approximation needs
    /// counts well away from 0). Returns σ and the number of pairs.
    public static func randomWalkSD(_ series: [[(count: Double, exposure: Double)]], minimumCount: Double = 20)
        -> (sd: Double, pairs: Int)
    {
        var sum = 0.0, n = 0
        for area in series {
            for (a, b) in zip(area, area.dropFirst()) where a.count >= minimumCount && b.count >= minimumCount
                && a.exposure > 0 && b.exposure > 0 {
                let d = log(b.count / b.exposure) - log(a.count / a.exposure)
                sum += d * d - 1 / a.count - 1 / b.count
                n += 1
            }
        }
        return (n > 0 ? max(0, sum / Double(n)).squareRoot() : 0, n)
    }

    /// The year-to-year drift of areas' mixes over categories (a mix of new placements by where
    /// they are made, say), for a model in which each category's weight takes its own random walk
    /// on the log scale with steps of variance σ² and the mix is the weights normalised. Within a
    /// pair of consecutive years, the changes in log count dₖ = ln(bₖ/aₖ) less their mean over the
    /// K categories do not depend on the normalising (or on the total): their sum of squares has
    /// expectation (K − 1)σ² + (1 − 1/K)Σ(1/aₖ + 1/bₖ), the walks' part and the Poisson counts'.
    /// So σ² is estimated by Σ(Σdₖ² less the Poisson part) over Σ(K − 1), over every area and pair
    /// of consecutive years, using the categories counted at least `minimumCount` times in both
    /// (`nil` years break the pairs). Returns σ and the number of pairs of years used.
    public static func mixDriftSD(_ series: [[[String: Double]?]], minimumCount: Double = 10) -> (sd: Double, pairs: Int) {
        var sum = 0.0, degrees = 0.0, pairs = 0
        for area in series {
            for (first, second) in zip(area, area.dropFirst()) {
                guard let a = first, let b = second else { continue }
                let shared = a.keys.filter { k in a[k]! >= minimumCount && (b[k] ?? 0) >= minimumCount }.sorted()
                guard shared.count >= 2 else { continue }
                let k = Double(shared.count)
                let changes = shared.map { log(b[$0]! / a[$0]!) }
                let mean = changes.reduce(0, +) / k
                let poisson = shared.reduce(0) { $0 + 1 / a[$1]! + 1 / b[$1]! }
                sum += changes.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } - (1 - 1 / k) * poisson
                degrees += k - 1
                pairs += 1
            }
        }
        return (degrees > 0 ? max(0, sum / degrees).squareRoot() : 0, pairs)
    }

    /// How far areas' shares over categories stray from a reference's, as the concentration κ of a
    /// Dirichlet(κ × reference) they would be drawn from: for an area with counts summing to n and
    /// shares p, E[(pₖ − rₖ)²] = rₖ(1 − rₖ)(1/(κ + 1) + 1/n) (the Dirichlet's spread, and a
    /// multinomial's). So φ = 1/(κ + 1) is estimated by the moments, Σ((pₖ − rₖ)² − rₖ(1 − rₖ)/n)
    /// over Σrₖ(1 − rₖ), over every area and category (areas with fewer than `minimumCount` counted
    /// are left out). Returns κ (`nil` when the areas vary no more than chance would, or there are
    /// none) and the number of areas.
    public static func concentration(_ areas: [[Double]], around reference: [Double], minimumCount: Double = 20)
        -> (kappa: Double?, areas: Int)
    {
        let total = reference.reduce(0, +)
        guard total > 0 else { return (nil, 0) }
        let r = reference.map { $0 / total }
        var spread = 0.0, scale = 0.0, n = 0
        for counts in areas {
            let size = counts.reduce(0, +)
            guard size >= minimumCount, counts.count == r.count else { continue }
            for k in r.indices {
                let d = counts[k] / size - r[k]
                spread += d * d - r[k] * (1 - r[k]) / size
                scale += r[k] * (1 - r[k])
            }
            n += 1
        }
        guard n > 0, scale > 0, spread > 0 else { return (nil, n) }
        // Areas straying further than a Dirichlet(1 × reference) would are taken as that: κ ≥ 1.
        return (max(1, scale / spread - 1), n)
    }

    /// Shares of a band's children by year of age, rising (or falling) in a straight line over the
    /// band's `years` so that the oldest year holds `oldest` (kept within 0 … 2/years, where the
    /// youngest year's share reaches 0).
    public static func linearShares(years n: Int, oldest: Double) -> [Double] {
        guard n > 1 else { return [1] }
        let s = min(max(oldest, 0), 2 / Double(n))
        let slope = (s - 1 / Double(n)) * 2 / Double(n - 1)
        return (0..<n).map { k in max(0, 1 / Double(n) + slope * (Double(k) - Double(n - 1) / 2)) }
    }

    /// The share of entries under 1 who enter at birth, from the balance of stock and starts under 1:
    /// in a steady state the children under 1 in care are the starts under 1 times the time each
    /// spends in care before turning 1. Entering at birth and leaving at rate h, that time is
    /// A = (1 − e^(−h))/h years; entering at an age spread evenly over the year, B = (1 − A)/h. So
    /// stock/starts = p·A + (1 − p)·B gives p, kept within 0…1. `h` is ceased under 1 over the stock under 1.
    public static func atBirthShare(stockUnder1: Double, startsUnder1: Double, ceasedUnder1: Double) -> Double? {
        guard stockUnder1 > 0, startsUnder1 > 0 else { return nil }
        let h = max(ceasedUnder1 / stockUnder1, 1e-6)
        let a = (1 - exp(-h)) / h, b = (1 - a) / h
        let ratio = stockUnder1 / startsUnder1
        return min(1, max(0, (ratio - b) / (a - b)))
    }
}
