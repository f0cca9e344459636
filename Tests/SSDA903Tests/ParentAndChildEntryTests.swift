import Foundation
import ScenarioModel
import Testing
@testable import SSDA903

/// A baby whose care begins with a parent (R3) is counted once: as a family, not also as an entry.
@Suite struct ParentAndChildEntryTests {
    static func episode(_ child: String, _ start: String, _ place: String, end: String = "", rec: String = "") -> EpisodeRow {
        EpisodeRow(child: child, decom: start, rne: "S", ls: "C2", place: place, provider: "PR1", dec: end, rec: rec,
                   reasonPlaceChange: "", year: CollectionYear(endingYear: 2023), source: RowSource(file: "e", line: 1))
    }

    static func header(_ child: String, _ dob: String) -> HeaderRow {
        HeaderRow(child: child, dob: dob, mother: "", year: CollectionYear(endingYear: 2023), source: RowSource(file: "h", line: 1))
    }

    /// Four children in 2022/23: baby A placed with a parent, then fostered; baby B placed with a
    /// parent, then home; baby C fostered; D, aged 14, placed first in R3 (an older child stays an entry).
    @Test func babiesPlacedFirstWithAParentAreFamiliesNotEntries() throws {
        var data = Return903()
        data.episodes = [
            Self.episode("A", "10/06/2022", "R3", end: "10/09/2022", rec: "X1"), Self.episode("A", "10/09/2022", "U4"),
            Self.episode("B", "05/07/2022", "R3", end: "01/10/2022", rec: "E4A"),
            Self.episode("C", "01/08/2022", "U4"),
            Self.episode("D", "01/08/2022", "R3"),
        ]
        data.headers = [Self.header("A", "01/06/2022"), Self.header("B", "01/07/2022"), Self.header("C", "01/05/2022"),
                        Self.header("D", "01/01/2008")]
        let c = Estimator.estimate(EpisodeStitcher.stitch(data), asOf: CivilDate.days(year: 2023, month: 3, day: 31), windowYears: 1)
        #expect(c.entries[.under1]?.events == 1)
        #expect(c.entries[.tenToFifteen]?.events == 1)
        #expect(c.babiesFirstInParentAndChild == 2)
        #expect(c.parentAndChildStarts.events == 3)
        #expect(c.babiesStayingAfterParentAndChild == 1 && c.babiesLeavingWithParentAndChild == 1)

        let text = ScenarioWriter.render(c, options: .init(name: "families", horizonYears: 1))
        let scenario = try ScenarioLoader(readFile: { _ in text }).load("families.yaml")
        #expect(scenario.entries.perYear[0].evidence?.events == 1)
        let families = try #require(scenario.parentAndChild)
        #expect(families.perYear.evidence?.events == 3)
        #expect(families.babyEntersCare == 0.5)
    }
}
