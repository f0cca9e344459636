import Testing
@testable import ScenarioModel

/// Every accepted spelling of each unit, and the rejections with their whole messages.
/// Values are put into the minimal scenario's agency `weekly_cost` (line 9), its `local` share,
/// the entries' `trend`, the `horizon`, and so on.
@Suite struct UnitsTests {
    /// The agency's weekly cost when written as `text`.
    static func weeklyCost(_ text: String) -> Double? {
        Fixture.scenario(Fixture.minimal(replacing: "weekly_cost: £900", with: "weekly_cost: \(text)"))?
            .providers[1].weeklyCost
    }

    static func error(replacing old: String, with new: String) -> String {
        Fixture.errors(Fixture.minimal(replacing: old, with: new))
    }

    // MARK: Money

    @Test(arguments: [
        ("900", 900.0), ("900.5", 900.5), ("£900", 900), ("£1,250.50", 1250.5), ("1,200", 1200),
        ("£30k", 30_000), ("30k", 30_000), ("£21.2m", 21_200_000), ("£0", 0), ("0", 0), ("'£900'", 900),
        ("\"1,000\"", 1000), ("£1,000,000", 1_000_000), ("£2.5k", 2500),
    ])
    func moneySpellings(text: String, pounds: Double) {
        // A weekly cost of £100k or more is refused as a year's cost: millions are tried as a budget.
        if pounds >= 100_000 {
            let scenario = Fixture.scenario(Fixture.minimal + "budgets:\n  2025/26: \(text)\n")
            #expect(scenario?.budgets.first?.pounds == pounds)
        } else {
            #expect(Self.weeklyCost(text) == pounds)
        }
    }

