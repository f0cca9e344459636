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
    let shares: [Double]
    /// The running sum of the mix's shares up to and including each entry.
    let cumulative: [Double]
    let offset: [Int]
    let length: [Int]
    /// The last type with a positive share (the draw's fallback when rounding leaves the target
    /// past the total), or 0 when there is none.
    let fallback: [Int]

    init(_ mixes: [[Double]]) {
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
    }
}
