import Testing
@testable import ScenarioModel

/// Emergency beds and sibling groups in the scenario format: what is read, and every error whole.
@Suite struct EmergencyAndSiblingReaderTests {
    static let base = """
        start: 2025-04-01
        placements:
          foster care:
            providers:
              - name: in-house fostering
                capacity: 10
                siblings: {households: 3, places: 3}
                weekly_cost: £500
              - name: agency fostering
                weekly_cost: £900
          emergency beds:
            serves: emergency
            providers:
              - name: emergency bed facility
                capacity: 4
                capacity_changes:
                  - {date: 2026-04-01, change: 4}
                weekly_cost: £3,000
              - name: unregistered placement
                weekly_cost: £8,000
                local: 0%
        entries:
          per_year: {all: 10}
          first_placement: {all: {foster care: 100%}}
          sibling_groups:
            all: {1: 70%, 2: 20%, 3: 10%}
            under 1: {1: 100%}
        emergency_beds:
          entries: 15%
          moves: 10%
          stay: {distribution: lognormal, mean: 4 days, shape: 0.8}

        """

    /// `base` with `old` (which must occur once) replaced by `new`, rendered diagnostics.
    static func errors(replacing old: String, with new: String) -> String {
        precondition(base.components(separatedBy: old).count == 2, "'\(old)' must occur once")
        return Fixture.errors(base.replacingOccurrences(of: old, with: new))
    }

    /// Sibling households only where sibling groups can be placed: a type serving children.
    @Test func siblingsOnlyForChildrensTypes() {
        let leavers = "  staying put:\n    serves: care leavers\n    providers:\n      - name: staying put\n        siblings: {households: 2}\n        weekly_cost: £300\n"
        let text = Self.base.replacingOccurrences(of: "entries:\n  per_year", with: leavers + "entries:\n  per_year")
            + "care_leavers:\n  pathway: {all: {staying put: 100%}}\n"
        let errors = Fixture.errors(text)
        #expect(errors.contains("'siblings' is for placement types serving children (sibling groups enter care together); 'staying put' serves care leavers"), "\(errors)")
    }

    @Test func baseIsRead() throws {
        let s = try #require(Fixture.scenario(Self.base))
        let beds = try #require(s.emergencyBeds)
        #expect(s.placementTypes[beds.placementType].name == "emergency beds")
        #expect(s.placementTypes[beds.placementType].serves == .emergency)
        #expect(beds.entryShare == 0.15 && beds.moveShare == 0.1)
        #expect(beds.stay == Distribution(kind: .lognormal, meanDays: 4, shape: 0.8))
        #expect(s.providers[2].capacityChanges.map(\.change) == [4])
        #expect(s.providers[0].siblings == SiblingHouseholds(households: 3, places: 3))
        #expect(s.providers[1].siblings == nil)
        #expect(s.entries.siblingGroups.count == 5)
        #expect(s.entries.siblingGroups[0].shares == [1])
        #expect(zip(s.entries.siblingGroups[3].shares, [0.7, 0.2, 0.1]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(abs(s.entries.siblingGroups[3].mean - 1.4) < 1e-12)
    }

    @Test func withoutTheNewKeysNothingChanges() throws {
        let s = try #require(Fixture.scenario(Fixture.minimal))
        #expect(s.emergencyBeds == nil && s.entries.siblingGroups.isEmpty && s.providers.allSatisfy { $0.siblings == nil })
    }

