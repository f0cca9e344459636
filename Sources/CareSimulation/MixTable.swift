import Foundation

/// Placement mixes (shares over placement types) stored flat, keeping only the types with a
/// positive share, with their running sums.
///
/// A draw scans a mix's entries in order until the running sum passes a uniform target; a type
/// with no share could never be drawn (its running sum equals the one before it), so leaving it out
/// draws the same type from the same number, and a draw from a mix that names a few of twenty types
/// scans only those few.
struct MixTable: Sendable {
    /// Entries of mix *m* are at `offset[m] ..< offset[m] + length[m]`: a type and its share.
    let types: [Int]
    /// The shares a replication draws with: the scenario's, or drawn for it (``redraw(_:)``).
    private(set) var shares: [Double]
    /// The running sum of the mix's shares up to and including each entry.
    private(set) var cumulative: [Double]
    let offset: [Int]
    let length: [Int]
    /// The last type with a positive share (the draw's fallback when rounding leaves the target
    /// past the total), or 0 when there is none.
    let fallback: [Int]
    /// The scenario's shares, and how many observations each mix was estimated from (0: known exactly).
    private let given: [Double]
    private let observed: [Double]
    /// For each mix, the first mix identical to it (the same types, shares and count): drawn once,
    /// so that a mix written once for several bands or types is one draw, not several.
    private let sameAs: [Int]
    /// Whether any mix was estimated from counts (and so is drawn afresh for each replication).
    let isEstimated: Bool
    /// With the placement types' yearly walks (``walk(factor:variance:typeCount:)``): each year's
    /// weights and their running sums, `yearShares[year * shares.count + k]`; empty without them.
    private(set) var yearShares: [Double] = []
    private(set) var yearCumulative: [Double] = []

    init(_ mixes: [[Double]], observed: [Double?] = []) {
        var types: [Int] = [], shares: [Double] = [], cumulative: [Double] = []
        var offset: [Int] = [], length: [Int] = [], fallback: [Int] = []
        for mix in mixes {
            offset.append(shares.count)
            fallback.append(mix.lastIndex { $0 > 0 } ?? 0)
            var sum = 0.0
            for (type, share) in mix.enumerated() where share > 0 {
                sum += share
                types.append(type)
                shares.append(share)
                cumulative.append(sum)
            }
            length.append(shares.count - offset.last!)
        }
        (self.types, self.shares, self.cumulative) = (types, shares, cumulative)
        (self.offset, self.length, self.fallback) = (offset, length, fallback)
        given = shares
        let counts = mixes.indices.map { m in m < observed.count ? observed[m] ?? 0 : 0 }
        self.observed = counts
        isEstimated = counts.contains { $0 > 0 }
        var first: [[Double]: Int] = [:]
        var same: [Int] = []
        for m in mixes.indices {
            let key = mixes[m] + [counts[m]]
            let earlier = counts[m] > 0 ? first[key] ?? m : m
            if earlier == m { first[key] = m }
            same.append(earlier)
        }
        sameAs = same
    }

    /// Draws each estimated mix's shares for a replication: Dirichlet(observed × share) over the
    /// mix's types (each a Gamma draw, normalised), whose mean is the scenario's shares. Exact mixes
    /// keep the scenario's shares; a mix identical to an earlier one takes that one's draw. Writes
    /// in place: nothing is allocated once the table is the engine's own.
    mutating func redraw(_ rng: inout SplitMix64) {
        for m in offset.indices where observed[m] > 0 && length[m] > 1 {
            let range = offset[m]..<(offset[m] + length[m])
            if sameAs[m] != m {
                let from = offset[sameAs[m]]
                for k in range {
                    shares[k] = shares[from + k - offset[m]]
                    cumulative[k] = cumulative[from + k - offset[m]]
                }
                continue
            }
            var total = 0.0
            for k in range {
                shares[k] = rng.gamma(shape: observed[m] * given[k])
                total += shares[k]
            }
            // Every draw underflowing to 0 (all shapes tiny) leaves the scenario's shares.
            if !(total > 0) {
                for k in range { shares[k] = given[k] }
                total = 1
            }
            var sum = 0.0
            for k in range {
                shares[k] /= total
                sum += shares[k]
                cumulative[k] = sum
            }
        }
    }

    /// Each year's weights for a replication: each entry's share times its type's walk factor in
    /// the year, times e^(−v(1 − p)) for the walk's variance v so far and the share p within its mix,
    /// which keeps each type's mean share as written (``Parameters/placementYearVariance``). Once
    /// per replication, after ``redraw(_:)``; the arrays are reused.
    mutating func walk(factor: [Double], variance: [Double], typeCount: Int) {
        let n = shares.count, years = variance.count
        if yearShares.count != years * n {
            yearShares = Array(repeating: 0, count: years * n)
            yearCumulative = Array(repeating: 0, count: years * n)
        }
        for year in 0..<years {
            for m in offset.indices where length[m] > 0 {
                let range = offset[m]..<(offset[m] + length[m])
                let total = cumulative[range.upperBound - 1]
                var sum = 0.0
                for k in range {
                    let weight = shares[k] * factor[year * typeCount + types[k]] * exp(-variance[year] * (1 - shares[k] / total))
                    yearShares[year * n + k] = weight
                    sum += weight
                    yearCumulative[year * n + k] = sum
                }
            }
        }
    }
}
