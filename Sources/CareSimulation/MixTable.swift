/// Placement mixes (shares over placement types) stored flat, with their running sums.
///
/// Without need trends a draw is one uniform and a scan of the running sums, which are the very
/// partial sums `sum += share` that a two-pass draw computes, so the same type is drawn.
struct MixTable: Sendable {
    /// Shares of mix *m* at `offset[m] ..< offset[m] + length[m]`.
    let shares: [Double]
    let cumulative: [Double]
    let offset: [Int]
    let length: [Int]
    /// The last type with a positive share (the draw's fallback when rounding leaves the target past the total).
    let fallback: [Int]

    init(_ mixes: [[Double]]) {
        var shares: [Double] = [], cumulative: [Double] = [], offset: [Int] = [], length: [Int] = [], fallback: [Int] = []
        for mix in mixes {
            offset.append(shares.count)
            length.append(mix.count)
            fallback.append(mix.lastIndex { $0 > 0 } ?? 0)
            var sum = 0.0
            for share in mix {
                sum += share
                shares.append(share)
                cumulative.append(sum)
            }
        }
        (self.shares, self.cumulative, self.offset, self.length, self.fallback) = (shares, cumulative, offset, length, fallback)
    }
}
