import Foundation
import ScenarioModel

/// The rates one replication runs with, per day: exact rates as given, estimated rates drawn
/// from their posterior (Gamma(events + ½, 1/exposure), the Jeffreys posterior for a Poisson rate).
struct Parameters: Sendable {
    /// Entries per day by child age band, before trend and step changes.
    var entryRate: [Double]
    /// `exitRate[band * reasons + reason]`, per day.
    var exitRate: [Double]
    /// Cumulative exit rates within each band, for choosing a reason: `exitCumulative[band * reasons + reason]`.
    var exitCumulative: [Double]
    /// Total exit rate per child band, per day.
    var exitTotal: [Double]
    /// Moves per day by placement type.
    var moveRate: [Double]
    /// Parent-and-child arrivals per day.
    var familyRate: Double

    init(_ scenario: Scenario, replicationSeed: UInt64) {
        var rng = SplitMix64(seed: SplitMix64.derive(replicationSeed, Stream.parameters))
        func draw(_ rate: Rate) -> Double {
            guard let evidence = rate.evidence else { return rate.perYear / 365.2425 }
            return rng.gamma(shape: evidence.events + 0.5) / evidence.years / 365.2425
        }
        entryRate = scenario.entries.perYear.map(draw)
        let reasons = scenario.exits.reasons.count
        let bands = scenario.firstLeaverBand
        exitRate = Array(repeating: 0, count: bands * max(reasons, 1))
        for r in 0..<reasons {
            for b in 0..<bands { exitRate[b * reasons + r] = draw(scenario.exits.rates[r][b]) }
        }
        exitCumulative = exitRate
        exitTotal = Array(repeating: 0, count: bands)
        for b in 0..<bands {
            var sum = 0.0
            for r in 0..<reasons {
                sum += exitRate[b * reasons + r]
                exitCumulative[b * reasons + r] = sum
            }
            exitTotal[b] = sum
        }
        moveRate = scenario.placementTypes.map { draw($0.moveRate) }
        familyRate = scenario.parentAndChild.map { draw($0.perYear) } ?? 0
    }
}

/// Fixed stream numbers: each kind of randomness has its own stream, derived from the
/// replication's seed, so a change in one part of a scenario leaves the others' draws unchanged.
enum Stream {
    static let parameters: UInt64 = 1
    static let initialChild: UInt64 = 2
    static let entryCandidates: UInt64 = 3
    static let enteringChild: UInt64 = 4
    static let familyCandidates: UInt64 = 5
    static let family: UInt64 = 6
    static let supply: UInt64 = 7
    static let stepDown: UInt64 = 8
    static let baby: UInt64 = 9
}
