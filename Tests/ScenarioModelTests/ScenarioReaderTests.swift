import Testing
@testable import ScenarioModel

/// Reading valid scenarios: the defaults, age bands, mixes, moves and the optional sections.
@Suite struct ScenarioReaderTests {
    @Test func defaults() throws {
        let s = try #require(Fixture.scenario(Fixture.minimal, path: "dir/minimal.yaml"))
        #expect(s.name == "minimal" && s.description == "")
        #expect(s.months == ScenarioReader.Defaults.horizonMonths && s.months == 60)
        #expect(s.replications == 1000 && s.seed == 1)
        #expect(s.ageBands == AgeBand.dfe)
        #expect(s.population.isEmpty && s.exits.reasons.isEmpty && s.needTrends.isEmpty && s.budgets.isEmpty)
        #expect(s.parentAndChild == nil && s.careLeavers == nil)
        #expect(s.inflation == .yearly(0) && s.entries.trend == 0 && s.entries.changes.isEmpty)
        let p = s.providers
        #expect(p.map(\.inHouse) == [false, false] && p.map(\.upliftAboveInflation) == [0, 0])
        #expect(s.placementTypes[0].moveRate == Rate(perYear: 0) && !s.placementTypes[0].stepDown)
        #expect(s.placementTypes[0].serves == .children)
    }

