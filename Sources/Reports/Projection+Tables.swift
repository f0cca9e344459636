import CareSimulation
import ScenarioModel

/// The CSV tables of a run (or, with a base, of a paired comparison).
extension Projection {
    static let summaryHeader = ["mean", "p05", "p25", "p50", "p75", "p95"]

    static func fields(_ s: Summary, decimals: Int) -> [CSVField] {
        [s.mean, s.p05, s.p25, s.p50, s.p75, s.p95].map { .number($0, decimals: decimals) }
    }

    /// `bed_need.csv`: people in each placement and age band at each month end, with `total` rows (over placements, over bands, and `total under 18` for the children in care).
    package func bedNeedTable() -> CSVTable {
        var table = CSVTable(header: ["date", "placement", "age_band"] + Self.summaryHeader)
        let placements: [(String, Int?)] = model.providerNames.enumerated().map { ($1, $0) } + [("total", nil)]
        // Rows of a month: each provider's bands and total, then all providers', then children in care.
        let rows: [(name: String, provider: Int?, band: Int?)] = placements.flatMap { name, provider in
            ((provider.map { self.bands(of: $0) } ?? Array(0..<model.bandNames.count)).map { $0 } + [nil]).map { (name, provider, $0) }
        }
        for (month, date) in model.monthEnds.enumerated() {
            let summaries = summaries(count: rows.count + 1) { t, figures in
                for (k, row) in rows.enumerated() { figures[k] = stock(t, month: month, provider: row.provider, band: row.band) }
                // Children in care: everyone under 18 (care leavers and parent-and-child families excluded).
                figures[rows.count] = childrenInCare(t, month: month)
            }
            for (row, s) in zip(rows, summaries) {
                table.rows.append([.text(date.description), .text(row.name), .text(row.band.map { model.bandNames[$0] } ?? "total")]
                    + Self.fields(s, decimals: 2))
            }
            table.rows.append([.text(date.description), .text("total"), .text("total under 18")] + Self.fields(summaries[rows.count], decimals: 2))
        }
        return table
    }

    /// `costs.csv`: pounds per financial year and placement (cost line), with budget and variance,
    /// then `currency` (`GBP`) and `months_simulated` (12, or fewer in a year simulated in part).
    ///
    /// Projected spend is the mean over replications, so lines add up to the total; the variance
    /// is projected spend minus budget (positive is an overspend).
    package func costsTable() -> CSVTable {
        var table = CSVTable(header: ["financial_year", "placement"] + Self.summaryHeader + ["budget", "variance", "currency", "months_simulated"])
        let placements: [(String, Int?)] = model.providerNames.enumerated().map { ($1, $0) } + [("total", nil)]
        for (year, fy) in model.years.enumerated() {
            for (name, provider) in placements {
                let s = summary { cost($0, year: year, provider: provider) }
                let budget = self.budget(year: year, provider: provider)
                table.rows.append([.text(fy.description), .text(name)] + Self.fields(s, decimals: 0)
                    + [budget.map { .number($0, decimals: 0) } ?? .text(""),
                       budget.map { .number(s.mean - $0, decimals: 0) } ?? .text(""), .text(Self.currency), monthsField(year: year)])
            }
        }
        return table
    }

    /// `flows.csv`: entries, exits by reason, moves, overflows and the rest, per financial year and band.
    package func flowsTable() -> CSVTable {
        // `months_simulated` as in costs.csv: a year simulated in part counts only its months'
        // entries and exits (found: 2025/26 from 15 October showed half a year's entries, unmarked).
        var table = CSVTable(header: ["financial_year", "flow", "age_band"] + Self.summaryHeader + ["months_simulated"])
        let bands: [Int?] = Array(0..<model.bandNames.count).map { $0 } + [nil]
        for (year, fy) in model.years.enumerated() {
            for (f, name) in model.flowNames.enumerated() {
                for band in bands {
                    let s = summary { flow($0, f, year: year, band: band) }
                    if band != nil, s == Summary(mean: 0, p05: 0, p25: 0, p50: 0, p75: 0, p95: 0) { continue }
                    table.rows.append([.text(fy.description), .text(name), .text(band.map { model.bandNames[$0] } ?? "total")]
                        + Self.fields(s, decimals: 2) + [monthsField(year: year)])
                }
            }
        }
        return table
    }

