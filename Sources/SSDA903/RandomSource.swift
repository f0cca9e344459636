/// SplitMix64 (Steele, Lea & Flood 2014): seeds other generators from one 64-bit value.
package struct SplitMix64: Sendable {
    private var state: UInt64
    package init(seed: UInt64) { state = seed }
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** (Blackman & Vigna 2018), seeded through SplitMix64; reproducible across Swift versions.
package struct Xoshiro256: Sendable {
    private var s: (UInt64, UInt64, UInt64, UInt64)
    package init(seed: UInt64) {
        var sm = SplitMix64(seed: seed)
        s = (sm.next(), sm.next(), sm.next(), sm.next())
    }
    package mutating func next() -> UInt64 {
        let result = ((s.1 &* 5) << 7 | (s.1 &* 5) >> 57) &* 9
        let t = s.1 << 17
        s.2 ^= s.0; s.3 ^= s.1; s.1 ^= s.2; s.0 ^= s.3
        s.2 ^= t
        s.3 = s.3 << 45 | s.3 >> 19
        return result
    }
    /// Uniform on [0, 1) from the top 53 bits.
    package mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }
    /// Uniform integer in 0..<n (n > 0), by multiply-shift (Lemire), bias below 2⁻⁶⁴·n.
    package mutating func below(_ n: Int) -> Int { Int(next().multipliedFullWidth(by: UInt64(n)).high) }
    /// Exponential with the given rate.
    package mutating func exponential(_ rate: Double) -> Double { -(1 - uniform()).log / rate }
    /// Poisson by inversion for small means, by the normal approximation above 500.
    package mutating func poisson(_ mean: Double) -> Int {
        if mean > 500 {
            let u1 = 1 - uniform(), u2 = uniform()
            let z = (-2 * u1.log).squareRoot() * cos2pi(u2)
            return max(0, Int((mean + z * mean.squareRoot()).rounded()))
        }
        var k = 0, p = 1.0
        let l = (-mean).exp
        repeat { k += 1; p *= uniform() } while p > l
        return k - 1
    }
    /// An index drawn with probability proportional to `weights`.
    package mutating func pick(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var u = uniform() * total
        for (i, w) in weights.enumerated() { u -= w; if u < 0 { return i } }
        return weights.count - 1
    }
    private func cos2pi(_ x: Double) -> Double { _cos(2 * Double.pi * x) }
}

import Foundation
private func _cos(_ x: Double) -> Double { cos(x) }
extension Double {
    var log: Double { Foundation.log(self) }
    var exp: Double { Foundation.exp(self) }
}
