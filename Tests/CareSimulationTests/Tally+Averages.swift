import Foundation
@testable import CareSimulation

/// Figures the lever tests read from one replication's tally.
extension Tally {
    /// People with `provider` in `bands` (every band when `nil`) at month end `month`.
    func count(month: Int, provider: Int, bands: Range<Int>? = nil) -> Double {
        Double((bands ?? 0..<self.bands).reduce(Int32(0)) { $0 + stock(month: month, provider: provider, band: $1) })
    }

    /// The mean over `months` of the month-end count of `provider` (every provider when `nil`) in `bands`.
    func average(provider: Int?, months: Range<Int>, bands: Range<Int>? = nil) -> Double {
        let list = provider.map { [$0] } ?? Array(0..<providers)
        let total = months.reduce(0.0) { sum, m in sum + list.reduce(0.0) { $0 + count(month: m, provider: $1, bands: bands) } }
        return total / Double(months.count)
    }

    /// A flow summed over every financial year and band.
    func total(flow: Int) -> Double {
        Double((0..<years).reduce(Int32(0)) { sum, y in (0..<bands).reduce(sum) { $0 + self.flow(flow, year: y, band: $1) } })
    }

    /// Places provider `provider` had at month end `month` (−1 for no limit).
    func places(month: Int, provider: Int) -> Int { Int(capacity[month * providers + provider]) }
}

/// Poisson probabilities for the analytic expectations of the lever tests.
enum Poisson {
    /// E[min(N, c)] for N ~ Poisson(mean): the occupancy of the preferred provider when every freed
    /// place is refilled by stepping down (it holds min(N, c) at all times).
    static func expectedMin(mean: Double, cap c: Int) -> Double {
        var p = exp(-mean), sum = 0.0, below = 0.0
        for n in 0..<c {
            sum += Double(n) * p
            below += p
            p *= mean / Double(n + 1)
        }
        return sum + Double(c) * (1 - below)
    }
}