    /// `sufficiency_gap.csv`: people placed beyond a full preferred (usually in-house) provider,
    /// still there at each month end, by placement type; and each limited provider's places.
    package func gapTable() -> CSVTable {
        var table = CSVTable(header: ["date", "placement", "measure"] + Self.summaryHeader)
        for (month, date) in model.monthEnds.enumerated() {
            for (type, name) in model.typeNames.enumerated() where model.typeProviders[type].count > 1 {
                let s = summary { Double($0.gap[month * $0.types + type]) }
                table.rows.append([.text(date.description), .text(name), .text("placed beyond a full preferred provider")]
                    + Self.fields(s, decimals: 2))
                for p in model.typeProviders[type] where !model.providerLast[p] {
                    let places = summary { Double($0.capacity[month * $0.providers + p]) }
                    table.rows.append([.text(date.description), .text(model.providerNames[p]), .text("places")]
                        + Self.fields(places, decimals: 2))
                }
            }
        }
        return table
    }

    /// `bed_need_by_location.csv`: people placed locally (in the area or within 20 miles) and out of area.
    package func locationTable() -> CSVTable {
        var table = CSVTable(header: ["date", "placement", "location"] + Self.summaryHeader)
        let placements: [(String, Int?)] = model.providerNames.enumerated().map { ($1, $0) } + [("total", nil)]
        for (month, date) in model.monthEnds.enumerated() {
            // Figures 2k and 2k + 1: placement k's children placed locally and out of area.
            let summaries = summaries(count: 2 * placements.count) { t, figures in
                for (k, (_, provider)) in placements.enumerated() {
                    var n: Int32 = 0
                    for p in Self.range(provider, all: t.providers) { n += t.local[month * t.providers + p] }
                    figures[2 * k] = Double(n)
                    figures[2 * k + 1] = stock(t, month: month, provider: provider, band: nil) - Double(n)
                }
            }
            for (k, (name, _)) in placements.enumerated() {
                table.rows.append([.text(date.description), .text(name), .text("local")] + Self.fields(summaries[2 * k], decimals: 2))
                table.rows.append([.text(date.description), .text(name), .text("out of area")] + Self.fields(summaries[2 * k + 1], decimals: 2))
            }
        }
        return table
    }
}

/// The medium-term financial strategy tables: spend per financial year and cost line against budget.
extension Projection {
    /// `mtfs.csv`: one row per financial year and cost line, with stable column names; the last two
    /// say the currency (`GBP`) and the months of the year simulated (12, or fewer in a part year).
    package func mtfsTable() -> CSVTable {
        var table = CSVTable(header: ["financial_year", "cost_line", "projected_spend", "p05", "p50", "p95", "budget", "variance",
                                      "currency", "months_simulated"])
        for (year, fy) in model.years.enumerated() {
            for (line, provider) in costLines {
                let s = summary { cost($0, year: year, provider: provider) }
                let budget = self.budget(year: year, provider: provider)
                table.rows.append([.text(fy.description), .text(line)]
                    + [s.mean, s.p05, s.p50, s.p95].map { .number($0, decimals: 0) }
                    + [budget.map { .number($0, decimals: 0) } ?? .text(""), budget.map { .number(s.mean - $0, decimals: 0) } ?? .text("")]
                    + [.text(Self.currency), monthsField(year: year)])
            }
        }
        return table
    }

    /// `mtfs_wide.csv`: one column per financial year, to paste straight into a spreadsheet; a
    /// first row gives the months of each year simulated (12, or fewer in a part year), and the
    /// last column the currency of each row of money (`GBP`).
    package func mtfsWideTable() -> CSVTable {
        var table = CSVTable(header: ["cost_line", "measure"] + model.years.map(\.description) + ["currency"])
        table.rows.append([.text(""), .text("months simulated")] + model.years.indices.map { monthsField(year: $0) } + [.text("")])
        for (line, provider) in costLines {
            let summaries = model.years.indices.map { year in summary { cost($0, year: year, provider: provider) } }
            let budgets = model.years.indices.map { budget(year: $0, provider: provider) }
            func row(_ measure: String, _ values: [Double?]) {
                table.rows.append([.text(line), .text(measure)] + values.map { $0.map { .number($0, decimals: 0) } ?? .text("") }
                    + [.text(Self.currency)])
            }
            row("projected spend (mean)", summaries.map(\.mean))
            row("low (5th percentile)", summaries.map(\.p05))
            row("high (95th percentile)", summaries.map(\.p95))
            if budgets.contains(where: { $0 != nil }) {
                row("budget", budgets)
                row("variance (spend - budget)", zip(summaries, budgets).map { s, b in b.map { s.mean - $0 } })
            }
        }
        return table
    }

    /// Cost lines: each provider, then the total.
    var costLines: [(String, Int?)] { model.providerNames.enumerated().map { ($1, $0) } + [("total", nil)] }
}
