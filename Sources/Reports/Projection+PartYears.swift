import ScenarioModel

extension Projection {
    /// Says which financial years are simulated only in part (a start other than 1 April, or a
    /// horizon ending within a year), whose cost is for those months only: compared with a whole
    /// year's budget it would look like an underspend. `nil` when every year is whole.
    package func partYearNote() -> String? {
        let s = model.scenario
        guard let first = model.years.first, let last = model.years.last else { return nil }
        guard let part = ReportText.partYears(first: first.description, last: last.description,
                                              from: s.start.longDescription, to: s.end.longDescription,
                                              startsLate: s.start > first.firstDay, endsEarly: s.end < last.lastDay) else { return nil }
        let them = part.count == 1 ? "its" : "their"
        return "note: simulated in part only: \(part.text). \(ReportText.label(them)) cost is for those months "
            + "(give any budget for \(part.count == 1 ? "it" : "them") for those months), and \(them) year end is the last month end simulated"
    }
}
