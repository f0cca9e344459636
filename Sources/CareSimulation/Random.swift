import Foundation

/// SplitMix64 (Steele, Lea & Flood 2014): an 8-byte generator, fast and well mixed, small enough
/// to give every child its own stream so that the same child draws the same numbers in two
/// scenarios (common random numbers).
///
/// Numbers come from the raw bits only, never from `random(in:)`, whose algorithm may change
/// between Swift versions and would silently change results.
public struct SplitMix64: Sendable, BitwiseCopyable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    @inline(__always)
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 output function: a bijective 64-bit mixer.
    @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A seed derived from a parent seed and a path of up to three indices (replication, stream,
    /// child, …), independent of the order in which streams are created or threads run.
    /// (Fixed arity, not variadic: a variadic call would allocate an array on every entry into care.)
    @inline(__always)
    public static func derive(_ seed: UInt64, _ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0) -> UInt64 {
        derive(prefix: derivePrefix(seed, a, b), c)
    }

    /// The part of `derive(seed, a, b, c)` that does not depend on `c`, for many seeds that differ
    /// only in it (every child entering in one band, every child of one starting cell).
    @inline(__always)
    public static func derivePrefix(_ seed: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 {
        let h = mix(seed ^ 0x5851_F42D_4C95_7F2D)
        return mix(mix(h &+ 0x9E37_79B9_7F4A_7C15 &+ mix(a)) &+ 0x9E37_79B9_7F4A_7C15 &+ mix(b))
    }

    /// `derive(seed, a, b, c)` from `derivePrefix(seed, a, b)`.
    @inline(__always)
    public static func derive(prefix: UInt64, _ c: UInt64) -> UInt64 {
        mix(prefix &+ 0x9E37_79B9_7F4A_7C15 &+ mix(c))
    }

    /// Uniform on [0, 1) with 53 random bits.
    @inline(__always)
    public mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform on (0, 1].
    @inline(__always)
    public mutating func uniformPositive() -> Double { Double((next() >> 11) + 1) * 0x1p-53 }

    /// Exponential with mean 1, by the ziggurat method (see `ExponentialZiggurat`): one 64-bit
    /// number gives the layer (its low 8 bits) and the point across it (its high 52 bits).
    @inline(__always)
    public mutating func exponential() -> Double {
        let bits = next()
        let i = Int(bits & 0xFF)
        let x = Double(bits >> 12) * 0x1p-52 * ExponentialZiggurat.x[i]
        return x < ExponentialZiggurat.x[i + 1] ? x : exponentialOutside(layer: i, x)
    }

    /// The rare draws outside a layer's inner rectangle: the tail, or a layer's wedge.
    @inline(never)
    mutating func exponentialOutside(layer i: Int, _ x: Double) -> Double {
        let z = ExponentialZiggurat.self
        if i == 0 { return z.r - log(uniformPositive()) }
        if z.f[i + 1] + (z.f[i] - z.f[i + 1]) * uniform() < exp(-x) { return x }
        return exponential()
    }

    /// Standard normal by the Marsaglia polar method (the second value is discarded, keeping the
    /// generator's state a function of the draws alone).
    public mutating func normal() -> Double {
        while true {
            let u = 2 * uniform() - 1, v = 2 * uniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 { return u * (-2 * log(s) / s).squareRoot() }
        }
    }

    /// Gamma with the given shape and scale 1, by Marsaglia & Tsang (2000), boosted for shape < 1.
    public mutating func gamma(shape: Double) -> Double {
        if shape < 1 {
            let boost = pow(uniformPositive(), 1 / shape)
            return gamma(shape: shape + 1) * boost
        }
        let d = shape - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double, v: Double
            repeat {
                x = normal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = uniformPositive()
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// Index drawn from cumulative weights (the last entry is the total; need not be normalised).
    @inline(__always)
    public mutating func pick(cumulative: UnsafeBufferPointer<Double>) -> Int {
        let target = uniform() * cumulative[cumulative.count - 1]
        var i = 0
        while i < cumulative.count - 1 && cumulative[i] <= target { i += 1 }
        return i
    }
}
