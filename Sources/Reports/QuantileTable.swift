import Foundation

/// One row of a run's projection CSV: what it describes (a period and two labels) and the
/// summary of that figure over the replications.
package struct QuantileRow: Sendable, Equatable {
    /// A month-end date `YYYY-MM-DD` or a financial year `2025/26`.
    package var period: String
    /// The second column: a placement or provider, a flow, a cost line.
    package var group: String
    /// The third column: an age band, a measure, a location; empty when the file has none.
    package var detail: String
    package var mean: Double
    package var p05: Double
    package var p25: Double
    package var p50: Double
    package var p75: Double
    package var p95: Double
    /// The budget and the variance (mean − budget), in files that carry them, when given.
    package var budget: Double?
    package var variance: Double?

    package init(period: String, group: String, detail: String = "", mean: Double, p05: Double, p25: Double,
                 p50: Double, p75: Double, p95: Double, budget: Double? = nil, variance: Double? = nil) {
        self.period = period
        self.group = group
        self.detail = detail
        self.mean = mean
        self.p05 = p05
        self.p25 = p25
        self.p50 = p50
        self.p75 = p75
        self.p95 = p95
        self.budget = budget
        self.variance = variance
    }
}

/// A projection CSV read back (`bed_need.csv`, `costs.csv`, `sufficiency_gap.csv`, …): its rows
/// in file order. Columns are found by name, so extra columns and a new column order are fine.
package struct QuantileTable: Sendable {
    /// Where the table came from, for messages.
    package var path: String
    package var rows: [QuantileRow]

    package init(path: String, rows: [QuantileRow]) {
        self.path = path
        self.rows = rows
    }

    /// The rows whose group and detail are as given, in file order (which is time order).
    package func rows(group: String, detail: String) -> [QuantileRow] {
        rows.filter { $0.group == group && $0.detail == detail }
    }

    /// The distinct groups in order of first appearance.
    package var groups: [String] {
        var seen: Set<String> = []
        return rows.compactMap { seen.insert($0.group).inserted ? $0.group : nil }
    }

    /// Reads `file`, whose first three columns are named `period`, `group` and `detail` (the
    /// third may be nil for files with two), then `mean`, `p05` … `p95` and optionally
    /// `budget` and `variance` (blank cells are no figure).
    /// - Throws: ``FileError`` naming the file and line of a missing column, a short row or a
    ///   cell that is not a number.
    package static func read(_ file: CSVFile, period: String, group: String, detail: String?) throws(FileError) -> QuantileTable {
        let p = try file.requiredColumn(period)
        let g = try file.requiredColumn(group)
        let d = try detail.map { name throws(FileError) in try file.requiredColumn(name) }
        var figures: [Int] = []
        for name in ["mean", "p05", "p25", "p50", "p75", "p95"] { figures.append(try file.requiredColumn(name)) }
        let budget = file.column("budget")
        let variance = file.column("variance")
        let needed = ([p, g, d ?? 0, budget ?? 0, variance ?? 0] + figures).max()! + 1
        var rows: [QuantileRow] = []
        rows.reserveCapacity(file.rows.count)
        for (fields, line) in zip(file.rows, file.lines) {
            guard fields.count >= needed else {
                throw FileError(path: file.path, line: line, "expected \(file.columns.count) fields, found \(fields.count)")
            }
            func number(_ index: Int) throws(FileError) -> Double {
                let text = fields[index].trimmingCharacters(in: .whitespaces)
                guard let value = Double(text), value.isFinite else {
                    throw FileError(path: file.path, line: line, "expected a number for '\(file.columns[index])', found '\(text)'")
                }
                return value
            }
            func optional(_ index: Int?) throws(FileError) -> Double? {
                guard let index, !fields[index].trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
                return try number(index)
            }
            rows.append(QuantileRow(
                period: fields[p], group: Self.currentLabel(fields[g]), detail: d.map { Self.currentLabel(fields[$0]) } ?? "",
                mean: try number(figures[0]), p05: try number(figures[1]), p25: try number(figures[2]),
                p50: try number(figures[3]), p75: try number(figures[4]), p95: try number(figures[5]),
                budget: try optional(budget), variance: try optional(variance)))
        }
        return QuantileTable(path: file.path, rows: rows)
    }

    /// A total row's label as this version writes it: older run folders called the total row
    /// `all` (and the children in care `all under 18`); they are read as `total` so that their
    /// reports can still be made.
    /// The formula-neutralising `'` the CSV writer adds is taken off too: it belongs to the CSV only.
    static func currentLabel(_ label: String) -> String {
        switch label {
        case "all": "total"
        case "all under 18": "total under 18"
        default: CSVTable.restored(label)
        }
    }
}
