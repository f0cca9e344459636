import Testing
@testable import ScenarioModel

@Suite struct DayTests {
    @Test func epochIsDayZero() throws {
        #expect(try #require(Day(year: 1970, month: 1, day: 1)).number == 0)
        #expect(try #require(Day(year: 1969, month: 12, day: 31)).number == -1)
        #expect(try #require(Day(year: 2000, month: 3, day: 1)).number == 11_017)
    }

    /// Every day from 1900 to 2100 converts to its civil date and back, and consecutive dates
    /// are consecutive day numbers (so no day is skipped or repeated).
    @Test func civilRoundTripFrom1900To2100() throws {
        let first = try #require(Day(year: 1900, month: 1, day: 1)).number
        var expected = first
        for year in 1900...2100 {
            for month in 1...12 {
                for day in 1...Day.daysIn(month: month, year: year) {
                    let d = try #require(Day(year: year, month: month, day: day))
                    #expect(d.number == expected)
                    let civil = d.civil
                    #expect(civil.year == year && civil.month == month && civil.day == day)
                    expected += 1
                }
            }
        }
        // 201 years, of which 49 are leap (1900 and 2100 are not; 2000 is).
        #expect(expected - first == 201 * 365 + 49)
    }

    @Test func leapYears() {
        #expect(Day.isLeap(2024) && Day.isLeap(2000) && Day.isLeap(1600))
        #expect(!Day.isLeap(2025) && !Day.isLeap(1900) && !Day.isLeap(2100))
    }

    @Test(arguments: [
        ("2025-02-29", false), ("2024-02-29", true), ("2025-06-31", false), ("2025-13-01", false),
        ("2025-00-10", false), ("2025-01-00", false), ("2025-4-01", false), ("25-04-01", false),
        ("2025-04-01", true), ("2025/04/01", false), ("2025-04-01x", false), ("", false),
        ("2025-04-٠١", false), ("2025-04-1 ", false),
    ])
    func isoParsing(text: String, valid: Bool) {
        #expect((Day(iso: Substring(text)) != nil) == valid)
    }

    @Test func isoDescriptionRoundTrip() throws {
        #expect(try #require(Day(iso: "2026-04-01")).description == "2026-04-01")
        #expect(try #require(Day(iso: "1900-12-09")).description == "1900-12-09")
    }

    @Test func leapDayBirthdaysFallOnFirstMarchInCommonYears() throws {
        let born = try #require(Day(iso: "2008-02-29"))
        #expect(born.birthday(age: 1).description == "2009-03-01")
        #expect(born.birthday(age: 4).description == "2012-02-29")
        #expect(born.birthday(age: 16).description == "2024-02-29")
        #expect(born.birthday(age: 18).description == "2026-03-01")
        let ordinary = try #require(Day(iso: "2007-12-31"))
        #expect(ordinary.birthday(age: 18).description == "2025-12-31")
        // Born on 28 February: always 28 February, never shifted.
        #expect(try #require(Day(iso: "2008-02-28")).birthday(age: 1).description == "2009-02-28")
    }

    @Test func monthEnds() throws {
        #expect(try #require(Day(iso: "2024-02-10")).monthEnd.description == "2024-02-29")
        #expect(try #require(Day(iso: "2025-02-01")).monthEnd.description == "2025-02-28")
        #expect(try #require(Day(iso: "2025-04-30")).monthEnd.description == "2025-04-30")
        #expect(try #require(Day(iso: "2025-12-01")).monthEnd.description == "2025-12-31")
        #expect(try #require(Day(iso: "1900-02-14")).monthEnd.description == "1900-02-28")
    }

    @Test func addingMonthsClampsToTheMonthEnd() throws {
        let jan31 = try #require(Day(iso: "2025-01-31"))
        #expect(jan31.adding(months: 1).description == "2025-02-28")
        #expect(jan31.adding(months: 13).description == "2026-02-28")
        #expect(try #require(Day(iso: "2024-01-31")).adding(months: 1).description == "2024-02-29")
        #expect(try #require(Day(iso: "2025-04-01")).adding(months: 60).description == "2030-04-01")
        #expect(try #require(Day(iso: "2025-03-15")).adding(months: -3).description == "2024-12-15")
    }

    @Test func financialYearOfADay() throws {
        #expect(try #require(Day(iso: "2025-03-31")).financialYear.description == "2024/25")
        #expect(try #require(Day(iso: "2025-04-01")).financialYear.description == "2025/26")
        #expect(try #require(Day(iso: "2025-12-31")).financialYear.description == "2025/26")
        #expect(try #require(Day(iso: "2026-01-01")).financialYear.startYear == 2025)
    }

    @Test func financialYearLabels() throws {
        #expect(FinancialYear(startYear: 2025).description == "2025/26")
        #expect(FinancialYear(startYear: 2099).description == "2099/00")
        #expect(FinancialYear(startYear: 2008).description == "2008/09")
        #expect(try #require(FinancialYear(label: "2025/26")).startYear == 2025)
        #expect(try #require(FinancialYear(label: "2099/00")).startYear == 2099)
        for bad in ["2025/27", "2025-26", "2025/2026", "25/26", "2025/", "/26", "2025/26/27", "abcd/ef"] {
            #expect(FinancialYear(label: Substring(bad)) == nil, "'\(bad)'")
        }
        let fy = FinancialYear(startYear: 2025)
        #expect(fy.firstDay.description == "2025-04-01")
        #expect(fy.lastDay.description == "2026-03-31")
        #expect(FinancialYear(startYear: 2024) < fy)
    }

    @Test func labelsRoundTripForEveryYearFrom1900To2100() throws {
        for year in 1900...2100 {
            let fy = FinancialYear(startYear: year)
            #expect(try #require(FinancialYear(label: Substring(fy.description))) == fy)
            #expect(fy.firstDay.financialYear == fy && fy.lastDay.financialYear == fy)
            #expect((fy.lastDay + 1).financialYear == FinancialYear(startYear: year + 1))
        }
    }

    @Test func scenarioEndAndFinancialYears() throws {
        let s = try #require(Fixture.scenario(Fixture.minimal))
        #expect(s.end.description == "2030-03-31")
        #expect(s.financialYears.map(\.description) == ["2025/26", "2026/27", "2027/28", "2028/29", "2029/30"])
        let text = Fixture.minimal(replacing: "start: 2025-04-01", with: "start: 2025-10-01\nhorizon: 18 months")
        let mid = try #require(Fixture.scenario(text))
        #expect(mid.end.description == "2027-03-31")
        #expect(mid.financialYears.map(\.description) == ["2025/26", "2026/27"])
    }
}
