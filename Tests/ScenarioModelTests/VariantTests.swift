import Testing
import YAMLReader
@testable import ScenarioModel

/// `extends:` — a variant deep-merged onto its baseline.
@Suite struct VariantTests {
    static let baseline = """
        name: baseline
        description: the baseline
        start: 2025-04-01
        seed: 7
        placements:
          foster care:
            providers:
              - name: in-house fostering
                capacity: 10
                weekly_cost: £500
                local: 90%
              - name: agency fostering
                weekly_cost: £900
            step_down: true
        entries:
          per_year: {all: 10, under 1: 20}
          first_placement: {all: {foster care: 100%}}
          changes:
            - {from: 2026-04-01, change: -10%}
            - {from: 2027-04-01, change: -5%}

        """

    @Test func mappingsMergeByKey() throws {
        let variant = """
            extends: baseline.yaml
            name: more in-house
            entries:
              per_year: {under 1: 30}
              trend: 2%

            """
        let (s, errors) = Fixture.load("v.yaml", ["v.yaml": variant, "baseline.yaml": Self.baseline])
        let scenario = try #require(s, "\(errors)")
        #expect(scenario.name == "more in-house")
        #expect(scenario.description == "the baseline")
        #expect(scenario.seed == 7)
        // 'per_year' merged key by key: 'all' kept from the baseline, 'under 1' replaced.
        #expect(scenario.entries.perYear.map(\.perYear) == [30, 10, 10, 10, 10])
        #expect(scenario.entries.trend == 0.02)
        #expect(scenario.placementTypes[0].stepDown)
    }

    @Test func namedListItemsMergeByName() throws {
        let variant = """
            extends: baseline.yaml
            placements:
              foster care:
                providers:
                  - name: in-house fostering
                    capacity: 25
                  - name: agency fostering
                    weekly_cost: £950

            """
        let (s, errors) = Fixture.load("v.yaml", ["v.yaml": variant, "baseline.yaml": Self.baseline])
        let scenario = try #require(s, "\(errors)")
        let providers = scenario.providers
        #expect(providers.map(\.name) == ["in-house fostering", "agency fostering"])
        #expect(providers[0].capacity == 25)
        #expect(providers[0].weeklyCost == 500)  // kept from the baseline
        #expect(providers[0].localShare == 0.9)
        #expect(providers[1].weeklyCost == 950)
    }

    @Test func newNamedItemsAreAppended() throws {
        let variant = """
            extends: baseline.yaml
            placements:
              foster care:
                providers:
                  - name: agency fostering
                    capacity: 40
                  - name: emergency beds
                    weekly_cost: £2,000

            """
        let (s, errors) = Fixture.load("v.yaml", ["v.yaml": variant, "baseline.yaml": Self.baseline])
        let scenario = try #require(s, "\(errors)")
        #expect(scenario.providers.map(\.name) == ["in-house fostering", "agency fostering", "emergency beds"])
        #expect(scenario.providers.map(\.capacity) == [10, 40, nil])
    }

    @Test func otherListsAreReplaced() throws {
        let variant = """
            extends: baseline.yaml
            entries:
              changes:
                - {from: 2028-04-01, change: 5%}

            """
        let (s, errors) = Fixture.load("v.yaml", ["v.yaml": variant, "baseline.yaml": Self.baseline])
        let scenario = try #require(s, "\(errors)")
        #expect(scenario.entries.changes == [StepChange(from: Day(iso: "2028-04-01")!, factor: 1.05, bands: [])])
    }

    @Test func twoLevelChain() throws {
        let middle = """
            extends: ../baseline.yaml
            name: middle
            seed: 8
            entries:
              trend: 1%

            """
        let top = """
            extends: middle.yaml
            name: top
            entries:
              trend: 3%
            placements:
              foster care:
                providers:
                  - name: in-house fostering
                    capacity: 12

            """
        let files = ["variants/top.yaml": top, "variants/middle.yaml": middle, "variants/../baseline.yaml": Self.baseline]
        let loaded = try Fixture.loader(files).loadWithSources("variants/top.yaml")
        #expect(loaded.sources.map(\.path) == ["variants/top.yaml", "variants/middle.yaml", "variants/../baseline.yaml"])
        let s = loaded.scenario
        #expect(s.name == "top")
        #expect(s.seed == 8)
        #expect(s.entries.trend == 0.03)
        #expect(s.providers[0].capacity == 12)
        #expect(s.start.description == "2025-04-01")
    }

    @Test func errorsInTheBaselineKeepTheBaselinesPath() {
        let brokenBaseline = Self.baseline.replacingOccurrences(of: "weekly_cost: £900", with: "weekly_cost: lots")
        let variant = "extends: baseline.yaml\nname: variant\nseed: -1\n"
        let (_, errors) = Fixture.load("v.yaml", ["v.yaml": variant, "baseline.yaml": brokenBaseline])
        #expect(errors == """
            v.yaml:3:7: error: 'seed' must be at least 0, found -1
                seed: -1
                      ^
            baseline.yaml:13:22: error: expected an amount in pounds such as '£850' for 'weekly_cost', found 'lots'
                        weekly_cost: lots
                                     ^
            """)
    }

    @Test func aVariantWithoutANameKeepsTheBaselines() throws {
        let (s, _) = Fixture.load("v.yaml", ["v.yaml": "extends: baseline.yaml\n", "baseline.yaml": Self.baseline])
        #expect(try #require(s).name == "baseline")
        let (unnamed, _) = Fixture.load("dir/plain.yaml", ["dir/plain.yaml": Fixture.minimal])
        #expect(try #require(unnamed).name == "plain")
    }

    @Test func mergeKeepsOrderAndDropsExtends() throws {
        let base = try YAML.read(SourceText(path: "b", text: "a: 1\nb: {p: 1, q: 2}\nl: [1, 2]\n"))
        let top = try YAML.read(SourceText(path: "t", text: "extends: b\nb: {q: 3, r: 4}\nl: [9]\nc: 5\n"))
        let merged = Merge.overlay(top, on: base)
        #expect(merged.pairs.map(\.key) == ["a", "b", "l", "c"])
        #expect(merged.pairs[1].value.pairs.map(\.key) == ["p", "q", "r"])
        guard case .sequence(let items) = merged.pairs[2].value.content else {
            Issue.record("expected a list")
            return
        }
        #expect(items.count == 1)
    }
}
