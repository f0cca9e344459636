import Foundation
import Testing
@testable import CareSimulation

/// The ziggurat behind `SplitMix64.exponential()`: its tables, and its draws against the
/// exponential distribution.
@Suite struct ExponentialZigguratTests {
    typealias Z = ExponentialZiggurat

    /// Every layer has the same area: the base layer (a rectangle of height e^-r to r, and the
    /// tail beyond r, of area e^-r) exactly, and each rectangle stacked on it to the recurrence's
    /// rounding (1.3e-13 at worst).
    @Test func layersHaveEqualAreas() {
        let v = Z.r * exp(-Z.r) + exp(-Z.r)
        #expect(abs(Z.x[0] * Z.f[1] - v) <= 1e-15 * v)
        #expect(Z.x[1] == Z.r && Z.x[256] == 0 && Z.f[256] == 1)
        for i in 1...255 {
            let area = Z.x[i] * (Z.f[i + 1] - Z.f[i])
            #expect(abs(area - v) < 5e-13 * v, "layer \(i): area \(area), expected \(v)")
            #expect(Z.x[i + 1] < Z.x[i] && abs(Z.f[i] - exp(-Z.x[i])) < 1e-16)
        }
    }

    /// 400,000 draws in 40 bins of equal probability under Exp(1): Pearson's chi-square (39 degrees
    /// of freedom) must be below 72.1, its 99.9th percentile. The tail beyond r (where the draw
    /// takes its own path) and beyond r + 1 must hold e^-r and e^-(r+1) of the draws, within 4 SE.
    @Test func drawsFollowTheExponentialDistribution() {
        let n = 400_000, bins = 40
        var counts = Array(repeating: 0, count: bins)
        var beyondR = 0, beyondR1 = 0
        var rng = SplitMix64(seed: SplitMix64.derive(2026, 11))
        for _ in 0..<n {
            let x = rng.exponential()
            #expect(x >= 0)
            // P(X ≤ x) = 1 − e^-x, so the bin of x is ⌊bins · (1 − e^-x)⌋.
            counts[min(bins - 1, Int(Double(bins) * -expm1(-x)))] += 1
            if x > Z.r { beyondR += 1 }
            if x > Z.r + 1 { beyondR1 += 1 }
        }
        let expected = Double(n) / Double(bins)
        let chiSquare = counts.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        #expect(chiSquare < 72.1, "chi-square \(chiSquare) over \(bins) bins: \(counts)")
        for (count, p) in [(beyondR, exp(-Z.r)), (beyondR1, exp(-Z.r - 1))] {
            let mean = Double(n) * p, se = (Double(n) * p * (1 - p)).squareRoot()
            #expect(abs(Double(count) - mean) < 4 * se, "\(count) draws in the tail, expected \(mean) ± \(se)")
        }
    }
}
