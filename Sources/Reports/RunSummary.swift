import CareSimulation
import ScenarioModel

/// The short table a run prints: children in care at each year end and cost per financial year,
/// median and 90% interval (with budget and variance when the scenario sets budgets).
extension Projection {
    package func summaryTable() -> String {
        let hasBudgets = !model.scenario.budgets.isEmpty
        var header = ["financial year", "children in care at year end", "", "cost", ""]
        var second = ["", "median", "90% interval", "median", "90% interval"]
        if hasBudgets {
            header += ["budget", "variance"]
            second += ["", "(mean − budget)"]
        }
        var rows = [header, second]
        let sign = ""
        for (year, fy) in model.years.enumerated() {
            var row = [fy.description]
            if let month = closingMonth(ofYear: year) {
                let s = summary { childrenInCare($0, month: month) }
                row += [Self.count(s.p50, sign), "\(Self.count(s.p05, sign)) to \(Self.count(s.p95, sign))"]
            } else {
                row += ["–", ""]
            }
            let c = summary { cost($0, year: year, provider: nil) }
            row += [Money.short(c.p50), "\(Money.short(c.p05)) to \(Money.short(c.p95))"]
            if hasBudgets {
                if let budget = budget(year: year, provider: nil) {
                    row += [Money.short(budget), Money.short(c.mean - budget)]
                } else {
                    row += ["–", ""]
                }
            }
            rows.append(row)
        }
        return Self.align(rows)
    }

    static func count(_ value: Double, _ sign: String) -> String {
        let n = Int(value.rounded())
        return n > 0 ? "\(sign)\(n)" : "\(n)"
    }

    /// Left-aligns the first column and right-aligns the rest, two spaces apart.
    package static func align(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        return rows.map { row in
            row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return i == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
