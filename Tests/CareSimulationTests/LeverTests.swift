import Foundation
import Testing
import ScenarioModel
@testable import CareSimulation

/// Each lever of a sufficiency strategy moves the numbers the right way by the right amount:
/// in-house places, a home opening on a date, step-down, need trends and local placements.
/// Expected values are exact results for the queues simulated (Erlang's loss system, M/M/∞,
/// binomial shares); tolerances are 4 standard errors of the simulated estimate.
@Suite struct LeverTests {
    static func run(_ scenario: Scenario) -> (CareModel, [Tally]) {
        let model = CareModel(scenario)
        return (model, MonteCarlo.run(model, replications: scenario.replications, threads: 2))
    }

    /// k more in-house places when in-house demand exceeds capacity: in an Erlang loss system the
    /// in-house provider holds a(1 − B(c, a)) on average, so k more places raise it by
    /// a(B(c, a) − B(c + k, a)) ≈ k, and agency holds exactly as many fewer (paired by seed, the
    /// same children enter and leave in both runs).
    @Test func addingInHousePlacesMovesChildrenFromAgency() throws {
        let (lambda, mu, c, k) = (120.0, 4.0, 5, 3)
        let load = lambda / mu
        func scenario(capacity: Int) throws -> Scenario {
            try TestScenarios.queue(entriesPerYear: lambda, exitPerYear: mu, capacity: capacity, horizonYears: 3, replications: 150)
        }
        let (model, base) = Self.run(try scenario(capacity: c))
        let (_, more) = Self.run(try scenario(capacity: c + k))
        let months = 15..<model.monthEnds.count  // after 15 months, e^(−5) of the empty start remains
        var inHouse: [Double] = [], agency: [Double] = []
        for (b, m) in zip(base, more) {
            let dIn = m.average(provider: 0, months: months) - b.average(provider: 0, months: months)
            let dOut = m.average(provider: 1, months: months) - b.average(provider: 1, months: months)
            #expect(abs(dIn + dOut) < 1e-9, "children were created or lost, not moved: \(dIn) + \(dOut)")
            inHouse.append(dIn)
            agency.append(dOut)
        }
        let expected = load * (AnalyticTests.erlangB(servers: c, load: load) - AnalyticTests.erlangB(servers: c + k, load: load))
        let (upIn, seIn) = AnalyticTests.meanAndSE(inHouse)
        let (downOut, seOut) = AnalyticTests.meanAndSE(agency)
        #expect(abs(expected - Double(k)) < 0.1 * Double(k), "in this setting the gain should be about k: \(expected)")
        #expect(abs(upIn - expected) < 4 * seIn, "in-house rose by \(upIn) ± \(seIn); expected \(expected)")
        #expect(abs(downOut + expected) < 4 * seOut, "agency fell by \(-downOut) ± \(seOut); expected \(expected)")
    }

    static let homeOpening = """
        start: 2025-04-01
        horizon: 3 years
        replications: 200
        seed: 11
        age_bands: {under 1: 0, 1 to 17: 1}
        placements:
          children's home:
            providers:
              - name: in-house home
                in_house: true
                capacity: 0
                capacity_changes:
                  - {date: 2026-10-01, change: 4}
                weekly_cost: 5000
              - {name: external home, weekly_cost: 6500}
        entries:
          per_year: {under 1: 12}
          first_placement: {all: {children's home: 100%}}
        exits:
          rates:
            returned home: {all: 2}
        """

    /// A 4-bed home opening on 1 October 2026: no in-house places and nobody placed in-house at any
    /// month end before it, 4 places from October's month end, and from then the home holds what an
    /// Erlang loss system with 4 places holds, a(1 − B(4, a)), taken from the external homes.
    @Test func homeOpeningOnADate() throws {
        let (model, tallies) = Self.run(try TestScenarios.read(Self.homeOpening))
        let opening = try #require(Day(year: 2026, month: 10, day: 1))
        let first = try #require(model.monthEnds.firstIndex { $0 >= opening })
        #expect(model.monthEnds[first] == Day(year: 2026, month: 10, day: 31))
        for t in tallies {
            for m in 0..<first {
                #expect(t.places(month: m, provider: 0) == 0 && t.count(month: m, provider: 0) == 0)
            }
            for m in first..<model.monthEnds.count {
                #expect(t.places(month: m, provider: 0) == 4 && t.count(month: m, provider: 0) <= 4)
            }
        }
        let october = AnalyticTests.meanAndSE(tallies.map { $0.count(month: first, provider: 0) })
        #expect(october.mean > 4 * october.se, "nobody placed in the new home in its first month: \(october)")
        // Six months on (stays average six months; the home fills within weeks), at steady state.
        let load = 12.0 / 2.0
        let months = (first + 6)..<model.monthEnds.count
        let (held, se) = AnalyticTests.meanAndSE(tallies.map { $0.average(provider: 0, months: months) })
        let expected = load * (1 - AnalyticTests.erlangB(servers: 4, load: load))
        #expect(abs(held - expected) < 4 * se, "the new home held \(held) ± \(se); expected \(expected)")
    }

