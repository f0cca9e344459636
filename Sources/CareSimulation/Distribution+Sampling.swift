import Foundation
import ScenarioModel

extension Distribution {
    /// A duration in days, drawn with the given generator.
    ///
    /// Parameterised by mean: gamma with shape k and scale mean/k (Marsaglia–Tsang); lognormal with
    /// σ = shape and μ = ln(mean) − σ²/2; Weibull with shape k and scale mean/Γ(1 + 1/k), as the scale
    /// times the 1/k-th power of an exponential variate.
    func sample(_ rng: inout SplitMix64) -> Double {
        switch kind {
        case .exponential: return meanDays * rng.exponential()
        case .gamma: return rng.gamma(shape: shape) * meanDays / shape
        case .lognormal: return exp(log(meanDays) - shape * shape / 2 + shape * rng.normal())
        case .weibull: return meanDays / tgamma(1 + 1 / shape) * pow(rng.exponential(), 1 / shape)
        }
    }
}
