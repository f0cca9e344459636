import ScenarioModel

extension RunSections {
    /// The summary table: children in care at each 31 March and cost per financial year, each
    /// as median and 90% interval, with the budget and the variance where the run has them.
    func summary() -> HTMLReport.Section {
        let totals = run.costs.rows.filter { $0.group == "total" }
        let byDate = Dictionary(childrenInCare.map { ($0.period, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = totals.map { cost -> [String] in
            let children = ReportText.yearEnd(cost.period).flatMap { byDate[$0] }
            return [
                cost.period,
                children.map { ReportText.count($0.p50) } ?? "–",
                children.map { ReportText.countInterval($0.p05, $0.p95) } ?? "–",
                Money.short(cost.p50),
                ReportText.moneyInterval(cost.p05, cost.p95),
                cost.budget.map { Money.short($0) } ?? "–",
                cost.variance.map { Money.short($0) } ?? "–",
            ]
        }
        let who = childrenOnly ? "In care" : "Placed"
        var paragraphs = [
            childrenOnly
                ? "Children in care at the end of each financial year (31 March) and the cost of placements in the year: the median and the 90% interval of the simulated futures."
                : "Children and young people placed at the end of each financial year (31 March), including care leavers and parents placed with their child, and the cost of placements in the year: the median and the 90% interval of the simulated futures.",
        ]
        if totals.contains(where: { $0.variance != nil }) {
            paragraphs.append("Variance is the average projected cost minus the budget: a figure with a minus sign is a projected underspend, one without an overspend.")
        }
        if let note = Self.partYears(totals.map(\.period), monthEnds: childrenInCare.map(\.period),
                                     firstDay: run.record.firstDay, lastDay: run.record.lastDay) { paragraphs.append(note) }
        return .init(
            heading: "Summary", paragraphs: paragraphs,
            table: .init(header: ["Financial year", "\(who) at 31 March", "90% interval", "Cost",
                                  "90% interval", "Budget", "Variance"], rows: rows))
    }

    /// "Simulated in part only: 2025/26 from 15 October 2025, …" when the first or last financial
    /// year is simulated in part; `nil` when every year is whole. The days are the run's first and
    /// last days simulated (run.json's `first_day` and `last_day`); a run from before run.json
    /// recorded them is named by its first and last month ends ("from October 2025").
    static func partYears(_ years: [String], monthEnds: [String], firstDay: Day? = nil, lastDay: Day? = nil) -> String? {
        guard let first = years.first, let last = years.last, let from = monthEnds.first, let to = monthEnds.last else { return nil }
        func month(_ iso: String) -> String {
            guard let day = Day(iso: iso.prefix(10)) else { return iso }
            return String(day.longDescription.drop { $0 != " " }.dropFirst())  // "October 2025"
        }
        let part: (text: String, count: Int)?
        if let firstDay, let lastDay, let year = FinancialYear(label: Substring(first)), let lastYear = FinancialYear(label: Substring(last)) {
            part = ReportText.partYears(first: first, last: last, from: firstDay.longDescription, to: lastDay.longDescription,
                                        startsLate: firstDay > year.firstDay, endsEarly: lastDay < lastYear.lastDay)
        } else {
            part = ReportText.partYears(first: first, last: last, from: month(from), to: month(to),
                                        startsLate: !from.hasSuffix("-04-30"), endsEarly: !to.hasSuffix("-03-31"))
        }
        guard let part else { return nil }
        let one = part.count == 1
        return "Simulated in part only: \(part.text). \(one ? "Its" : "Their") cost is for those months, and any budget given for \(one ? "it" : "them") should be too."
    }

    /// The medium-term financial strategy table from mtfs.csv: projected spend by cost line
    /// and financial year in whole pounds, with the budget and variance of the total.
    func mtfs() -> HTMLReport.Section? {
        guard let lines = run.mtfs, !lines.isEmpty else { return nil }
        var years: [String] = []
        var costLines: [String] = []
        for line in lines {
            if !years.contains(line.financialYear) { years.append(line.financialYear) }
            if !costLines.contains(line.costLine) { costLines.append(line.costLine) }
        }
        // The total last, as a finance table ends.
        costLines.sort { a, b in (a == "total" ? 1 : 0) < (b == "total" ? 1 : 0) }
        func cell(_ costLine: String, _ year: String, _ figure: (RunFolder.MTFSLine) -> Double?) -> String {
            lines.first { $0.costLine == costLine && $0.financialYear == year }.flatMap(figure).map { Money.full($0) } ?? "–"
        }
        var rows = costLines.map { name in
            [name == "total" ? "Total projected spend" : ReportText.label(name)] + years.map { cell(name, $0) { $0.projectedSpend } }
        }
        if lines.contains(where: { $0.costLine == "total" && $0.p05 != nil && $0.p95 != nil }) {
            rows.append(["Total: low (5th percentile)"] + years.map { cell("total", $0) { $0.p05 } })
            rows.append(["Total: high (95th percentile)"] + years.map { cell("total", $0) { $0.p95 } })
        }
        if lines.contains(where: { $0.costLine == "total" && $0.budget != nil }) {
            rows.append(["Budget"] + years.map { cell("total", $0) { $0.budget } })
            rows.append(["Variance"] + years.map { cell("total", $0) { $0.variance } })
        }
        return .init(
            heading: "Medium-term financial strategy",
            paragraphs: ["Projected spend on placements by cost line and financial year, in whole pounds, for the medium-term financial strategy. Projected spend is the average over the simulated futures; the low and high rows give the range within which 90 in every 100 futures fell. Variance is projected spend minus budget: a minus sign shows an underspend."],
            table: .init(header: ["Cost line"] + years, rows: rows))
    }

    /// What the 90% intervals carry and what they do not, from run.json (nothing for older runs).
    static func intervalParagraphs(_ record: RunFolder.Record) -> [String] {
        guard !record.intervalsInclude.isEmpty else { return [] }
        let list = record.intervalsInclude.count == 1 ? record.intervalsInclude[0]
            : record.intervalsInclude.dropLast().joined(separator: "; ") + "; and " + record.intervalsInclude.last!
        return ["The 90% intervals carry \(list).", record.intervalsExclude.isEmpty ? nil : "They do not carry \(record.intervalsExclude)."]
            .compactMap { $0 }
    }

    /// How the figures were made: scenario, file and checksum, seed, replications, tool
    /// version, run date and the percentile definition; `others` adds further runs' rows.
    /// - Parameter command: the command that makes the figures again; by default this run's.
    func method(heading: String = "How this was made", others: [RunFolder] = [], command: String? = nil) -> HTMLReport.Section {
        var rows: [[String]] = []
        for folder in [run] + others {
            let record = folder.record
            rows += [
                ["Scenario", record.scenarioName],
                ["Scenario file", record.scenario.isEmpty ? "not recorded" : record.scenario],
                ["Scenario file SHA-256", record.sha256.isEmpty ? "not recorded" : record.sha256],
                ["Random seed", record.seed],
                ["Simulated futures (replications)", ReportText.count(Double(record.replications))],
                ["Tool", "sufficiency \(record.toolVersion)"],
                ["Run date", ReportText.date(folder.runDate)],
            ]
        }
        rows.append(["Percentiles", "Hyndman and Fan (1996) definition 7, the same as Excel's PERCENTILE.INC"])
        let command = command ?? ReportText.runCommand(run)
        return .init(
            heading: heading,
            paragraphs: [
                "The figures come from a simulation of each child's time in care, month by month, repeated many times with different chance events. The median and the intervals are percentiles of those simulated futures.",
            ] + Self.intervalParagraphs(run.record) + [
                "Running '\(command)' with the same version of the tool gives the same figures again.",
            ],
            table: .init(header: ["Item", "Detail"], rows: rows, rightAligned: []))
    }
}
