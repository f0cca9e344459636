import Foundation
import ScenarioModel
import YAMLReader
@testable import CareSimulation

/// Scenarios written inline for tests, read through the real reader so tests use the real format.
enum TestScenarios {
    static func read(_ yaml: String) throws -> Scenario {
        let loader = ScenarioLoader(readFile: { _ in yaml })
        return try loader.load("test.yaml")
    }

    /// One placement type served by an in-house provider of `capacity` places (if any), then an
    /// unlimited external one; entries only under 1, so nobody reaches 18 within the horizon.
    static func queue(entriesPerYear: Double, exitPerYear: Double, capacity: Int?, initial: Int = 0,
                      horizonYears: Int = 5, replications: Int = 200, duration: String? = nil) throws -> Scenario {
        let inHouse = capacity.map { "      - {name: in-house, in_house: true, capacity: \($0), weekly_cost: 500}\n" } ?? ""
        return try read("""
            start: 2025-04-01
            horizon: \(horizonYears) years
            replications: \(replications)
            seed: 7
            age_bands: {under 1: 0, 1 to 17: 1}
            placements:
              foster care:
                providers:
            \(inHouse)      - {name: external, weekly_cost: 900}
            population:
              \(capacity == nil ? "external" : "in-house"): {under 1: \(initial)}
            entries:
              per_year: {under 1: \(entriesPerYear), 1 to 17: 0}
              first_placement: {all: {foster care: 100%}}
            exits:
              rates:
                returned home: {all: \(exitPerYear)}
            \(duration.map { "  duration: {all: \($0)}" } ?? "")
            """)
    }
}
