import Testing
@testable import ScenarioModel

/// The keys the strategy's measures read: `child_population` and `care_leavers: unsuitable`.
@Suite struct MeasureKeysTests {
    static func scenario(top: String = "", unsuitable: String) -> String {
        """
        start: 2025-04-01
        \(top)
        placements:
          foster care:
            providers:
              - {name: fostering, weekly_cost: £500}
          own tenancy:
            serves: care leavers
            providers:
              - {name: own tenancy, weekly_cost: £0}
          bed and breakfast:
            serves: care leavers
            providers:
              - {name: bed and breakfast, weekly_cost: £300}
        entries:
          per_year: {all: 10}
          first_placement: {all: {foster care: 100%}}
        care_leavers:
          pathway: {all: {own tenancy: 90%, bed and breakfast: 10%}}
          unsuitable: \(unsuitable)

        """
    }

    @Test func bothKeysAreRead() {
        let (s, errors) = Fixture.load("s.yaml", ["s.yaml": Self.scenario(top: "child_population: 65441", unsuitable: "[bed and breakfast]")])
        #expect(errors == "")
        #expect(s?.childPopulation == 65441)
        #expect(s?.careLeavers?.unsuitable == [2])
        let (without, _) = Fixture.load("s.yaml", ["s.yaml": Fixture.minimal])
        #expect(without?.childPopulation == nil)
    }

    @Test func aMisspeltOrWrongTypeIsAnErrorAtItsPlace() {
        let misspelt = Fixture.load("s.yaml", ["s.yaml": Self.scenario(unsuitable: "[bed and breakfst]")]).errors
        #expect(misspelt.contains("s.yaml:20:16: error: unknown placement type 'bed and breakfst'; did you mean 'bed and breakfast'?"), "\(misspelt)")
        let children = Fixture.load("s.yaml", ["s.yaml": Self.scenario(unsuitable: "[foster care]")]).errors
        #expect(children.contains("error: 'unsuitable' lists 'foster care', which is not accommodation for care leavers"), "\(children)")
        let comma = Fixture.load("s.yaml", ["s.yaml": Self.scenario(top: "child_population: 65,441", unsuitable: "[]")]).errors
        #expect(comma.contains("s.yaml:2:19: error: expected a whole number for 'child_population', found '65,441'; write '65441' without the comma"), "\(comma)")
    }
}
