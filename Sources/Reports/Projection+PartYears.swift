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

extension Projection {
    /// How many months of financial year `year` (index) are simulated: 12 for a whole year, 6 for
    /// one from 1 October; a month simulated in part counts as its share of days (15 to 31
    /// October is 17/31). For the `months_simulated` column, so that a part year's cost is never
    /// read beside a whole year's budget without a word in the CSV itself.
    package func monthsSimulated(year: Int) -> Double {
        let s = model.scenario, fy = model.years[year]
        let from = max(fy.firstDay, s.start), to = min(fy.lastDay, s.end)
        var months = 0.0, first = from
        while first <= to {
            let last = min(first.monthEnd, to)
            let (y, m, _) = first.civil
            months += Double(last.number - first.number + 1) / Double(Day.daysIn(month: m, year: y))
            first = last + 1
        }
        return months
    }

    /// `monthsSimulated(year:)` as a CSV cell: a whole number when whole (`12`), else to two decimals (`5.55`).
    package func monthsField(year: Int) -> CSVField {
        let months = monthsSimulated(year: year)
        return months == months.rounded() ? .integer(Int(months)) : .number(months, decimals: 2)
    }

    /// The currency of every sum of money in the cost tables, in their `currency` column.
    package static let currency = "GBP"
}
