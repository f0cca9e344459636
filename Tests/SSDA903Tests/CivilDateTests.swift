import Testing
@testable import SSDA903

@Suite struct CivilDateTests {
    @Test func roundTripsEveryDayOverTwoCenturies() {
        for day in CivilDate.days(year: 1900, month: 1, day: 1)...CivilDate.days(year: 2100, month: 12, day: 31) {
            let c = CivilDate.civil(day)
            #expect(CivilDate.days(year: c.year, month: c.month, day: c.day) == day)
        }
        #expect(CivilDate.days(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilDate.days(year: 2000, month: 3, day: 1) == 11_017)
    }

    @Test func parsesBothFormsAndRejectsImpossibleDates() {
        #expect(CivilDate.parse("29/02/2024") == CivilDate.days(year: 2024, month: 2, day: 29))
        #expect(CivilDate.parse("2024-02-29") == CivilDate.days(year: 2024, month: 2, day: 29))
        #expect(CivilDate.parse("2019-04-01 00:00:00") == CivilDate.days(year: 2019, month: 4, day: 1))
        // Without leading zeros, as a spreadsheet may save dates (they were rejected, every one).
        #expect(CivilDate.parse("1/2/2020") == CivilDate.days(year: 2020, month: 2, day: 1))
        #expect(CivilDate.parse("1/4/2019 00:00") == CivilDate.days(year: 2019, month: 4, day: 1))
        for bad in ["29/02/2023", "31/04/2020", "2020-13-01", "1/13/2020", "001/02/2020", "1/2/20", "/2/2020", "1//2020", "", "abc"] {
            #expect(CivilDate.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func collectionYearsRunAprilToMarch() {
        let y = CollectionYear(containing: CivilDate.days(year: 2024, month: 4, day: 1))
        #expect(y.description == "2024/25")
        #expect(CollectionYear(containing: CivilDate.days(year: 2025, month: 3, day: 31)) == y)
        #expect(PlacementCodes.validPlaceCodes(in: y).contains("K3"))
        #expect(PlacementCodes.validPlaceCodes(in: y).contains("H5"))
        let next = CollectionYear(endingYear: 2026)
        #expect(!PlacementCodes.validPlaceCodes(in: next).contains("H5"))
        #expect(!PlacementCodes.validPlaceCodes(in: next).contains("Z1"))
        #expect(PlacementCodes.validPlaceCodes(in: next).contains("Z12"))
        #expect(!PlacementCodes.validPlaceCodes(in: CollectionYear(endingYear: 2024)).contains("K3"))
    }
}
