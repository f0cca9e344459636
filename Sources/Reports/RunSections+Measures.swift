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

    /// The change each measure makes, variant − base future by future: the median change in each
    /// year and the 90% interval of the last (in percentage points for a percentage).
    static func measuresDifference(_ table: QuantileTable, variantLabel: String, baseLabel: String) -> HTMLReport.Section? {
        let years = table.rows.map(\.period).reduce(into: [String]()) { list, period in
            if period != "start" && !list.contains(period) { list.append(period) }
        }
        guard let last = years.last else { return nil }
        func change(_ value: Double, _ measure: String) -> String {
            let text = DecimalText.fixed(abs(value), measure.hasSuffix("(%)") ? 1 : 0, grouped: true)
            return text.allSatisfy { $0 == "0" || $0 == "." } ? text : (value < 0 ? "-" : "+") + text
        }
        let rows = table.groups.map { measure -> [String] in
            let byPeriod = Dictionary(table.rows.filter { $0.group == measure }.map { ($0.period, $0) }, uniquingKeysWith: { a, _ in a })
            let interval = byPeriod[last].map { "\(change($0.p05, measure)) to \(change($0.p95, measure))" } ?? "—"
            return [ReportText.label(measure)] + years.map { byPeriod[$0].map { change($0.p50, measure) } ?? "—" } + [interval]
        }
        return .init(
            heading: "What \(variantLabel) changes in the strategy's measures",
            paragraphs: ["Each measure in \(variantLabel) minus the same measure in \(baseLabel), worked out future by future with the same chance events: the median change in each year, and the range within which 90 in every 100 futures fell in \(last). A change in a percentage is in percentage points (pts). Where the interval spans zero, the scenarios cannot be told apart with confidence."],
            table: .init(header: ["Change in measure"] + years + ["90% interval, \(last)"], rows: rows))
    }
}
