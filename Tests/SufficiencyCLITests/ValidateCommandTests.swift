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
}
