import Foundation
import Testing
import CareSimulation
import ScenarioModel
@testable import Reports

/// measures.csv and its paired differences.
@Suite struct MeasuresTableTests {
    static func scenario(extra: String = "", population: String = "fostering: {5 to 9: 120}", local: String = ", local: 50%") throws -> Scenario {
        let yaml = """
            start: 2025-04-01
            horizon: 2 years
            replications: 30
            seed: 9
            \(extra)
            placements:
              foster care:
                providers:
                  - {name: fostering, in_house: true, capacity: 200, weekly_cost: £600}
                  - {name: agency fostering, weekly_cost: £900\(local)}
            population:
              \(population)
            entries:
              per_year: {under 1: 0, 1 to 4: 0, 5 to 9: 0, 10 to 15: 0, 16 to 17: 0}
              first_placement: {all: {foster care: 100%}}
            """
        return try ScenarioLoader(readFile: { _ in yaml }).load("s.yaml")
    }

    static func projection(_ s: Scenario, threads: Int = 2) -> Projection {
        let model = CareModel(s)
        return Projection(model: model, tallies: MonteCarlo.run(model, replications: s.replications, threads: threads))
    }

    static func rows(_ table: CSVTable, _ measure: String) -> [[CSVField]] {
        table.rows.filter { $0[1] == .text(measure) }
    }

    /// 120 children in care, nobody entering or leaving, in a council of 48,000 children: 25 per 10,000.
    @Test func perTenThousandIsChildrenInCareOverThePopulation() throws {
        let table = Self.projection(try Self.scenario(extra: "child_population: 48000")).measuresTable()
        let rows = Self.rows(table, "children in care per 10,000 children")
        #expect(rows.map { $0[0] } == [.text("start"), .text("2025/26"), .text("2026/27")])
        for row in rows { #expect(Array(row[2...]) == Array(repeating: CSVField.number(25, decimals: 2), count: 6)) }
        #expect(Self.rows(table, "children in care").allSatisfy { $0[2] == .number(120, decimals: 2) })
        #expect(table.header == ["financial_year", "measure", "mean", "p05", "p25", "p50", "p75", "p95"])
    }

    /// A measure the scenario cannot define is left out, not written as 0.
    @Test func undefinedMeasuresAreLeftOut() throws {
        let names = Self.projection(try Self.scenario()).measuresTable().rows.map { $0[1] }
        #expect(names.contains(CSVField.text("children in care")) && names.contains(CSVField.text("3+ placements in the year (%)")))
        for missing in ["children in care per 10,000 children", "foster households", "left care through adoption (%)",
                        "days from entering care to adoption", "care leavers in suitable accommodation (%)",
                        "sibling groups placed together (%)", "emergency placements"] {
            #expect(!names.contains(CSVField.text(missing)), "\(missing) should be left out")
        }
        // Everyone is in house: the in-house share of foster placements is 100% at the start.
        let inHouse = Self.rows(Self.projection(try Self.scenario()).measuresTable(), "in-house share of foster placements (%)")
        #expect(inHouse.first?[0] == .text("start") && inHouse.first?[2] == .number(100, decimals: 2))
    }

    /// Placed out of area needs some provider's `local` share: without one every child counts as
    /// local by default, and the measure was written as 0% (found calibrating from a 903 return,
    /// which gives no distances).
    @Test func outOfAreaNeedsALocalShare() throws {
        let stated = Self.projection(try Self.scenario()).measuresTable()
        #expect(Self.rows(stated, "placed out of area (%)").first?[0] == .text("start"))
        let scenario = try Self.scenario(local: "")
        #expect(Self.rows(Self.projection(scenario).measuresTable(), "placed out of area (%)").isEmpty)
    }

    /// Measures from flows: every group of two placed together with ample sibling households (100%),
    /// none with no households (0%); emergency placements only with emergency beds.
    @Test func siblingGroupsPlacedTogetherFromTheFlows() throws {
        func table(households: Int) throws -> CSVTable {
            let yaml = """
                start: 2025-04-01
                horizon: 2 years
                replications: 20
                seed: 4
                placements:
                  foster care:
                    providers:
                      - {name: fostering, in_house: true, capacity: 0, siblings: {households: \(households), places: 2}, weekly_cost: £600}
                      - {name: agency fostering, weekly_cost: £900}
                entries:
                  per_year: {5 to 9: 40}
                  first_placement: {all: {foster care: 100%}}
                  sibling_groups: {all: {2: 100%}}
                """
            return Self.projection(try ScenarioLoader(readFile: { _ in yaml }).load("s.yaml")).measuresTable()
        }
        let ample = Self.rows(try table(households: 1000), "sibling groups placed together (%)")
        #expect(ample.count == 2 && ample.allSatisfy { Array($0[2...]) == Array(repeating: CSVField.number(100, decimals: 2), count: 6) })
        let none = Self.rows(try table(households: 0), "sibling groups placed together (%)")
        #expect(none.count == 2 && none.allSatisfy { Array($0[2...]) == Array(repeating: CSVField.number(0, decimals: 2), count: 6) })
        #expect(Self.rows(try table(households: 0), "emergency placements").isEmpty)
    }

    @Test func aScenarioComparedWithItselfDiffersByExactlyZero() throws {
        let s = try Self.scenario(extra: "child_population: 48000", population: "fostering: {5 to 9: 60}\n  agency fostering: {5 to 9: 60}")
        let base = Self.projection(s)
        let table = try Comparison(base: base, variant: Self.projection(s)).measuresTable()
        #expect(table.rows.count == base.measuresTable().rows.count)
        #expect(table.rows.allSatisfy { row in row[2...].allSatisfy { $0 == .number(0, decimals: 2) } })
    }

    @Test func oneThreadAndFourGiveTheSameTable() throws {
        let s = try Self.scenario(population: "fostering: {5 to 9: 60}\n  agency fostering: {5 to 9: 60}")
        #expect(Self.projection(s, threads: 1).measuresTable().rendered() == Self.projection(s, threads: 4).measuresTable().rendered())
    }
}

