import Foundation
import Testing
import YAMLReader
@testable import ScenarioModel

/// A corpus of broken scenarios, each asserting every diagnostic whole: position, message,
/// the source line and the caret.
@Suite struct BrokenScenarioTests {
    /// A valid scenario with two placement types, moves and a population; the cases break one line.
    static let base = """
        start: 2025-04-01
        placements:
          foster care:
            providers:
              - name: in-house fostering
                capacity: 10
                weekly_cost: £500
              - name: agency fostering
                weekly_cost: £900
            moves:
              rate: 0.3
              to: {foster care: 80%, children's home: 20%}
          children's home:
            providers:
              - name: external children's home
                weekly_cost: £6,000
        population:
          in-house fostering: {5 to 9: 4}
        entries:
          per_year: {all: 10}
          first_placement:
            all: {foster care: 90%, children's home: 10%}

        """

    /// `base` with `old` (which must occur once) replaced by `new`, rendered diagnostics.
    static func errors(replacing old: String, with new: String) -> String {
        precondition(base.components(separatedBy: old).count == 2, "'\(old)' must occur once")
        return Fixture.errors(base.replacingOccurrences(of: old, with: new))
    }

    @Test func baseIsValid() throws {
        let s = try #require(Fixture.scenario(Self.base))
        #expect(s.placementTypes.map(\.name) == ["foster care", "children's home"])
        #expect(s.population == [PopulationCell(provider: 0, band: 2, count: 4)])
    }

