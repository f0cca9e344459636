import Foundation
import Testing
import ScenarioModel
@testable import CareSimulation

/// Streams of entries (`entries.streams`) against M/M/∞: each stream is its own Poisson arrivals
/// with its own exit rate, so from empty its children in care at time t number, on average,
/// (λ/μ)(1 − e^(−μt)) (Poisson, so the standard error of the mean over n replications is √(mean/n)).
@Suite struct EntryStreamTests {
    static let text = """
        start: 2025-04-01
        horizon: 2 years
        replications: 200
        seed: 3
        age_bands: {under 5: 0, 5 to 17: 5}
        placements:
          foster care:
            providers:
              - {name: agency fostering, weekly_cost: 900}
          supported accommodation:
            providers:
              - {name: supported, weekly_cost: 1500}
        entries:
          per_year: {under 5: 100, 5 to 17: 0}
          first_placement: {all: {foster care: 100%}}
          streams:
            unaccompanied asylum-seeking children:
              per_year: {under 5: 50, 5 to 17: 0}
              first_placement: {all: {supported accommodation: 100%}}
              exits:
                other reasons: {all: 2}
        exits:
          rates:
            returned home: {all: 1}
            other reasons: {all: 0}
        """

    static func mean(_ v: [Double]) -> Double { v.reduce(0, +) / Double(v.count) }

    @Test func eachStreamIsItsOwnQueue() throws {
        let s = try TestScenarios.read(Self.text)
        let model = CareModel(s)
        let tallies = MonteCarlo.run(model, replications: s.replications, threads: 2)
        let n = Double(tallies.count)
        func check(_ values: [Double], _ expected: Double, _ what: String) {
            let se = (expected / n).squareRoot()
            #expect(abs(Self.mean(values) - expected) < 4 * se, "\(what): mean \(Self.mean(values)), expected \(expected) ± \(se)")
        }
        let names = model.flowNames
        let own = try #require(names.firstIndex(of: "in care on 31 March: children"))
        let uasc = try #require(names.firstIndex(of: "in care on 31 March: unaccompanied asylum-seeking children"))
        let entries = try #require(names.firstIndex(of: "entries: unaccompanied asylum-seeking children"))
        func flow(_ f: Int, year: Int) -> [Double] {
            tallies.map { t in Double((0..<t.bands).reduce(Int32(0)) { $0 + t.flow(f, year: year, band: $1) }) }
        }
        check(flow(own, year: 0), 100 * (1 - exp(-1.0)), "children in care on 31 March 2026")
        check(flow(uasc, year: 0), 25 * (1 - exp(-2.0)), "asylum-seeking children on 31 March 2026")
        check(flow(uasc, year: 1), 25 * (1 - exp(-4.0)), "asylum-seeking children on 31 March 2027")
        check(flow(entries, year: 1), 50, "asylum-seeking entries in 2026/27")
        // The streams add up to the totals: everyone in a placement on 31 March is in one stream.
        let march = model.monthEnds.firstIndex { $0.description == "2026-03-31" }!
        for (k, t) in tallies.enumerated() {
            let placed = (0..<t.providers).reduce(Int32(0)) { p, provider in
                p + (0..<t.bands).reduce(Int32(0)) { $0 + t.stock(month: march, provider: provider, band: $1) }
            }
            #expect(Int(flow(own, year: 0)[k] + flow(uasc, year: 0)[k]) == Int(placed))
            // Asylum-seeking children are placed in supported accommodation (provider 1) and leave only for 'other reasons'.
            #expect((0..<t.bands).reduce(Int32(0)) { $0 + t.stock(month: march, provider: 1, band: $1) } == Int32(flow(uasc, year: 0)[k]))
        }
    }

