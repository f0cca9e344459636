import Testing
@testable import ScenarioModel

/// `--set key.path=value` what-ifs.
@Suite struct OverrideTests {
    static func scenario(_ settings: String...) -> Scenario? {
        Fixture.scenario(Fixture.minimal, overrides: settings)
    }

    @Test func nestedKey() throws {
        let s = try #require(Self.scenario("entries.per_year.under 1=25"))
        #expect(s.entries.perYear.map(\.perYear) == [25, 10, 10, 10, 10])
    }

    @Test func namedListItem() throws {
        let s = try #require(Self.scenario("placements.foster care.providers.in-house fostering.capacity=30",
                                           "placements.foster care.providers.agency fostering.weekly_cost=£1,100"))
        #expect(s.providers.map(\.capacity) == [30, nil])
        #expect(s.providers.map(\.weeklyCost) == [500, 1100])
    }

    @Test func newKeys() throws {
        let s = try #require(Self.scenario("entries.trend=5%", "inflation.2026/27=4%", "seed=99"))
        #expect(s.entries.trend == 0.05)
        #expect(s.inflation.uplift(for: FinancialYear(startYear: 2026)) == 0.04)
        #expect(s.seed == 99)
    }

    /// The value is read as YAML and replaces what was there (bands not given then get no entries).
    @Test func valueReadAsYAMLReplaces() throws {
        let s = try #require(Self.scenario("entries.per_year={under 1: {events: 30, years: 2}}"))
        #expect(s.entries.perYear[0] == Rate(events: 30, years: 2))
        #expect(s.entries.perYear[1] == Rate(perYear: 0))
        let mix = try #require(Self.scenario("entries.first_placement={all: {foster care: 100%}}"))
        #expect(mix.entries.firstPlacement[0] == Mix(shares: [1]))
    }

    @Test func laterSettingsWin() throws {
        #expect(try #require(Self.scenario("seed=3", "seed=4")).seed == 4)
    }

    @Test func invalidValuePointsAtTheSetting() {
        #expect(Fixture.errors(Fixture.minimal, overrides: ["entries.trend=3"]) == """
            --set:1:15: error: 'trend' of '3' means 300%; write a percentage such as '3%'
                entries.trend=3
                              ^
            """)
    }

    @Test func misspeltNewKeyPointsAtIt() {
        let setting = "placements.foster care.providers.in-house fostering.capacty=4"
        #expect(Fixture.errors(Fixture.minimal, overrides: [setting]) == """
            --set:1:53: error: unknown key 'capacty' in a provider of 'foster care'; did you mean 'capacity'?
                placements.foster care.providers.in-house fostering.capacty=4
                                                                    ^
            """)
    }

    @Test func unknownListItemSuggestsTheNearest() {
        let setting = "placements.foster care.providers.agncy fostering.weekly_cost=5"
        #expect(Fixture.errors(Fixture.minimal, overrides: [setting]) == """
            --set:1:34: error: no item named 'agncy fostering' in the list here; did you mean 'agency fostering'?
                placements.foster care.providers.agncy fostering.weekly_cost=5
                                                 ^
            """)
    }

    @Test func pathThroughAScalar() {
        #expect(Fixture.errors(Fixture.minimal, overrides: ["start.year=2026"]) == """
            --set:1:7: error: cannot set 'year': 'start' is a single value, not a mapping
                start.year=2026
                      ^
            """)
    }

    @Test(arguments: ["entries.trend", "=5%", "entries..trend=5%", ".trend=5%"])
    func malformedSettings(setting: String) {
        #expect(Fixture.errors(Fixture.minimal, overrides: [setting])
            == "--set: error: expected 'key.path=value' for --set, found '\(setting)'")
    }

    @Test func valueThatIsNotYAML() {
        #expect(Fixture.errors(Fixture.minimal, overrides: ["entries.per_year={under 1: 3"]).hasPrefix("--set entries.per_year:1:"))
    }
}