    @Test func misspeltKeySuggestsTheNearest() {
        #expect(Self.errors(replacing: "capacity: 10", with: "capacty: 10") == """
            s.yaml:6:9: error: unknown key 'capacty' in a provider of 'foster care'; did you mean 'capacity'?
                        capacty: 10
                        ^
            """)
    }

    @Test func misspeltTopLevelKey() {
        #expect(Self.errors(replacing: "population:", with: "populaton:") == """
            s.yaml:17:1: error: unknown key 'populaton' in the scenario; did you mean 'population'?
                populaton:
                ^
            """)
    }

    @Test func missingColon() {
        #expect(Self.errors(replacing: "capacity: 10", with: "capacity 10") == """
            s.yaml:6:9: error: expected ':' after key 'capacity 10'
                        capacity 10
                        ^
            """)
    }

    /// Pasted from a word processor: a curly apostrophe looks like the name but is not it.
    @Test func curlyApostropheInAName() {
        #expect(Self.errors(replacing: "children's home: 20%}", with: "children\u{2019}s home: 20%}") == """
            s.yaml:12:30: error: unknown placement type 'children\u{2019}s home': it is written with a curly apostrophe (\u{2019}) or a no-break space, as word processors write; type 'children's home' with a straight apostrophe and ordinary spaces
                      to: {foster care: 80%, children\u{2019}s home: 20%}
                                             ^
            """)
    }

    /// A no-break space after a key's ':' looks like a space but does not end the key.
    @Test func noBreakSpaceAfterAColon() {
        #expect(Self.errors(replacing: "start: 2025-04-01", with: "start:\u{00A0}2025-04-01") == """
            s.yaml:1:1: error: expected ':' after the key on this line (write 'key: value'); a ':' on this line is followed by a no-break space (U+00A0), as word processors write: type an ordinary space
                start:\u{00A0}2025-04-01
                ^
            """)
    }

    @Test func noBreakSpaceAfterAColonInsideAMapping() {
        #expect(Self.errors(replacing: "capacity: 10", with: "capacity:\u{00A0}10") == """
            s.yaml:6:9: error: expected ':' after key 'capacity:\u{00A0}10'; a ':' on this line is followed by a no-break space (U+00A0), as word processors write: type an ordinary space
                        capacity:\u{00A0}10
                        ^
            """)
    }

    @Test func tabInIndentation() {
        #expect(Self.errors(replacing: "        capacity: 10", with: "\tcapacity: 10") == """
            s.yaml:6:1: error: tab character in indentation; indent with spaces only
                \tcapacity: 10
                ^
            """)
    }

    /// Two tabs (an editor's two levels) are one error, not also 'unexpected indentation' on the next line.
    @Test func twoTabsInIndentationAreOneError() {
        #expect(Self.errors(replacing: "        capacity: 10", with: "\t\tcapacity: 10") == """
            s.yaml:6:1: error: tab character in indentation; indent with spaces only
                \t\tcapacity: 10
                ^
            """)
    }

    @Test func sharesAddingUpTo110Percent() {
        #expect(Self.errors(replacing: "children's home: 10%}", with: "children's home: 20%}") == """
            s.yaml:22:10: error: the shares in 'first_placement.all' add up to 110%, not 100%
                    all: {foster care: 90%, children's home: 20%}
                         ^
            """)
    }

    @Test func sharesAddingUpTo99Point5Percent() {
        #expect(Self.errors(replacing: "to: {foster care: 80%,", with: "to: {foster care: 79.5%,") == """
            s.yaml:12:11: error: the shares in 'to' add up to 99.5%, not 100%
                      to: {foster care: 79.5%, children's home: 20%}
                          ^
            """)
    }

    /// Shares a rounding away from 100% (33.33% three times): the sum is shown as it is, never
    /// "add up to 100%, not 100%", and the rounding is named.
    @Test func sharesARoundingAwayFrom100Percent() {
        #expect(Self.errors(replacing: "to: {foster care: 80%, children's home: 20%}", with: "to: {foster care: 66.67%, children's home: 33.32%}") == """
            s.yaml:12:11: error: the shares in 'to' add up to 99.99%, not 100% (0.01% short, a rounding: adjust one share so they add up to exactly 100%)
                      to: {foster care: 66.67%, children's home: 33.32%}
                          ^
            """)
        #expect(ScenarioReader.percent(1.0001) == "100.01%" && ScenarioReader.percent(0.995) == "99.5%" && ScenarioReader.percent(1.1) == "110%")
    }

    @Test func shareAbove100Percent() {
        #expect(Self.errors(replacing: "all: {foster care: 90%, children's home: 10%}", with: "all: {foster care: 110%}") == """
            s.yaml:22:24: error: 'foster care' must be a share between 0% and 100%, found '110%'
                    all: {foster care: 110%}
                                       ^
            """)
    }

    @Test func observedCountOfZero() {
        #expect(Self.errors(replacing: "children's home: 20%}", with: "children's home: 20%, observed: 0}") == """
            s.yaml:12:62: error: 'observed' is how many children or moves the shares were counted from: more than zero, or leave it out (in a variant, write 'none') for shares known exactly
                      to: {foster care: 80%, children's home: 20%, observed: 0}
            """ + "\n" + String(repeating: " ", count: 65) + "^")
        // A negative count gets the same explanation.
        #expect(Self.errors(replacing: "children's home: 20%}", with: "children's home: 20%, observed: -3}")
            .contains("error: 'observed' is how many children or moves the shares were counted from: more than zero"))
    }

    @Test func misspeltObservedSuggestsIt() {
        #expect(Self.errors(replacing: "children's home: 20%}", with: "children's home: 20%, observd: 40}") == """
            s.yaml:12:52: error: unknown placement type 'observd'; did you mean 'observed' (how many children or moves the shares were counted from)?
                      to: {foster care: 80%, children's home: 20%, observd: 40}
            """ + "\n" + String(repeating: " ", count: 55) + "^")
    }

    /// `observed` in the population: read as how well the spread is known; zero, a misspelling and
    /// a stream's population are errors.
    /// `variability: placements` reads as a share; a misspelt key gets its did-you-mean.
    @Test func placementVariability() throws {
        let s = try #require(Fixture.scenario(Self.base + "variability: {placements: 12.5%}\n"))
        #expect(s.variability.placements == 0.125)
        #expect(try #require(Fixture.scenario(Self.base)).variability.placements == 0)
        let errors = Fixture.errors(Self.base + "variability: {placement: 12.5%}\n")
        #expect(errors.contains("did you mean 'placements'"), "\(errors)")
        #expect(Fixture.errors(Self.base + "variability: {placements: -3%}\n").contains("error:"))
    }

    /// `rates_as_of` adds the years from the end of the rates' window to the start to the walk's
    /// first step; it must come before the start.
    @Test func ratesAsOfWidensTheFirstStep() throws {
        let start = try #require(Fixture.scenario(Self.base)).start
        let fourYearsBefore = Day(number: start.number - 1461)
        let s = try #require(Fixture.scenario(Self.base + "variability: {entries: 10%, rates_as_of: \(fourYearsBefore)}\n"))
        #expect(abs(s.variability.yearsBeforeStart - 1460 / 365.2425) < 1e-12)
        #expect(abs(s.variability.firstStepVariance - (1 + 1460 / 365.2425)) < 1e-12)
        let averaged = try #require(Fixture.scenario(Self.base + "variability: {entries: 10%, rates_averaged_over: 3 years, rates_as_of: \(fourYearsBefore)}\n"))
        #expect(abs(averaged.variability.firstStepVariance - (1 + 2.0 * 5 / 18 + 1460 / 365.2425)) < 1e-9)
        #expect(Fixture.errors(Self.base + "variability: {entries: 10%, rates_as_of: \(start)}\n")
            .contains("error: 'rates_as_of' is the end of the years the rates were estimated from, so before the start"))
        #expect(Fixture.errors(Self.base + "variability: {entries: 10%, rates_as_of: 31/03/2021}\n").contains("did you mean '2021-03-31'"))
    }

    @Test func populationObserved() throws {
        let text = Self.base.replacingOccurrences(of: "  in-house fostering: {5 to 9: 4}", with: "  observed: 30\n  in-house fostering: {5 to 9: 4}")
        let s = try #require(Fixture.scenario(text))
        #expect(s.populationObserved == 30)
        #expect(s.population == [PopulationCell(provider: 0, band: 2, count: 4)])
        #expect(try #require(Fixture.scenario(Self.base)).populationObserved == nil)
        #expect(Fixture.errors(text.replacingOccurrences(of: "observed: 30", with: "observed: 0"))
            .contains("error: 'observed' is how many children the population's shares are as well known as: more than zero"))
        #expect(Fixture.errors(text.replacingOccurrences(of: "observed: 30", with: "observd: 30")) == """
            s.yaml:18:3: error: unknown provider 'observd'; did you mean 'observed' (how many children the population's shares are as well known as)?
                  observd: 30
                  ^
            """)
        let stream = EntryStreamReaderTests.text.replacingOccurrences(of: "      exits:\n        returned home: {16 to 17: 0.5}",
                                                                     with: "      population:\n        observed: 30\n        external children's home: {16 to 17: 3}")
        #expect(Fixture.errors(stream).contains("error: 'observed' is for the scenario's own population, not a stream's"), "\(Fixture.errors(stream))")
        // In a provider's counts, it is sent up a level; with no children listed, it would do nothing.
        #expect(Fixture.errors(text.replacingOccurrences(of: "  observed: 30\n  in-house fostering: {5 to 9: 4}", with: "  in-house fostering: {5 to 9: 4, observed: 30}")) == """
            s.yaml:18:35: error: 'observed' goes directly under 'population' (how well the whole spread over providers and ages is known), not in a provider's counts
                  in-house fostering: {5 to 9: 4, observed: 30}
                                                  ^
            """)
        #expect(Fixture.errors(text.replacingOccurrences(of: "  in-house fostering: {5 to 9: 4}", with: "  in-house fostering: {}")) == """
            s.yaml:18:3: error: 'observed' spreads the children in care afresh over providers and ages, but this population has none (care leavers and families stay as written); leave it out
                  observed: 30
                  ^
            """)
        #expect(Fixture.errors(text.replacingOccurrences(of: "  in-house fostering: {5 to 9: 4}", with: "  in-house fosterng: {5 to 9: 4}"))
            .components(separatedBy: "error:").count == 2, "a misspelt provider is one error, not also 'has none'")
        #expect(Fixture.errors(stream.replacingOccurrences(of: "        observed: 30\n        external children's home: {16 to 17: 3}",
                                                           with: "        external children's home: {16 to 17: 3, observed: 30}"))
            .contains("error: 'observed' is for the scenario's own population, not a stream's"))
        // Misspelt in a stream, it is not suggested (its fix would be the error above).
        let misspelt = Fixture.errors(stream.replacingOccurrences(of: "observed: 30", with: "observd: 30"))
        #expect(misspelt.contains("error: unknown provider 'observd'; if you meant 'observed', it is for the scenario's own population, not a stream's"),
                "\(misspelt)")
        #expect(misspelt.components(separatedBy: "error:").count == 2, "\(misspelt)")
    }

    @Test func unknownPlacementTypeInAMix() {
        #expect(Self.errors(replacing: "children's home: 20%}", with: "childrens home: 20%}") == """
            s.yaml:12:30: error: unknown placement type 'childrens home'; did you mean 'children's home'?
                      to: {foster care: 80%, childrens home: 20%}
                                             ^
            """)
    }

    @Test func unknownAgeBand() {
        #expect(Self.errors(replacing: "{5 to 9: 4}", with: "{5 to 10: 4}") == """
            s.yaml:18:24: error: unknown age band '5 to 10'; did you mean '5 to 9'?
                  in-house fostering: {5 to 10: 4}
                                       ^
            """)
    }

    @Test func unknownProviderInThePopulation() {
        #expect(Self.errors(replacing: "  in-house fostering: {5 to 9: 4}", with: "  inhouse fostering: {5 to 9: 4}") == """
            s.yaml:18:3: error: unknown provider 'inhouse fostering'; did you mean 'in-house fostering'?
                  inhouse fostering: {5 to 9: 4}
                  ^
            """)
    }

    @Test func negativeCapacity() {
        #expect(Self.errors(replacing: "capacity: 10", with: "capacity: -2") == """
            s.yaml:6:19: error: 'capacity' must be from 0 to 10000000, found -2
                        capacity: -2
                                  ^
            """)
    }

    @Test func providerWithoutCapacityBeforeTheLast() {
        #expect(Self.errors(replacing: "        capacity: 10\n", with: "") == """
            s.yaml:5:9: error: provider 'in-house fostering' has no 'capacity', so no child would ever reach the providers after it
                      - name: in-house fostering
                        ^
            """)
    }

    @Test func lastProviderWithACapacity() {
        #expect(Self.errors(replacing: "weekly_cost: £6,000", with: "weekly_cost: £6,000\n        capacity: 3") == """
            s.yaml:17:19: error: the last provider of 'children's home' ('external children's home') is where children go when the others are full, so it cannot have a capacity; add an external provider after it
                        capacity: 3
                                  ^
            """)
    }

    @Test func quotedNumber() {
        #expect(Self.errors(replacing: "capacity: 10", with: "capacity: '10'") == """
            s.yaml:6:19: error: expected a whole number for 'capacity', found '10' in quotes; remove the quotes
                        capacity: '10'
                                  ^
            """)
    }

    @Test func trendWithoutPercentSign() {
        #expect(Self.errors(replacing: "  per_year: {all: 10}", with: "  per_year: {all: 10}\n  trend: 3") == """
            s.yaml:21:10: error: 'trend' of '3' means 300%; write a percentage such as '3%'
                  trend: 3
                         ^
            """)
    }

    /// A rate written as a percentage (found trying an exit rate of '15%'): says a rate is a number.
    @Test func rateWrittenAsAPercentage() {
        #expect(Self.errors(replacing: "rate: 0.3", with: "rate: 30%") == """
            s.yaml:11:13: error: expected a number for 'rate', found '30%': a rate is a number per year, not a percentage; write 0.3 for 0.3 a year
                      rate: 30%
                            ^
            """)
        #expect(Self.errors(replacing: "per_year: {all: 10}", with: "per_year: {all: 12.5%}")
            .contains("found '12.5%': a rate is a number per year, not a percentage; write 0.125 for 0.125 a year"))
    }

    @Test func missingStart() {
        #expect(Self.errors(replacing: "start: 2025-04-01\n", with: "") == """
            s.yaml:1:1: error: the scenario needs a 'start' date, such as 'start: 2025-04-01'
                placements:
                ^
            """)
    }

    @Test func providerDefinedTwice() {
        #expect(Self.errors(replacing: "name: external children's home", with: "name: agency fostering") == """
            s.yaml:15:15: error: provider 'agency fostering' is defined twice (first at line 8)
                      - name: agency fostering
                              ^
            """)
    }

    @Test func placementTypeThatServesNobodyKnown() {
        #expect(Self.errors(replacing: "  children's home:\n", with: "  children's home:\n    serves: teenagers\n") == """
            s.yaml:14:13: error: unknown value 'teenagers' for 'serves'; use one of children, parent and child, care leavers, emergency
                    serves: teenagers
                            ^
            """)
    }

    @Test func severalErrorsReportedTogetherInOrder() {
        let text = Self.base
            .replacingOccurrences(of: "rate: 0.3", with: "rate: -0.3")
            .replacingOccurrences(of: "children's home: 20%}", with: "childrens home: 20%}")
            .replacingOccurrences(of: "{5 to 9: 4}", with: "{5 to 10: 4}")
            .replacingOccurrences(of: "  per_year: {all: 10}", with: "  per_year: {all: 10}\n  trend: 3")
        #expect(Fixture.errors(text) == """
            s.yaml:11:13: error: 'rate' cannot be negative, found '-0.3'
                      rate: -0.3
                            ^
            s.yaml:12:30: error: unknown placement type 'childrens home'; did you mean 'children's home'?
                      to: {foster care: 80%, childrens home: 20%}
                                             ^
            s.yaml:18:24: error: unknown age band '5 to 10'; did you mean '5 to 9'?
                  in-house fostering: {5 to 10: 4}
                                       ^
            s.yaml:21:10: error: 'trend' of '3' means 300%; write a percentage such as '3%'
                  trend: 3
                         ^
            """)
    }

    /// A variant merges key by key, so it cannot leave its baseline's `observed` out: it writes
    /// `observed: none` (population or mix; `--set` too), and a word that is not `none` nor a
    /// number is an error that says what to write.
    @Test func variantSwitchesOffObserved() throws {
        let estimated = Self.base
            .replacingOccurrences(of: "  in-house fostering: {5 to 9: 4}", with: "  observed: 30\n  in-house fostering: {5 to 9: 4}")
            .replacingOccurrences(of: "children's home: 20%}", with: "children's home: 20%, observed: 50}")
        let base = try #require(Fixture.scenario(estimated))
        #expect(base.populationObserved == 30 && base.placementTypes[0].moveTo.first?.observed == 50)
        let variant = "extends: base.yaml\nname: counted\npopulation:\n  observed: none\n"
            + "placements:\n  foster care:\n    moves:\n      to: {observed: none}\n"
        let loaded = Fixture.load("/t/variant.yaml", ["/t/base.yaml": estimated, "/t/variant.yaml": variant])
        let counted = try #require(loaded.scenario, "\(loaded.errors)")
        #expect(counted.populationObserved == nil && counted.placementTypes[0].moveTo.allSatisfy { $0.observed == nil })
        #expect(counted.population == base.population && counted.placementTypes[0].moveTo.map(\.shares) == base.placementTypes[0].moveTo.map(\.shares))
        #expect(Fixture.scenario(estimated, overrides: ["population.observed=none"])?.populationObserved == nil)

        #expect(Fixture.errors(estimated.replacingOccurrences(of: "observed: 30", with: "observed: nnone")) == """
            s.yaml:18:13: error: 'observed' is how many children the population's shares are as well known as: a number more than zero, or 'none' for a population counted child by child; found 'nnone'; did you mean 'none'?
                  observed: nnone
                            ^
            """)
        #expect(Fixture.errors(estimated.replacingOccurrences(of: "observed: 30", with: "observed: false")).contains(
            "error: 'observed' is how many children the population's shares are as well known as: a number more than zero, or 'none' for a population counted child by child; found 'false'\n"))
        #expect(Fixture.errors(estimated.replacingOccurrences(of: "observed: 50", with: "observed:")).contains(
            "error: 'observed' is how many children or moves the shares were counted from: a number more than zero, or 'none' for shares known exactly; found nothing\n"))
        // Any other word keeps the number's own message.
        #expect(Fixture.errors(estimated.replacingOccurrences(of: "observed: 30", with: "observed: 30 children")).contains(
            "error: expected a number for 'observed', found '30 children'"))
    }

    /// An empty file, or one of comments only, is said to be empty (it was "expected a mapping
    /// of keys and values for the scenario, found nothing").
    @Test func emptyFileIsSaidToBeEmpty() {
        for text in ["", "\n\n", "# only a comment\n"] {
            #expect(Fixture.errors(text).hasPrefix("s.yaml:1:1: error: the scenario file is empty (or only comments): a scenario needs at least 'start', 'placements' and 'entries'; start from scenarios/example-annotated.yaml (docs/scenario-format.md)\n"), "\(Fixture.errors(text))")
        }
    }

    @Test func extendsAMissingFile() {
        let files = ["scenarios/variant.yaml": "name: variant\nextends: baseline.yaml\n"]
        #expect(Fixture.load("scenarios/variant.yaml", files).errors == """
            scenarios/variant.yaml:2:10: error: cannot extend 'baseline.yaml' ('scenarios/baseline.yaml'): no such file
                extends: baseline.yaml
                         ^
            """)
        // In the current folder the path is the name: said once.
        #expect(Fixture.load("variant.yaml", ["variant.yaml": files["scenarios/variant.yaml"]!]).errors == """
            variant.yaml:2:10: error: cannot extend 'baseline.yaml': no such file
                extends: baseline.yaml
                         ^
            """)
    }

    /// A variant's misspelt provider name adds a provider (with no cost) instead of changing the baseline's.
    @Test func variantWithAMisspeltProviderSuggestsTheBaselines() {
        let files = [
            "/t/base.yaml": Self.base,
            "/t/variant.yaml": "extends: base.yaml\nplacements:\n  foster care:\n    providers:\n      - name: in-house fosterng\n        capacity: 20\n",
        ]
        #expect(Fixture.load("/t/variant.yaml", files).errors.contains("""
            /t/variant.yaml:5:9: error: provider 'in-house fosterng' needs a 'weekly_cost' in pounds per child per week; did you mean 'in-house fostering'? A variant changes a provider by giving its name exactly
                      - name: in-house fosterng
                        ^
            """))
    }

    /// On disk, a misspelt baseline's name is matched against the scenario files beside the variant.
    @Test func extendsAMisspeltFileSuggestsTheNearest() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sufficiency-extends-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.base.write(to: folder.appendingPathComponent("medway-baseline.yaml"), atomically: true, encoding: .utf8)
        let variant = folder.appendingPathComponent("variant.yaml").path
        try "extends: medway-baselin.yaml\nname: variant\n".write(toFile: variant, atomically: true, encoding: .utf8)
        let errors: String
        do { _ = try ScenarioLoader().load(variant); errors = "" } catch let d as Diagnostics { errors = d.rendered }
        #expect(errors == """
            \(variant):1:10: error: cannot extend 'medway-baselin.yaml' ('\(folder.path)/medway-baselin.yaml'): no such file; did you mean 'medway-baseline.yaml'?
                extends: medway-baselin.yaml
                         ^
            """)
    }

    @Test func extendsCycleNamesTheFiles() {
        let files = [
            "/sufficiency-tests/a.yaml": "extends: b.yaml\nname: a\n",
            "/sufficiency-tests/b.yaml": "name: b\nextends: a.yaml\n",
        ]
        #expect(Fixture.load("/sufficiency-tests/a.yaml", files).errors == """
            /sufficiency-tests/b.yaml:2:10: error: cannot extend 'a.yaml' ('/sufficiency-tests/a.yaml'): 'extends' goes round in a circle: /sufficiency-tests/a.yaml → /sufficiency-tests/b.yaml → /sufficiency-tests/a.yaml
                extends: a.yaml
                         ^
            """)
    }

    @Test func extendsWithoutAFileName() {
        #expect(Fixture.errors("extends: [a.yaml]\n") == """
            s.yaml:1:10: error: expected a file name for 'extends', such as 'medway-baseline.yaml'
                extends: [a.yaml]
                         ^
            """)
    }

    @Test func missingFile() {
        #expect(Fixture.load("nowhere.yaml", [:]).errors == "nowhere.yaml: error: no such file")
    }

    /// A workbook, a PDF or one of a run's CSVs given instead of a scenario is named as such, not
    /// reported as YAML (before: "the character U+0003 is not allowed here", "expected ':' after the key").
    @Test(arguments: [
        ("book.xlsx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00] as [UInt8], "is an Excel workbook or another zipped file"),
        ("book.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "is an Excel 97-2003 workbook"),
        ("plan.pdf", Array("%PDF-1.7\n".utf8), "is a PDF"),
        ("costs.csv", Array("\u{FEFF}financial_year,placement,mean\n2025/26,total,1\n".utf8), "is a table (CSV)"),
        ("costs.CSV", Array("a,b\n".utf8), "is a table (CSV)"),
    ])
    func notAScenarioFileIsNamed(name: String, bytes: [UInt8], message: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sufficiency-notyaml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let errors: String
        do { _ = try ScenarioLoader().load(path); errors = "" } catch let d as Diagnostics { errors = d.rendered }
        #expect(errors.hasPrefix("\(path): error: \(message)"), "\(errors)")
        #expect(errors.contains("a scenario is a text file in YAML"))
    }

    /// Saved as 'Unicode' (UTF-16) in Notepad: said so, not "byte 0xFF cannot be read" over a line of NULs.
    @Test func utf16IsNamed() {
        let utf16 = Data([0xFF, 0xFE] + Array("n\0a\0m\0e\0:\0".utf8))
        #expect(ScenarioLoader.notAScenario(utf16, path: "s.yaml") == "is UTF-16 text ('Unicode' in Notepad or Excel), which YAML readers do not all read: save it as UTF-8")
        #expect(ScenarioLoader.notAScenario(Data([0xEF, 0xBB, 0xBF] + Array("name: x\n".utf8)), path: "s.yaml") == nil)
    }

    @Test func aScenarioStartingWithPKIsStillAScenario() {
        #expect(ScenarioLoader.notAScenario(Data("PK: 1\n".utf8), path: "s.yaml") == nil)
    }
}
