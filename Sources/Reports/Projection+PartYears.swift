import ScenarioModel

extension Projection {
    /// Says which financial years are simulated only in part (a start other than 1 April, or a
    /// horizon ending within a year), whose cost is for those months only: compared with a whole
    /// year's budget it would look like an underspend. `nil` when every year is whole.
    package func partYearNote() -> String? {
        let s = model.scenario
        guard let first = model.years.first, let last = model.years.last else { return nil }
        let startsLate = s.start > first.firstDay, endsEarly = s.end < last.lastDay
        var parts: [String] = []
        if first == last {
            guard startsLate || endsEarly else { return nil }
            parts.append("\(first) from \(s.start.longDescription) to \(s.end.longDescription)")
        } else {
            if startsLate { parts.append("\(first) from \(s.start.longDescription)") }
            if endsEarly { parts.append("\(last) to \(s.end.longDescription)") }
        }
        guard !parts.isEmpty else { return nil }
        let them = parts.count == 1 ? "its" : "their"
        return "note: simulated in part only: \(parts.joined(separator: ", and ")). \(ReportText.label(them)) cost is for those months "
            + "(give any budget for \(parts.count == 1 ? "it" : "them") for those months), and \(them) year end is the last month end simulated"
    }
}
