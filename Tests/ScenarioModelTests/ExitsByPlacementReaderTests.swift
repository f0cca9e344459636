import Testing
@testable import ScenarioModel

/// `exits.by_placement`: read into the type's row of rates; misspelt types and reasons are errors
/// with "did you mean".
@Suite struct ExitsByPlacementReaderTests {
    static let exits = """
        exits:
          rates:
            returned home: {all: 0.2}
            adoption: {all: 0.1}
          by_placement:
            children's home: {adoption: 1.5}

        """

    @Test func readsTheTypesRates() throws {
        let s = try #require(Fixture.scenario(BrokenScenarioTests.base + Self.exits))
        #expect(s.exits.byPlacement.count == 2)
        #expect(s.exits.byPlacement[0] == nil)
        #expect(s.exits.byPlacement[1] == [Rate(perYear: 0), Rate(perYear: 1.5)])
    }

    @Test func misspeltTypeAndReason() {
        let text = BrokenScenarioTests.base + Self.exits
            .replacingOccurrences(of: "children's home: {adoption: 1.5}", with: "childrens home: {adoptoin: 1.5}")
        let errors = Fixture.errors(text)
        #expect(errors.contains("s.yaml:28:5: error: unknown placement type 'childrens home'; did you mean 'children's home'?"), "\(errors)")
        let typo = BrokenScenarioTests.base + Self.exits.replacingOccurrences(of: "{adoption: 1.5}", with: "{adoptoin: 1.5}")
        #expect(Fixture.errors(typo).contains("unknown exit reason 'adoptoin'; did you mean 'adoption'?"), "\(Fixture.errors(typo))")
    }
}