    /// Step-down: with `step_down: true` a freed in-house place is refilled at once from agency, so
    /// in-house holds min(N, c) with N ~ Poisson(a) children in care (M/M/∞), and agency holds
    /// E[(N − c)⁺]; without it agency holds a·B(c, a) (Erlang). Step-down lowers agency occupancy.
    @Test func stepDownEmptiesAgencyWhenInHouseHasRoom() throws {
        func scenario(stepDown: Bool) throws -> Scenario {
            try TestScenarios.read("""
                start: 2025-04-01
                horizon: 3 years
                replications: 150
                seed: 3
                age_bands: {under 1: 0, 1 to 17: 1}
                placements:
                  foster care:
                    providers:
                      - {name: in-house, in_house: true, capacity: 20, weekly_cost: 500}
                      - {name: agency, weekly_cost: 900}
                    step_down: \(stepDown)
                entries:
                  per_year: {under 1: 80}
                  first_placement: {all: {foster care: 100%}}
                exits:
                  rates:
                    returned home: {all: 4}
                """)
        }
        let (load, c) = (20.0, 20)
        let (model, with) = Self.run(try scenario(stepDown: true))
        let (_, without) = Self.run(try scenario(stepDown: false))
        let months = 15..<model.monthEnds.count
        let agencyWith = AnalyticTests.meanAndSE(with.map { $0.average(provider: 1, months: months) })
        let agencyWithout = AnalyticTests.meanAndSE(without.map { $0.average(provider: 1, months: months) })
        let expectedWith = load - Poisson.expectedMin(mean: load, cap: c)
        let expectedWithout = load * AnalyticTests.erlangB(servers: c, load: load)
        #expect(abs(agencyWith.mean - expectedWith) < 4 * agencyWith.se, "with step-down \(agencyWith); expected \(expectedWith)")
        #expect(abs(agencyWithout.mean - expectedWithout) < 4 * agencyWithout.se, "without \(agencyWithout); expected \(expectedWithout)")
        let paired = AnalyticTests.meanAndSE(zip(with, without).map { $0.average(provider: 1, months: months) - $1.average(provider: 1, months: months) })
        #expect(paired.mean + 4 * paired.se < 0, "step-down did not lower agency occupancy: \(paired)")
        // With step-down nobody waits with the agency while an in-house place is free.
        for t in with {
            for m in 0..<model.monthEnds.count where t.count(month: m, provider: 1) > 0 {
                #expect(t.count(month: m, provider: 0) == 20)
            }
        }
    }

    /// A need trend of g a year on one of two equally chosen types: an entry at time t (years) goes
    /// to it with probability (1 + g)^t / (1 + (1 + g)^t), so its share of each year's entries is
    /// the mean of that over the year (Simpson's rule), binomial given the year's entries.
    @Test func needTrendRaisesTheShareOfEntriesInTheTrendingType() throws {
        let scenario = try TestScenarios.read("""
            start: 2025-04-01
            horizon: 5 years
            replications: 40
            seed: 5
            age_bands: {under 1: 0, 1 to 17: 1}
            placements:
              foster care:
                providers: [{name: fostering, weekly_cost: 800}]
              children's home:
                providers: [{name: home, weekly_cost: 6000}]
            entries:
              per_year: {under 1: 400}
              first_placement: {all: {foster care: 50%, children's home: 50%}}
            need_trends: {children's home: 20%}
            """)
        let (model, tallies) = Self.run(scenario)
        var previousShare = 0.0
        for year in 0..<5 {
            // Nobody leaves, so a year's entries are the growth in stock over the year.
            let end = year * 12 + 11
            var home = 0.0, all = 0.0
            for t in tallies {
                let before = { (p: Int) in year == 0 ? 0 : t.count(month: end - 12, provider: p) }
                home += t.count(month: end, provider: 1) - before(1)
                all += t.count(month: end, provider: 0) + t.count(month: end, provider: 1) - before(0) - before(1)
            }
            let yearStart = Double(model.monthEnds[end].number - scenario.start.number + 1) / 365.2425 - 1
            let steps = 100
            let expected = (0...steps).reduce(0.0) { sum, j in
                let g = pow(1.2, yearStart + Double(j) / Double(steps))
                let weight: Double = j == 0 || j == steps ? 1 : (j % 2 == 1 ? 4 : 2)
                return sum + weight * g / (1 + g)
            } / Double(3 * steps)
            let share = home / all
            let se = (expected * (1 - expected) / all).squareRoot()
            #expect(abs(share - expected) < 4 * se, "year \(year): share \(share), expected \(expected) ± \(se)")
            #expect(share > previousShare)
            previousShare = share
        }
    }

    /// Out of area: each placement is local with the provider's `local` share, so the local count at
    /// a month end is binomial over the children placed.
    @Test func localShareSplitsBedNeedInAndOutOfArea() throws {
        let scenario = try TestScenarios.read("""
            start: 2025-04-01
            horizon: 2 years
            replications: 100
            seed: 8
            age_bands: {under 1: 0, 1 to 17: 1}
            placements:
              foster care:
                providers:
                  - {name: in-house, in_house: true, capacity: 10, weekly_cost: 500, local: 90%}
                  - {name: agency, weekly_cost: 900, local: 30%}
            entries:
              per_year: {under 1: 80}
              first_placement: {all: {foster care: 100%}}
            exits:
              rates:
                returned home: {all: 2}
            """)
        let (model, tallies) = Self.run(scenario)
        let last = model.monthEnds.count - 1
        for (p, share) in [(0, 0.9), (1, 0.3)] {
            let local = tallies.reduce(0.0) { $0 + Double($1.local[last * $1.providers + p]) }
            let placed = tallies.reduce(0.0) { $0 + $1.count(month: last, provider: p) }
            let se = (share * (1 - share) / placed).squareRoot()
            #expect(abs(local / placed - share) < 4 * se, "provider \(p): \(local) of \(placed) local, expected \(share)")
        }
    }
}
