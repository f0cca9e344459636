import Foundation
import Testing
import ScenarioModel
@testable import CareSimulation

/// Care leavers: at 18 each young person in care takes a pathway to care leavers' accommodation,
/// moves between those over time, and leaves support at 21, or at 25 for a share.
@Suite struct CareLeaverTests {
    /// DfE bands 0–4, then `18 to 20` (5) and `21 to 24` (6).
    static let children = 0..<5, leavers = 5..<7

    static let mixed = """
        start: 2025-04-01
        horizon: 6 years
        replications: 100
        seed: 17
        placements:
          foster care:
            providers:
              - {name: in-house fostering, in_house: true, capacity: 10, weekly_cost: 600}
              - {name: agency fostering, weekly_cost: 1000}
            moves: {rate: 0.3, to: {foster care: 80%, children's home: 20%}}
          children's home:
            providers: [{name: external home, weekly_cost: 6000}]
          staying put:
            serves: care leavers
            providers: [{name: staying put, weekly_cost: 300}]
            moves: {rate: 1, to: {own tenancy: 70%, supported accommodation 18+: 30%}}
          supported accommodation 18+:
            serves: care leavers
            providers:
              - {name: supported lodgings, in_house: true, capacity: 3, weekly_cost: 350}
              - {name: supported accommodation, weekly_cost: 600}
            moves: {rate: 0.6, to: {own tenancy: 100%}}
          own tenancy:
            serves: care leavers
            providers: [{name: own tenancy, weekly_cost: 0}]
            moves: {rate: 0.2, to: {supported accommodation 18+: 50%, own tenancy: 50%}}
        population:
          agency fostering: {10 to 15: 20, 16 to 17: 20}
          staying put: {18 to 20: 5}
          own tenancy: {18 to 20: 10}
        entries:
          per_year: {10 to 15: 10, 16 to 17: 30}
          first_placement: {all: {foster care: 80%, children's home: 20%}}
        exits:
          rates:
            returned home: {all: 0.2}
        care_leavers:
          pathway:
            foster care: {staying put: 50%, supported accommodation 18+: 30%, own tenancy: 20%}
            all: {supported accommodation 18+: 80%, own tenancy: 20%}
          support_to_25: 30%
        """

    /// Month by month and replication by replication, exactly: care leavers' accommodation holds
    /// only care leavers and children's placements only children, so the leaver bands' `all` equals
    /// the sum over care leavers' providers; and everyone who turns 18 is a care leaver until their
    /// support ends (leavers at the end = at the start + turned 18 − left support).
    @Test func everyoneTurning18IsACareLeaverUntilSupportEnds() throws {
        let scenario = try TestScenarios.read(Self.mixed)
        let model = CareModel(scenario)
        let tallies = MonteCarlo.run(model, replications: scenario.replications, threads: 2)
        let leaverProviders = model.providerNames.indices.filter { model.typeServes[model.providerType[$0]] == .careLeavers }
        let childProviders = model.providerNames.indices.filter { model.typeServes[model.providerType[$0]] == .children }
        #expect(leaverProviders.count == 4 && childProviders.count == 3)
        var turned = 0.0
        for t in tallies {
            for m in 0..<model.monthEnds.count {
                let inLeaverAccommodation = leaverProviders.reduce(0.0) { $0 + t.count(month: m, provider: $1) }
                let inLeaverBands = model.providerNames.indices.reduce(0.0) { $0 + t.count(month: m, provider: $1, bands: Self.leavers) }
                #expect(inLeaverAccommodation == inLeaverBands, "month \(m)")
                let childrenInCare = childProviders.reduce(0.0) { $0 + t.count(month: m, provider: $1) }
                let inChildBands = model.providerNames.indices.reduce(0.0) { $0 + t.count(month: m, provider: $1, bands: Self.children) }
                #expect(childrenInCare == inChildBands, "month \(m)")
            }
            let last = model.monthEnds.count - 1
            let leaversAtEnd = leaverProviders.reduce(0.0) { $0 + t.count(month: last, provider: $1) }
            let turned18 = t.total(flow: model.flow.turned18), ended = t.total(flow: model.flow.leaversSupportEnded)
            #expect(leaversAtEnd == 15 + turned18 - ended)
            let exits = model.flow.exitReasons.reduce(0.0) { $0 + t.total(flow: $1) }
            let childrenAtEnd = childProviders.reduce(0.0) { $0 + t.count(month: last, provider: $1) }
            #expect(childrenAtEnd == 40 + t.total(flow: model.flow.entries) - exits - turned18)
            turned += turned18
        }
        #expect(turned > 0)
    }

    static func ageing(supportTo25: String, population: String = "") throws -> Scenario {
        try TestScenarios.read("""
            start: 2025-04-01
            horizon: 12 years
            replications: 100
            seed: 19
            placements:
              foster care:
                providers: [{name: fostering, weekly_cost: 800}]
              leaving care accommodation:
                serves: care leavers
                providers: [{name: own tenancy, weekly_cost: 0}]
            \(population)
            entries:
              per_year: {16 to 17: 20}
              first_placement: {all: {foster care: 100%}}
            care_leavers:
              pathway: {all: {leaving care accommodation: 100%}}
              support_to_25: \(supportTo25)
            """)
    }

    /// Support ends at 21, or 25 for a share s: with λ a year turning 18, the steady state (from
    /// year 9, when the first entrants have passed 25) holds 3λ aged 18–20 and 4sλ aged 21–24
    /// (Little's law); with s = 0 nobody is ever in the 21–24 band.
    @Test(arguments: [0.0, 0.25])
    func careLeaversLeaveAt21Or25(share: Double) throws {
        let scenario = try Self.ageing(supportTo25: "\(share)")
        let model = CareModel(scenario)
        let tallies = MonteCarlo.run(model, replications: scenario.replications, threads: 2)
        let months = 108..<model.monthEnds.count
        let young = AnalyticTests.meanAndSE(tallies.map { $0.average(provider: 1, months: months, bands: 5..<6) })
        #expect(abs(young.mean - 60) < 4 * young.se, "aged 18–20: \(young), expected 60")
        if share == 0 {
            #expect(tallies.allSatisfy { t in (0..<model.monthEnds.count).allSatisfy { t.count(month: $0, provider: 1, bands: 6..<7) == 0 } })
        } else {
            let older = AnalyticTests.meanAndSE(tallies.map { $0.average(provider: 1, months: months, bands: 6..<7) })
            #expect(abs(older.mean - 4 * share * 20) < 4 * older.se, "aged 21–24: \(older), expected \(4 * share * 20)")
        }
    }

    /// Care leavers aged 21–24 in the starting population are supported on the start date, so they
    /// stay until their 25th birthday: at the first month end all but those turning 25 in April
    /// remain (a share 30/(4 × 365.2425) of them turns 25 in those 30 days).
    @Test func startingCareLeaversAged21To24KeepTheirSupport() throws {
        let scenario = try Self.ageing(supportTo25: "0%", population: "population: {own tenancy: {21 to 24: 40}}")
        let model = CareModel(scenario)
        let tallies = MonteCarlo.run(model, replications: scenario.replications, threads: 2)
        let (mean, se) = AnalyticTests.meanAndSE(tallies.map { $0.count(month: 0, provider: 1, bands: 6..<7) })
        let expected = 40 * (1 - 30 / (4 * 365.2425))
        #expect(abs(mean - expected) < 4 * max(se, 0.05), "aged 21–24 at 2025-04-30: \(mean) ± \(se), expected \(expected)")
    }
}
