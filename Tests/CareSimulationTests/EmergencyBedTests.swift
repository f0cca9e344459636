import Foundation
import Testing
import ScenarioModel
@testable import CareSimulation

/// Emergency beds against queueing theory, and their bookkeeping.
@Suite struct EmergencyBedTests {
    /// Foster care (unlimited) and emergency beds: `beds` beds, then an unregistered placement;
    /// entries under 1 only (nobody reaches 18), no exits.
    static func scenario(beds: Int, entriesPerYear: Double, entryShare: String, moves: String = "",
                         moveRate: Double = 0, stay: String, years: Int = 6, replications: Int = 120) throws -> Scenario {
        try TestScenarios.read("""
            start: 2025-04-01
            horizon: \(years) years
            replications: \(replications)
            seed: 11
            age_bands: {under 1: 0, 1 to 17: 1}
            placements:
              foster care:
                providers:
                  - {name: fostering, weekly_cost: 900}
                moves: {rate: \(moveRate), to: {foster care: 100%}}
              emergency beds:
                serves: emergency
                providers:
                  - {name: emergency bed facility, capacity: \(beds), weekly_cost: 3000}
                  - {name: unregistered placement, weekly_cost: 8000, local: 0%}
            entries:
              per_year: {under 1: \(entriesPerYear), 1 to 17: 0}
              first_placement: {all: {foster care: 100%}}
            emergency_beds:
              entries: \(entryShare)
              \(moves)
              stay: \(stay)
            """)
    }

    /// Erlang's loss formula B(c, a) = (aᶜ/c!) / Σₖ₌₀ᶜ (aᵏ/k!).
    static func erlangB(_ c: Int, _ a: Double) -> Double {
        var b = 1.0
        for k in 1...c { b = a * b / (Double(k) + a * b) }
        return b
    }

    /// Every entry needs an emergency bed: Poisson arrivals at λ to c beds, stays of mean 1/μ, the
    /// turned away placed elsewhere (a loss system, M/G/c/c). The share turned away is B(c, λ/μ)
    /// whatever the stay's distribution (Erlang's formula is insensitive to it), and the beds and the
    /// fallback together hold λ/μ children on average (Little's law), seen in the month-end bed need.
    @Test(arguments: [
        "{mean: 7.305 days}",
        "{distribution: gamma, mean: 7.305 days, shape: 4}",
        "{distribution: lognormal, mean: 7.305 days, shape: 1.2}",
    ])
    func turnedAwayShareIsErlangB(stay: String) throws {
        let (beds, lambda) = (3, 100.0)
        let load = lambda * 7.305 / 365.2425  // 2.0
        let scenario = try Self.scenario(beds: beds, entriesPerYear: lambda, entryShare: "100%", stay: stay)
        let model = CareModel(scenario)
        let tallies = MonteCarlo.run(model, replications: scenario.replications, threads: 2)
        let placed = model.flow.emergencyPlacements, full = model.flow.emergencyFull
        #expect(model.flowNames[full] == "emergency beds full: unregistered placement")
        let shares = tallies.map { t in t.total(flow: full) / t.total(flow: placed) }
        let (share, se) = AnalyticTests.meanAndSE(shares)
        let expected = Self.erlangB(beds, load)
        #expect(abs(share - expected) < 4 * se, "turned away \(share) ± \(se), Erlang B \(expected)")
        // Every entry went through an emergency bed or the fallback.
        for t in tallies { #expect(t.total(flow: placed) == t.total(flow: model.flow.entries)) }
        let facility = model.providerNames.firstIndex(of: "emergency bed facility")!
        let held = tallies.map { $0.average(provider: facility, months: 0..<$0.months) + $0.average(provider: facility + 1, months: 0..<$0.months) }
        let (mean, heldSE) = AnalyticTests.meanAndSE(held)
        #expect(abs(mean - load) < 4 * heldSE, "emergency beds held \(mean) ± \(heldSE), expected \(load)")
    }

    /// With every move going through an emergency bed first, each such move is followed by a move
    /// on to the placement, unless the stay is still running at the horizon.
    @Test func movesThroughEmergencyBedsAreCountedTwice() throws {
        let scenario = try Self.scenario(beds: 2, entriesPerYear: 40, entryShare: "0%", moves: "moves: 100%",
                                         moveRate: 1.5, stay: "{mean: 5 days}", years: 3, replications: 20)
        let model = CareModel(scenario)
        let facility = model.providerNames.firstIndex(of: "emergency bed facility")!
        for t in MonteCarlo.run(model, replications: scenario.replications, threads: 2) {
            let afterMove = t.total(flow: model.flow.emergencyAfterMove)
            #expect(afterMove > 0 && afterMove == t.total(flow: model.flow.emergencyPlacements))
            let stillInBed = t.count(month: t.months - 1, provider: facility) + t.count(month: t.months - 1, provider: facility + 1)
            #expect(t.total(flow: model.flow.moves) == 2 * afterMove - stillInBed)
        }
    }

    /// Emergency beds take no draws from the children's own streams: entries, and when each child
    /// leaves, are the same with and without them (common random numbers).
    @Test func emergencyBedsLeaveOtherDrawsAlone() throws {
        let with = try Self.scenario(beds: 1, entriesPerYear: 60, entryShare: "50%", stay: "{mean: 10 days}",
                                     years: 2, replications: 10)
        var without = with
        without.emergencyBeds!.entryShare = 0
        let a = MonteCarlo.run(CareModel(with), replications: 10, threads: 1)
        let b = MonteCarlo.run(CareModel(without), replications: 10, threads: 1)
        let entries = CareModel(with).flow.entries
        for (x, y) in zip(a, b) {
            #expect(x.total(flow: entries) == y.total(flow: entries))
            #expect(x.total(flow: CareModel(with).flow.emergencyPlacements) > 0)
        }
    }
}
