extension RunSections {
    /// The strategy's measures as a corporate parenting panel reads them: each measure now (at the
    /// start, where the model knows it), its median at each 31 March or in each financial year,
    /// and the 90% interval of the last year.
    func measures() -> HTMLReport.Section? {
        guard let table = run.measures, !table.rows.isEmpty else { return nil }
        let years = table.rows.map(\.period).reduce(into: [String]()) { list, period in
            if period != "start" && !list.contains(period) { list.append(period) }
        }
        guard let last = years.last else { return nil }
        func figure(_ value: Double, _ measure: String) -> String {
            measure.hasSuffix("(%)") ? DecimalText.fixed(value, 1, grouped: true) + "%" : ReportText.count(value)
        }
        let rows = table.groups.map { measure -> [String] in
            let byPeriod = Dictionary(table.rows.filter { $0.group == measure }.map { ($0.period, $0) }, uniquingKeysWith: { a, _ in a })
            let now = byPeriod["start"].map { figure($0.p50, measure) } ?? "—"
            let interval = byPeriod[last].map { "\(figure($0.p05, measure)) to \(figure($0.p95, measure))" } ?? "—"
            return [ReportText.label(measure), now] + years.map { byPeriod[$0].map { figure($0.p50, measure) } ?? "—" } + [interval]
        }
        return .init(
            heading: headingPrefix + "The strategy's measures",
            paragraphs: [
                "The measures a sufficiency strategy and a corporate parenting panel track, as the simulation projects them: counts and shares of children in care at each 31 March, and adoptions in each financial year (April to March). 'Now' is the figure on the scenario's start date where the model knows it from the starting population; '—' where it does not. Each year is the median of the simulated futures; the last column is the range within which 90 in every 100 futures fell in \(last).",
                "Each measure follows the Department for Education's definition where it has one (docs/measures.md gives each, with its source). Out of area is as the scenario's local shares define it (placed more than 20 miles from home or outside the area).",
            ],
            table: .init(header: ["Measure", "Now"] + years + ["90% interval, \(last)"], rows: rows))
    }
}