    @Test func customAgeBands() throws {
        let text = Fixture.minimal(replacing: "start: 2025-04-01", with: "start: 2025-04-01\nage_bands: {young: 0, middle: 6, older: 12}")
        let s = try #require(Fixture.scenario(text))
        #expect(s.ageBands == [
            AgeBand(name: "young", fromAge: 0, toAge: 5), AgeBand(name: "middle", fromAge: 6, toAge: 11),
            AgeBand(name: "older", fromAge: 12, toAge: 17),
        ])
        #expect(s.entries.perYear.count == 3)
    }

    @Test func ageBandRules() {
        #expect(Fixture.errors(Fixture.minimal + "age_bands: {a: 1, b: 5}\n") == Fixture.rendered(
            13, 16, "the first age band must start at age 0, found 1", "age_bands: {a: 1, b: 5}"))
        #expect(Fixture.errors(Fixture.minimal + "age_bands: {a: 0, b: 5, c: 5}\n") == Fixture.rendered(
            13, 28, "age band 'c' must start at an older age than 'b' (5)", "age_bands: {a: 0, b: 5, c: 5}"))
        #expect(Fixture.errors(Fixture.minimal + "age_bands: {a: 0, b: 18}\n") == Fixture.rendered(
            13, 22, "'b' must be from 0 to 17, found 18", "age_bands: {a: 0, b: 18}"))
    }

    /// A band named for its ages must cover them (found trying '16 to 17: 15': '10 to 15' then
    /// silently covered 10 to 14 and '16 to 17' took the 15-year-olds).
    @Test func bandNamesMatchTheirAges() {
        let shifted = Fixture.errors(Fixture.minimal + "age_bands: {under 1: 0, 1 to 4: 1, 5 to 9: 5, 10 to 15: 10, 16 to 17: 15}\n")
        #expect(shifted.contains("error: age band '16 to 17' starts at 15, but its name says 16: correct the age it starts at, or its name"), "\(shifted)")
        #expect(shifted.components(separatedBy: "error:").count == 2, "one mistake, one error: \(shifted)")
        let late = Fixture.errors(Fixture.minimal + "age_bands: {under 1: 0, 1 to 4: 1, 5 to 9: 6, 10 to 17: 10}\n")
        #expect(late.contains("error: age band '5 to 9' starts at 6, but its name says 5") && late.components(separatedBy: "error:").count == 2,
                "the start of '5 to 9' is the one mistake reported, not also the end of '1 to 4': \(late)")
        #expect(Fixture.errors(Fixture.minimal + "age_bands: {under 2: 0, 1 to 17: 1}\n")
            .contains("error: age band 'under 2' covers ages 0 to 0 (the next band, '1 to 17', starts at 1), but its name says 0 to 1"))
        #expect(Fixture.errors(Fixture.minimal + "age_bands: {under 1: 0, 1 to 16: 1}\n")
            .contains("error: age band '1 to 16' covers ages 1 to 17 (children's bands end at 17), but its name says 1 to 16"))
        // A band left out for its own error does not make its neighbour's name look wrong too.
        let broken = Fixture.errors(Fixture.minimal + "age_bands: {under 1: 0, 1 to 4: 1, 5 to 17: five}\n")
        #expect(broken.components(separatedBy: "error:").count == 2, "\(broken)")
        // Names that are not ages, and consistent ones, are left alone.
        #expect(Fixture.scenario(Fixture.minimal(replacing: "start: 2025-04-01", with: "start: 2025-04-01\nage_bands: {baby: 0, 1 to 4: 1, older: 5}")) != nil)
    }

    /// A band named like '1-4' turns into 1 April when Excel opens the CSVs (and '10-15' into a
    /// date too): refused with the spelling that stays text.
    @Test func bandNamesExcelTakesForDatesAreRefused() {
        #expect(Fixture.errors(Fixture.minimal + "age_bands: {under 1: 0, 1-4: 1, 5 to 17: 5}\n") == Fixture.rendered(
            13, 25, "age band '1-4' would be read as a date by Excel when it opens the CSVs; write '1 to 4'",
            "age_bands: {under 1: 0, 1-4: 1, 5 to 17: 5}"))
        #expect(Fixture.errors(Fixture.minimal + "age_bands: {0/4: 0, 5 to 17: 5}\n").contains("write '0 to 4'"))
    }

    @Test func mixesByBandWithAll() throws {
        let s = try #require(Fixture.scenario(BrokenScenarioTests.base.replacingOccurrences(
            of: "    all: {foster care: 90%, children's home: 10%}",
            with: "    all: {foster care: 90%, children's home: 10%}\n    under 1: {foster care: 100%}")))
        #expect(s.entries.firstPlacement[0] == Mix(shares: [1, 0]))
        #expect(s.entries.firstPlacement[1] == Mix(shares: [0.9, 0.1]))
        let type = s.placementTypes[0]
        #expect(type.moveRate == Rate(perYear: 0.3))
        #expect(type.moveTo.count == 5 + AgeBand.careLeavers.count)
        #expect(type.moveTo[4] == Mix(shares: [0.8, 0.2]))
        // A type without moves keeps children where they are.
        #expect(s.placementTypes[1].moveTo[0] == Mix(shares: [0, 1]))
    }

    /// `observed` gives the count behind a mix's shares; it is not a placement type.
    @Test func mixWithTheCountItWasEstimatedFrom() throws {
        let s = try #require(Fixture.scenario(BrokenScenarioTests.base.replacingOccurrences(
            of: "    all: {foster care: 90%, children's home: 10%}",
            with: "    all: {foster care: 90%, children's home: 10%, observed: 120}")))
        #expect(s.entries.firstPlacement[1] == Mix(shares: [0.9, 0.1], observed: 120))
        #expect(s.placementTypes[0].moveTo[4].observed == nil)
    }

    @Test func stepChangesAndTheirBands() throws {
        let text = Fixture.minimal(replacing: "  per_year: {all: 10}", with: """
              per_year: {all: 10}
              changes:
                - {from: 2026-04-01, change: -10%, age_bands: [10 to 15, 16 to 17]}
                - {from: 2027-04-01, change: 5%}
            """)
        let s = try #require(Fixture.scenario(text))
        #expect(s.entries.changes == [
            StepChange(from: Day(iso: "2026-04-01")!, factor: 0.9, bands: [3, 4]),
            StepChange(from: Day(iso: "2027-04-01")!, factor: 1.05, bands: []),
        ])
    }

    @Test func fosterCarersSetCapacity() throws {
        let text = Fixture.minimal(replacing: "capacity: 10", with: "foster_carers: {households: 149, places_per_household: 0.94, attrition: 12%}")
        let s = try #require(Fixture.scenario(text))
        #expect(s.providers[0].capacity == 140)
        #expect(s.providers[0].fosterCarers == FosterCarers(households: 149, recruitedPerYear: 0, attritionPerYear: 0.12, placesPerHousehold: 0.94))
        let both = Fixture.minimal(replacing: "capacity: 10", with: "capacity: 10\n        foster_carers: {households: 3}")
        #expect(Fixture.errors(both) == Fixture.rendered(
            7, 24, "give provider 'in-house fostering' either 'capacity' or 'foster_carers' (which sets capacity), not both",
            "        foster_carers: {households: 3}"))
    }

    @Test func exitsWithDurations() throws {
        let text = Fixture.minimal + """
            exits:
              rates:
                returned home: {all: 0.2}
                adoption: {under 1: 0.1, 1 to 4: {events: 30, years: 100}}
              duration:
                10 to 15: {distribution: weibull, mean: 18 months, shape: 0.8}

            """
        let s = try #require(Fixture.scenario(text))
        #expect(s.exits.reasons == ["returned home", "adoption"])
        #expect(s.exits.rates[1].map(\.perYear) == [0.1, 0.3, 0, 0, 0])
        #expect(s.exits.duration.map { $0?.kind } == [nil, nil, nil, .weibull, nil])
        #expect(Fixture.errors(Fixture.minimal + "exits:\n  duration: {all: {mean: 1 year}}\n") == Fixture.rendered(
            14, 13, "'duration' needs 'rates' too: the rates choose each child's reason for leaving",
            "  duration: {all: {mean: 1 year}}"))
    }

    @Test func distributionRules() {
        func error(_ distribution: String) -> String {
            Fixture.errors(Fixture.minimal + "exits:\n  rates: {left: {all: 0.1}}\n  duration: {all: \(distribution)}\n")
        }
        let line = { (d: String) in "  duration: {all: \(d)}" }
        #expect(error("{distribution: gama, mean: 1 year, shape: 2}") == Fixture.rendered(
            15, 34, "unknown distribution 'gama'; did you mean 'gamma'? Use one of exponential, gamma, lognormal, weibull",
            line("{distribution: gama, mean: 1 year, shape: 2}")))
        #expect(error("{distribution: gamma, mean: 1 year}") == Fixture.rendered(
            15, 19, "a gamma distribution for 'duration.all' needs a 'shape'", line("{distribution: gamma, mean: 1 year}")))
        #expect(error("{mean: 1 year, shape: 2}") == Fixture.rendered(
            15, 41, "an exponential distribution has no 'shape'", line("{mean: 1 year, shape: 2}")))
        #expect(error("{distribution: lognormal}") == Fixture.rendered(
            15, 19, "'duration.all' needs a 'mean' duration, such as 'mean: 12 weeks'", line("{distribution: lognormal}")))
    }

    @Test func parentAndChildAndCareLeavers() throws {
        let path = Fixture.repoRoot.appendingPathComponent("scenarios/example-annotated.yaml").path
        let s = try ScenarioLoader().load(path)
        let pc = try #require(s.parentAndChild)
        #expect(pc.perYear == Rate(perYear: 6) && pc.babyEntersCare == 0.4)
        #expect(pc.duration == Distribution(kind: .lognormal, meanDays: 84, shape: 0.4))
        let leavers = try #require(s.careLeavers)
        #expect(leavers.supportTo25 == 0.25)
        let types = s.placementTypes.map(\.name)
        let foster = try #require(types.firstIndex(of: "foster care"))
        let home = try #require(types.firstIndex(of: "children's home"))
        let stayingPut = try #require(types.firstIndex(of: "staying put"))
        #expect(leavers.pathwayFrom[foster].shares[stayingPut] == 0.3)
        #expect(leavers.pathwayFrom[home].shares[stayingPut] == 0)  // from 'all'
        #expect(s.firstLeaverBand == 5)
    }

    @Test func sectionsRequiredByWhomTypesServe() {
        let text = Fixture.minimal(replacing: "entries:", with: """
              leaving care:
                serves: care leavers
                providers:
                  - name: own tenancy
                    weekly_cost: £100
            entries:
            """)
        #expect(Fixture.errors(text) == Fixture.rendered(
            3, 3, "placement types serve 'care leavers' but there is no 'care_leavers' section", "  foster care:"))
    }
}