    /// A stream's own children at the start (`population` in the stream) are its own: 400 leaving
    /// at its rate 2 a year, with its arrivals, give 400e^(−2) + 25(1 − e^(−2)) on 31 March 2026;
    /// binomial plus Poisson, so the variance is 400p(1 − p) + 25(1 − p) with p = e^(−2).
    @Test func aStreamsStartingChildren() throws {
        let text = Self.text.replacingOccurrences(of: "      exits:\n", with: "      population: {supported: {under 5: 400}}\n      exits:\n")
        let s = try TestScenarios.read(text)
        #expect(s.population == [PopulationCell(provider: 1, band: 0, count: 400, stream: 1)])
        let model = CareModel(s)
        let tallies = MonteCarlo.run(model, replications: 100, threads: 2)
        let uasc = try #require(model.flowNames.firstIndex(of: "in care on 31 March: unaccompanied asylum-seeking children"))
        let values = tallies.map { t in Double((0..<t.bands).reduce(Int32(0)) { $0 + t.flow(uasc, year: 0, band: $1) }) }
        let p = exp(-2.0)
        let expected = 400 * p + 25 * (1 - p)
        let se = ((400 * p * (1 - p) + 25 * (1 - p)) / Double(values.count)).squareRoot()
        #expect(abs(Self.mean(values) - expected) < 4 * se, "mean \(Self.mean(values)), expected \(expected) ± \(se)")
    }

    /// A scenario without streams has no stream flows (and its golden tallies are unchanged: GoldenTallyTests).
    @Test func noStreamsNoStreamFlows() throws {
        let s = try TestScenarios.read(Self.text.components(separatedBy: "  streams:")[0] + """
            exits:
              rates:
                returned home: {all: 1}
            """)
        #expect(!CareModel(s).flowNames.contains { $0.hasPrefix("entries: ") || $0.hasPrefix("in care on 31 March") })
    }

    static let pathwayText = """
        start: 2025-04-01
        horizon: 1 year
        replications: 20
        seed: 4
        age_bands: {under 17: 0, 17: 17}
        placements:
          foster care:
            providers:
              - {name: agency fostering, weekly_cost: 900}
          staying put:
            serves: care leavers
            providers:
              - {name: staying put, weekly_cost: 300}
          supported lodgings:
            serves: care leavers
            providers:
              - {name: supported lodgings, weekly_cost: 400}
        population:
          agency fostering: {17: 100}
        entries:
          per_year: {all: 0}
          first_placement: {all: {foster care: 100%}}
          streams:
            asylum:
              per_year: {all: 0}
              first_placement: {all: {foster care: 100%}}
              population: {agency fostering: {17: 100}}
              care_leavers:
                pathway: {all: {supported lodgings: 100%}}
        exits:
          rates:
            returned home: {all: 0}
        care_leavers:
          pathway: {all: {staying put: 100%}}
        """

    /// Each stream's care leavers take its own pathway at 18: 100 children of 17 in the entries' own
    /// stream and 100 in a stream whose pathway goes elsewhere, no exits: a year later all 200 are
    /// care leavers, 100 in each accommodation, exactly.
    @Test func aStreamsCareLeaversTakeItsOwnPathway() throws {
        let s = try TestScenarios.read(Self.pathwayText)
        #expect(s.entries.streams[0].pathwayFrom?[0] == Mix(shares: [0, 0, 1]))
        // Support to 25 and what is unsuitable are the scenario's: a stream gives only its pathway.
        #expect { try TestScenarios.read(Self.pathwayText.replacingOccurrences(of: "pathway: {all: {supported lodgings: 100%}}", with: "support_to_25: 50%")) }
            throws: { "\($0)".contains("support_to_25") && "\($0)".contains("pathway") }
        // A misspelt 'pathway' is one error, with its did-you-mean.
        #expect { try TestScenarios.read(Self.pathwayText.replacingOccurrences(of: "    pathway: {all: {supported lodgings", with: "    pathwy: {all: {supported lodgings")) }
            throws: { "\($0)".contains("did you mean") && "\($0)".contains("pathwy") && !"\($0)".contains("gives its") }
        let model = CareModel(s)
        let march = model.monthEnds.firstIndex { $0.description == "2026-03-31" }!
        func stock(_ t: Tally, _ provider: Int) -> Int32 { (0..<t.bands).reduce(0) { $0 + t.stock(month: march, provider: provider, band: $1) } }
        for t in MonteCarlo.run(model, replications: s.replications, threads: 2) {
            #expect(stock(t, 0) == 0 && stock(t, 1) == 100 && stock(t, 2) == 100, "foster \(stock(t, 0)), staying put \(stock(t, 1)), supported lodgings \(stock(t, 2))")
        }
    }
}

