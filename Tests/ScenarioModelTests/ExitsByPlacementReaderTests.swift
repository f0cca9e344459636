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

/// `entries.streams`: names must differ, and a stream's exit reasons are the scenario's.
@Suite struct EntryStreamReaderTests {
    static let text = BrokenScenarioTests.base.replacingOccurrences(of: "    all: {foster care: 90%, children's home: 10%}\n", with: """
            all: {foster care: 90%, children's home: 10%}
          streams:
            asylum:
              per_year: {16 to 17: 12}
              first_placement: {all: {children's home: 100%}}
              exits:
                returned home: {16 to 17: 0.5}

        """) + """
        exits:
          rates:
            returned home: {all: 0.2}

        """

    @Test func readsAStream() throws {
        let s = try #require(Fixture.scenario(Self.text))
        #expect(s.entries.streams.map(\.name) == ["asylum"])
        #expect(s.entries.streams[0].perYear[4] == Rate(perYear: 12))
        #expect(s.entries.streams[0].exitRates?[0][4] == Rate(perYear: 0.5))
    }

    @Test func misspeltReasonAndRepeatedName() {
        let typo = Fixture.errors(Self.text.replacingOccurrences(of: "        returned home: {16 to 17: 0.5}", with: "        returned hom: {16 to 17: 0.5}"))
        #expect(typo.contains("unknown exit reason 'returned hom'; did you mean 'returned home'?"), "\(typo)")
        let twice = Fixture.errors(Self.text.replacingOccurrences(of: "    asylum:", with: "    children:"))
        #expect(twice.contains("stream 'children' is named twice"), "\(twice)")
    }

    /// The top-level form of 'exits' inside a stream, and a reason the scenario does not name, say what to write.
    @Test func streamExitsSayHowToWriteThem() {
        let nested = Fixture.errors(Self.text.replacingOccurrences(of: "        returned home: {16 to 17: 0.5}",
                                                                   with: "        rates: {returned home: {16 to 17: 0.5}}"))
        #expect(nested.contains("a stream's 'exits' gives rates by reason directly"), "\(nested)")
        let missing = Fixture.errors(Self.text.replacingOccurrences(of: "        returned home: {16 to 17: 0.5}",
                                                                    with: "        transferred: {16 to 17: 0.5}"))
        #expect(missing.contains("unknown exit reason 'transferred': a stream's reasons are those the scenario's 'exits: rates:' names ('returned home'); add 'transferred' there"), "\(missing)")
    }

    /// A stream's own care-leaver pathway needs the scenario's 'care_leavers' section.
    @Test func aStreamsCareLeaverPathway() {
        let withPathway = Self.text.replacingOccurrences(of: "      exits:\n        returned home: {16 to 17: 0.5}",
                                                         with: "      care_leavers:\n        pathway: {all: {foster care: 100%}}\n      exits:\n        returned home: {16 to 17: 0.5}")
        let noSection = Fixture.errors(withPathway)
        #expect(noSection.contains("stream 'asylum' gives its care leavers' pathway, but the scenario has no 'care_leavers' section"), "\(noSection)")
    }
}