    @Test func negativeCapacityOfEmergencyBeds() {
        #expect(Self.errors(replacing: "capacity: 4\n", with: "capacity: -4\n") == """
            s.yaml:15:19: error: 'capacity' must be from 0 to 10000000, found -4
                        capacity: -4
                                  ^
            """)
    }

    @Test func shareAboveAHundredPercent() {
        #expect(Self.errors(replacing: "entries: 15%", with: "entries: 150%") == """
            s.yaml:29:12: error: 'entries' must be a share between 0% and 100%, found '150%'
                  entries: 150%
                           ^
            """)
    }

    @Test func misspeltKeys() {
        #expect(Self.errors(replacing: "moves: 10%", with: "moevs: 10%") == """
            s.yaml:30:3: error: unknown key 'moevs' in 'emergency_beds'; did you mean 'moves'?
                  moevs: 10%
                  ^
            """)
        #expect(Self.errors(replacing: "stay:", with: "stya:") == """
            s.yaml:31:3: error: unknown key 'stya' in 'emergency_beds'; did you mean 'stay'?
                  stya: {distribution: lognormal, mean: 4 days, shape: 0.8}
                  ^
            """)
        #expect(Self.errors(replacing: "{households: 3, places: 3}", with: "{housholds: 3, places: 3}") == """
            s.yaml:7:20: error: unknown key 'housholds' in 'siblings'; did you mean 'households'?
                        siblings: {housholds: 3, places: 3}
                                   ^
            """)
        #expect(Self.errors(replacing: "  sibling_groups:", with: "  siblings_groups:") == """
            s.yaml:25:3: error: unknown key 'siblings_groups' in 'entries'; did you mean 'sibling_groups'?
                  siblings_groups:
                  ^
            """)
        #expect(Self.errors(replacing: "serves: emergency", with: "serves: emergncy") == """
            s.yaml:12:13: error: unknown value 'emergncy' for 'serves'; did you mean 'emergency'? Use one of children, parent and child, care leavers, emergency
                    serves: emergncy
                            ^
            """)
    }

    @Test func badSiblingFigures() {
        #expect(Self.errors(replacing: "{households: 3, places: 3}", with: "{households: -1}") == """
            s.yaml:7:32: error: 'households' must be from 0 to 1000000, found -1
                        siblings: {households: -1}
                                               ^
            """)
        #expect(Self.errors(replacing: "{households: 3, places: 3}", with: "{households: 3, places: 1}") == """
            s.yaml:7:43: error: 'places' must be from 2 to 8, found 1
                        siblings: {households: 3, places: 1}
                                                          ^
            """)
        #expect(Self.errors(replacing: "3: 10%}", with: "three: 10%}") == """
            s.yaml:26:27: error: expected a group size from 1 to 8 children in 'sibling_groups.all', found 'three'
                    all: {1: 70%, 2: 20%, three: 10%}
                                          ^
            """)
        #expect(Self.errors(replacing: "3: 10%}", with: "3: 20%}") == """
            s.yaml:26:10: error: the shares in 'sibling_groups.all' add up to 110%, not 100%
                    all: {1: 70%, 2: 20%, 3: 20%}
                         ^
            """)
    }

    @Test func whatEmergencyBedsCannotHave() {
        #expect(Self.errors(replacing: "    serves: emergency\n", with: "    serves: emergency\n    step_down: true\n    moves: {rate: 1}\n") == """
            s.yaml:14:12: error: 'emergency beds' holds emergency beds: children leave them when their 'stay' in 'emergency_beds' ends, so it has no 'moves'
                    moves: {rate: 1}
                           ^
            s.yaml:13:16: error: 'emergency beds' holds emergency beds, where nobody steps down; remove 'step_down'
                    step_down: true
                               ^
            """)
        #expect(Self.errors(replacing: "entries:\n  per_year", with: "population:\n  emergency bed facility: {10 to 15: 1}\nneed_trends: {emergency beds: 5%}\nentries:\n  per_year") == """
            s.yaml:23:3: error: 'emergency bed facility' holds emergency beds, and children in them on the start date are not modelled; count them in the placement they go to next
                  emergency bed facility: {10 to 15: 1}
                  ^
            s.yaml:24:15: error: 'emergency beds' holds emergency beds; the share needing one is set in 'emergency_beds'
                need_trends: {emergency beds: 5%}
                              ^
            """)
        #expect(Self.errors(replacing: "{foster care: 100%}}", with: "{foster care: 90%, emergency beds: 10%}}") == """
            s.yaml:24:45: error: 'emergency beds' does not serve children, so no child can be placed there
                  first_placement: {all: {foster care: 90%, emergency beds: 10%}}
                                                            ^
            """)
        #expect(Self.errors(replacing: "  entries: 15%\n  moves: 10%\n", with: "") == """
            s.yaml:29:3: error: 'emergency_beds' needs 'entries' or 'moves': the share of entries, or of placement moves, that need an emergency bed first
                  stay: {distribution: lognormal, mean: 4 days, shape: 0.8}
                  ^
            """)
    }

    @Test func emergencyBedsNeedBothParts() {
        #expect(Self.errors(replacing: "    serves: emergency\n", with: "") == """
            s.yaml:28:3: error: no placement type serves 'emergency'; add the emergency beds as a placement type with 'serves: emergency', its last provider being where children go when the beds are full
                  entries: 15%
                  ^
            """)
        let withoutSection = Self.base.components(separatedBy: "emergency_beds:\n")[0]
        #expect(Fixture.errors(withoutSection) == """
            s.yaml:3:3: error: placement type 'emergency beds' serves 'emergency' but there is no 'emergency_beds' section
                  foster care:
                  ^
            """)
    }
}