    // '£30K', '£21.2M' and '£ 900' are refused with a fix (FollowOnErrorTests.moneyNearlyRightGetsAFix).
    @Test(arguments: ["-5", "£-5", "900 pounds", "abc", "£", "£k", "$900", "£1.2.3", "£9e3"])
    func moneyRejections(text: String) {
        #expect(Self.error(replacing: "weekly_cost: £900", with: "weekly_cost: \(text)") == Fixture.rendered(
            9, 22, "expected an amount in pounds such as '£850' for 'weekly_cost', found '\(text)'",
            "        weekly_cost: \(text)"))
    }

    @Test func moneyOfAListIsRejected() {
        #expect(Self.error(replacing: "weekly_cost: £900", with: "weekly_cost: [900]") == """
            s.yaml:9:22: error: expected an amount in pounds such as '£850' for 'weekly_cost', found a list
                        weekly_cost: [900]
                                     ^
            """)
    }

    // MARK: Shares and percentages

    @Test(arguments: [
        ("90%", 0.9), ("12.5%", 0.125), ("0%", 0), ("100%", 1), ("0.9", 0.9), ("1", 1), ("0", 0), ("90 %", 0.9),
    ])
    func shareSpellings(text: String, share: Double) throws {
        let s = Fixture.scenario(Fixture.minimal(replacing: "weekly_cost: £900", with: "weekly_cost: £900\n        local: \(text)"))
        #expect(try #require(s).providers[1].localShare == share)
    }

    @Test func shareDefaultsToAllLocal() throws {
        #expect(try #require(Fixture.scenario(Fixture.minimal)).providers.map(\.localShare) == [1, 1])
    }

    @Test(arguments: [
        ("110%", "'local' must be a share between 0% and 100%, found '110%'"),
        ("-5%", "'local' must be a share between 0% and 100%, found '-5%'"),
        ("1.5", "'local' must be a share between 0% and 100%, found '1.5'"),
        ("ninety", "expected a percentage such as '30%' for 'local', found 'ninety'"),
        ("'90%'", "expected a percentage such as '30%' for 'local', found '90%' in quotes; remove the quotes"),
        ("\"0.9\"", "expected a percentage such as '30%' for 'local', found '0.9' in quotes; remove the quotes"),
        ("'lots'", "expected a percentage such as '30%' for 'local', found 'lots'"),
    ])
    func shareRejections(text: String, message: String) {
        #expect(Self.error(replacing: "weekly_cost: £900", with: "weekly_cost: £900\n        local: \(text)")
            == Fixture.rendered(10, 16, message, "        local: \(text)"))
    }

    // MARK: Yearly changes (trends, uplifts, inflation)

    static func trend(_ text: String) -> Double? {
        Fixture.scenario(Fixture.minimal(replacing: "per_year: {all: 10}", with: "per_year: {all: 10}\n  trend: \(text)"))?
            .entries.trend
    }

    @Test(arguments: [("3%", 0.03), ("-10%", -0.1), ("0.03", 0.03), ("0", 0), ("0%", 0), ("150%", 1.5), ("-0.5", -0.5)])
    func changeSpellings(text: String, value: Double) {
        #expect(Self.trend(text) == value)
    }

    @Test(arguments: [
        ("3", "'trend' of '3' means 300%; write a percentage such as '3%'"),
        ("1", "'trend' of '1' means 100%; write a percentage such as '1%'"),
        ("2.5", "'trend' of '2.5' means 250%; write a percentage such as '2.5%'"),
        ("-100%", "'trend' must be more than -100%, found '-100%'"),
        ("-1", "'trend' of '-1' means -100%; write a percentage such as '-1%'"),
        ("-10", "'trend' of '-10' means -1000%; write a percentage such as '-10%'"),
        ("-1.5", "'trend' of '-1.5' means -150%; write a percentage such as '-1.5%'"),
        ("'3%'", "expected a percentage such as '30%' for 'trend', found '3%' in quotes; remove the quotes"),
        ("three", "expected a percentage such as '30%' for 'trend', found 'three'"),
    ])
    func changeRejections(text: String, message: String) {
        #expect(Self.error(replacing: "per_year: {all: 10}", with: "per_year: {all: 10}\n  trend: \(text)")
            == Fixture.rendered(12, 10, message, "  trend: \(text)"))
    }

    @Test func inflationByFinancialYear() throws {
        let s = try #require(Fixture.scenario(Fixture.minimal + "inflation: {2026/27: 4%, otherwise: 2.5%}\n"))
        #expect(s.inflation.uplift(for: FinancialYear(startYear: 2026)) == 0.04)
        #expect(s.inflation.uplift(for: FinancialYear(startYear: 2027)) == 0.025)
        let flat = try #require(Fixture.scenario(Fixture.minimal + "inflation: 3%\n"))
        #expect(flat.inflation == .yearly(0.03))
        #expect(try #require(Fixture.scenario(Fixture.minimal)).inflation == .yearly(0))
        #expect(Fixture.errors(Fixture.minimal + "inflation: {2026-27: 4%}\n") == """
            s.yaml:13:13: error: expected a financial year such as '2026/27' or 'otherwise' in 'inflation', found '2026-27'
                inflation: {2026-27: 4%}
                            ^
            """)
    }

    // MARK: Durations

    @Test(arguments: [
        ("5 years", 60), ("1 year", 12), ("60 months", 60), ("1 month", 1), ("18 months", 18), ("50 years", 600),
        ("2.5 years", 30),
    ])
    func horizonSpellings(text: String, months: Int) throws {
        let s = Fixture.scenario(Fixture.minimal(replacing: "start: 2025-04-01", with: "start: 2025-04-01\nhorizon: \(text)"))
        #expect(try #require(s).months == months)
    }

    @Test(arguments: [
        ("12 weeks", "'horizon' must be whole months or years from 1 month to 50 years, found '12 weeks'"),
        ("51 years", "'horizon' must be whole months or years from 1 month to 50 years, found '51 years'"),
        ("1.5 months", "'horizon' must be whole months or years from 1 month to 50 years, found '1.5 months'"),
        ("0 months", "'horizon' must be longer than zero, found '0 months'"),
        ("-1 year", "'horizon' must be longer than zero, found '-1 year'"),
        ("5", "expected a duration with its unit for 'horizon', such as '5 years', found '5'"),
        ("60", "expected a duration with its unit for 'horizon', such as '60 months', found '60'"),
        ("5\u{00A0}years", "expected a duration such as '5 years' or '60 months' for 'horizon', found '5\u{00A0}years'; it contains a no-break space (U+00A0), as word processors write: type an ordinary space instead"),
        ("5 Years", "expected a duration such as '5 years' or '60 months' for 'horizon', found '5 Years'"),
        ("5years", "expected a duration such as '5 years' or '60 months' for 'horizon', found '5years'"),
        ("five years", "expected a duration such as '5 years' or '60 months' for 'horizon', found 'five years'"),
    ])
    func horizonRejections(text: String, message: String) {
        #expect(Self.error(replacing: "start: 2025-04-01", with: "start: 2025-04-01\nhorizon: \(text)")
            == Fixture.rendered(2, 10, message, "horizon: \(text)"))
    }

    @Test func horizonDefaultsToFiveYears() throws {
        #expect(try #require(Fixture.scenario(Fixture.minimal)).months == 60)
    }

    static let month: Double = 365.2425 / 12
    static let year: Double = 365.2425

    @Test(arguments: [
        ("30 days", 30.0), ("1 day", 1.0), ("12 weeks", 84.0), ("1 week", 7.0), ("18 months", 18 * month),
        ("1 month", month), ("2 years", 2 * year), ("1 year", year), ("0.5 years", year / 2),
    ] as [(String, Double)])
    func durationSpellings(text: String, days: Double) throws {
        let text = Fixture.minimal + "exits:\n  rates: {left: {all: 0.1}}\n  duration: {all: {mean: \(text)}}\n"
        let s = try #require(Fixture.scenario(text))
        #expect(s.exits.duration.map { $0?.meanDays } == Array(repeating: days, count: 5))
        #expect(s.exits.duration.allSatisfy { $0?.kind == .exponential })
    }

    // MARK: Dates

    @Test(arguments: ["1 April 2025", "20250401", "01/04/25", "31/02/2025", "2025/04"])
    func dateRejections(text: String) {
        #expect(Self.error(replacing: "start: 2025-04-01", with: "start: \(text)") == Fixture.rendered(
            1, 8, "expected a date such as '2026-04-01' for 'start', found '\(text)'", "start: \(text)"))
    }

    /// A real date written day first (as UK spreadsheets do) or without leading zeros: the ISO spelling suggested.
    @Test(arguments: [
        ("01/04/2025", "2025-04-01"), ("1/4/2025", "2025-04-01"), ("31.03.2026", "2026-03-31"), ("2025-4-1", "2025-04-01"),
        ("2025/04/01", "2025-04-01"),
    ])
    func dateWrittenAnotherWaySuggestsISO(text: String, iso: String) {
        #expect(Self.error(replacing: "start: 2025-04-01", with: "start: \(text)") == Fixture.rendered(
            1, 8, "expected a date such as '2026-04-01' for 'start', found '\(text)'; did you mean '\(iso)'? Write dates as year-month-day",
            "start: \(text)"))
    }

    @Test func impossibleDates() {
        #expect(Self.error(replacing: "start: 2025-04-01", with: "start: '2025-02-29'") == Fixture.rendered(
            1, 8, "expected a date such as '2026-04-01' for 'start', found '2025-02-29'", "start: '2025-02-29'"))
        // Unquoted, the YAML reader refuses it first, as other YAML readers would.
        #expect(Self.error(replacing: "start: 2025-04-01", with: "start: 2025-02-29") == Fixture.rendered(
            1, 8, "'2025-02-29' looks like a date but is not a real one: correct the month or the day (some YAML readers reject it), or quote it to mean the text",
            "start: 2025-02-29"))
    }

    @Test func quotedDateIsAccepted() throws {
        let s = Fixture.scenario(Fixture.minimal(replacing: "start: 2025-04-01", with: "start: '2025-10-01'"))
        #expect(try #require(s).start.description == "2025-10-01")
    }

    // MARK: Rates

    @Test func knownAndEstimatedRates() throws {
        let text = Fixture.minimal(replacing: "per_year: {all: 10}", with: "per_year: {all: 10, under 1: {events: 42, years: 3}, 1 to 4: 2.5}")
        let s = try #require(Fixture.scenario(text))
        #expect(s.entries.perYear[0] == Rate(events: 42, years: 3))
        #expect(s.entries.perYear[0].perYear == 14)
        #expect(s.entries.perYear[1] == Rate(perYear: 2.5))
        #expect(s.entries.perYear[2] == Rate(perYear: 10) && s.entries.perYear[2].evidence == nil)
    }

    @Test(arguments: [
        ("{events: 42}", 32, "an estimated rate for 'per_year.under 1' needs both 'events' and 'years' (the exposure)"),
        ("{events: 4, years: 0}", 51, "'years' of exposure must be more than zero"),
        ("{events: -4, years: 2}", 41, "'events' cannot be negative, found '-4'"),
        ("-0.5", 32, "'per_year.under 1' cannot be negative, found '-0.5'"),
        ("'3'", 32, "expected a number for 'per_year.under 1', found '3' in quotes; remove the quotes"),
        ("lots", 32, "expected a number for 'per_year.under 1', found 'lots'"),
    ])
    func rateRejections(text: String, column: Int, message: String) {
        let line = "  per_year: {all: 10, under 1: \(text)}"
        #expect(Self.error(replacing: "  per_year: {all: 10}", with: line) == Fixture.rendered(11, column, message, line))
    }

    @Test func misspeltKeyInAnEstimatedRate() {
        let line = "  per_year: {all: 10, under 1: {events: 4, yeers: 2}}"
        #expect(Self.error(replacing: "  per_year: {all: 10}", with: line) == [
            Fixture.rendered(11, 44, "unknown key 'yeers' in 'per_year.under 1'; did you mean 'years'?", line),
            Fixture.rendered(11, 32, "an estimated rate for 'per_year.under 1' needs both 'events' and 'years' (the exposure)", line),
        ].joined(separator: "\n"))
    }

    // MARK: Whole numbers and true/false

    @Test(arguments: [
        ("replications: 0", "'replications' must be from 1 to 1000000, found 0"),
        ("replications: 1.5", "expected a whole number for 'replications', found '1.5'"),
        ("replications: '500'", "expected a whole number for 'replications', found '500' in quotes; remove the quotes"),
        ("seed: -1", "'seed' must be at least 0, found -1"),
        ("seed: abc", "expected a whole number for 'seed', found 'abc'"),
    ])
    func wholeNumberRejections(line: String, message: String) {
        let column = line.firstIndex(of: ":")!.utf16Offset(in: line) + 3
        #expect(Self.error(replacing: "start: 2025-04-01", with: "start: 2025-04-01\n\(line)")
            == Fixture.rendered(2, column, message, line))
    }

    @Test func trueFalse() throws {
        let text = Fixture.minimal(replacing: "capacity: 10", with: "capacity: 10\n        in_house: true")
        #expect(try #require(Fixture.scenario(text)).providers.map(\.inHouse) == [true, false])
        #expect(Self.error(replacing: "capacity: 10", with: "capacity: 10\n        in_house: 'true'") == """
            s.yaml:7:19: error: expected true or false for 'in_house', found 'true' in quotes; remove the quotes
                        in_house: 'true'
                                  ^
            """)
    }
}
