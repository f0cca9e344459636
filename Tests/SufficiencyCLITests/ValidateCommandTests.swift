import Foundation
import Testing
@testable import SufficiencyCLI

/// What `validate` says of a scenario that is valid.
@Suite struct ValidateCommandTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The example starts with one parent-and-child family: "1 parent-and-child family", not "families".
    @Test func countsOneAsOne() {
        let path = Self.repo.appendingPathComponent("scenarios/example-annotated.yaml").path
        let result = runCLI(["validate", path])
        #expect(result.status == 0)
        #expect(result.out.contains("at the start 182 children in care, 41 care leavers, 1 parent-and-child family; "), "\(result.out)")
    }

    /// A population with 'observed' says so: the analyst sees the key was read as the spread's evidence.
    @Test func saysWhenThePopulationsSpreadIsEstimated() {
        let path = Self.repo.appendingPathComponent("scenarios/example-annotated.yaml").path
        let result = runCLI(["validate", path, "--set", "population.observed=40"])
        #expect(result.status == 0)
        #expect(result.out.contains("at the start 182 children in care (their spread over providers and ages estimated, as if counted from 40 children), 41 care leavers"),
                "\(result.out)")
        #expect(!runCLI(["validate", path]).out.contains("estimated"))
    }

    @Test func oneMonthIsSingular() {
        let path = Self.repo.appendingPathComponent("scenarios/example-annotated.yaml").path
        #expect(runCLI(["validate", path, "--set", "horizon=1 month"]).out.contains(", 2025-04-01 for 1 month, 9 placement types"))
    }
}
