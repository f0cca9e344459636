import Foundation
import Testing
import YAMLReader
@testable import ScenarioModel

/// The resolved scenario as JSON (`validate --resolved`), read from scenarios/medway-baseline.yaml.
@Suite struct ResolvedJSONTests {
    static func medway() throws -> JSON {
        let path = Fixture.repoRoot.appendingPathComponent("scenarios/medway-baseline.yaml").path
        return try ScenarioLoader().load(path).json
    }

    static func member(_ json: JSON, _ key: String) -> JSON? {
        guard case .object(let members) = json else { return nil }
        return members.first { $0.0 == key }?.1
    }

    static func item(_ json: JSON?, _ index: Int) -> JSON? {
        guard case .array(let items)? = json, items.indices.contains(index) else { return nil }
        return items[index]
    }

    @Test func topLevelKeys() throws {
        guard case .object(let members) = try Self.medway() else {
            Issue.record("expected an object")
            return
        }
        #expect(members.map(\.0) == [
            "name", "description", "start", "end", "months", "replications", "seed", "age_bands", "placements",
            "population", "entries", "exits", "inflation", "need_trends", "parent_and_child", "care_leavers", "budgets",
            "population_ages", "variability", "child_population",
        ])
    }

    @Test func spotValues() throws {
        let json = try Self.medway()
        #expect(Self.member(json, "name") == .string("Medway baseline"))
        #expect(Self.member(json, "start") == .string("2025-04-01"))
        #expect(Self.member(json, "end") == .string("2030-03-31"))
        #expect(Self.member(json, "months") == .int(60))
        #expect(Self.member(json, "seed") == .int(20_250_401))
        #expect(Self.member(json, "inflation") == .number(0.03))
        // 10 parent-and-child assessments a year [S003], in the resolved units (a rate per year).
        #expect(Self.member(Self.member(json, "parent_and_child") ?? .null, "per_year") == .number(10))
        let fosterCare = try #require(Self.item(Self.member(json, "placements"), 0))
        #expect(Self.member(fosterCare, "type") == .string("foster care"))
        let inHouse = try #require(Self.item(Self.member(fosterCare, "providers"), 0))
        #expect(Self.member(inHouse, "name") == .string("in-house fostering"))
        #expect(Self.member(inHouse, "weekly_cost") == .number(650))
        #expect(Self.member(inHouse, "capacity") == .int(140))  // 149 households × 0.94 places, rounded down
        let agency = try #require(Self.item(Self.member(fosterCare, "providers"), 1))
        #expect(Self.member(agency, "capacity") == .string("no limit"))
        #expect(Self.member(agency, "weekly_cost") == .number(1000))
        let budget = try #require(Self.item(Self.member(json, "budgets"), 0))
        #expect(budget == .object([("financial_year", .string("2025/26")), ("line", .string("total")), ("pounds", .number(40_000_000))]))
    }

    @Test func exitDurationsDefaultToTheRates() throws {
        let exits = try #require(Self.member(try Self.medway(), "exits"))
        #expect(Self.member(Self.member(exits, "duration") ?? .null, "under 1") == .string("from the rates (exponential)"))
    }
}
