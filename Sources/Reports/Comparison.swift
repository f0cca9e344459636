import CareSimulation
import ScenarioModel

/// A variant against its base, replication by replication: both ran with the same seed, so
/// replication *r* of each saw the same children arrive, move and leave wherever the scenarios
/// agree (common random numbers), and the difference *r* is variant − base for that replication.
///
/// Rows are matched by name, so a variant may add a provider, a placement type or an exit reason
/// (the base counts as zero there); the calendar and age bands must be the same.
package struct Comparison: Sendable {
    package let base: Projection
    package let variant: Projection

    /// Why two runs cannot be compared, in words.
    package struct Mismatch: Error, Sendable { package var message: String }

    package init(base: Projection, variant: Projection) throws(Mismatch) {
        guard base.tallies.count == variant.tallies.count else {
            throw Mismatch(message: "the runs have different numbers of replications")
        }
        guard base.model.monthEnds == variant.model.monthEnds else {
            throw Mismatch(message: "the variant must have the same start and horizon as the base")
        }
        guard base.model.bandNames == variant.model.bandNames else {
            throw Mismatch(message: "the variant must have the same age bands as the base (and both or neither model care leavers and parent-and-child)")
        }
        self.base = base
        self.variant = variant
    }

    /// Summary of the paired differences variant − base; `nil` on a side means zero there.
    package func summary(variant v: ((TallyView) -> Double)?, base b: ((TallyView) -> Double)?) -> Summary {
        var values = [Double](repeating: 0, count: base.tallies.count)
        for r in values.indices {
            values[r] = (v.map { $0(variant.tallies[r]) } ?? 0) - (b.map { $0(base.tallies[r]) } ?? 0)
        }
        return Summary.of(&values)
    }

    /// Names in the base's order, then the variant's new ones, with each side's index.
    static func union(_ base: [String], _ variant: [String]) -> [(name: String, base: Int?, variant: Int?)] {
        base.enumerated().map { ($1, $0, variant.firstIndex(of: $1)) }
            + variant.enumerated().filter { !base.contains($0.element) }.map { ($1, nil, $0) }
    }

    private static func row(_ s: Summary, decimals: Int) -> [CSVField] { Projection.fields(s, decimals: decimals) }

    /// Summaries of the paired differences of many figures at once: `fill` writes each figure's
    /// variant − base for one replication's pair of tallies (``Summary/of(count:replications:_:)``).
    func summaries(count: Int, _ fill: (_ variant: TallyView, _ base: TallyView, _ into: inout [Double]) -> Void) -> [Summary] {
        Summary.of(count: count, replications: base.tallies.count) { fill(variant.tallies[$0], base.tallies[$0], &$1) }
    }

    /// `bed_need.csv` of differences: per month end, provider (and `total`) and band.
    package func bedNeedTable() -> CSVTable {
        var table = CSVTable(header: ["date", "placement", "age_band"] + Projection.summaryHeader)
        let providers = Self.union(base.model.providerNames, variant.model.providerNames)
        let bands = base.model.bandNames
        let bandsAndTotal = Array(bands.indices).map(Optional.some) + [nil]
        // Rows of a month: each provider (nil: all) by each band (nil: all), then children in care.
        let rows: [(name: String, base: Int??, variant: Int??, band: Int?)] =
            providers.flatMap { p in bandsAndTotal.map { (p.name, p.base.map { Optional.some($0) }, p.variant.map { Optional.some($0) }, $0) } }
            + bandsAndTotal.map { ("total", .some(nil), .some(nil), $0) }
        for (month, date) in base.model.monthEnds.enumerated() {
            let summaries = summaries(count: rows.count + 1) { v, b, figures in
                for (k, row) in rows.enumerated() {
                    figures[k] = (row.variant.map { self.variant.stock(v, month: month, provider: $0, band: row.band) } ?? 0)
                        - (row.base.map { self.base.stock(b, month: month, provider: $0, band: row.band) } ?? 0)
                }
                figures[rows.count] = self.variant.childrenInCare(v, month: month) - self.base.childrenInCare(b, month: month)
            }
            for (row, s) in zip(rows, summaries) {
                table.rows.append([.text(date.description), .text(row.name), .text(row.band.map { bands[$0] } ?? "total")] + Self.row(s, decimals: 2))
            }
            table.rows.append([.text(date.description), .text("total"), .text("total under 18")] + Self.row(summaries[rows.count], decimals: 2))
        }
        return table
    }

    /// `costs.csv` of differences: pounds per financial year and provider (and `total`), with the
    /// currency and the months of the year simulated, as in a run's `costs.csv`.
    package func costsTable() -> CSVTable {
        var table = CSVTable(header: ["financial_year", "placement"] + Projection.summaryHeader + ["currency", "months_simulated"])
        let marks = { (year: Int) -> [CSVField] in [.text(Projection.currency), self.base.monthsField(year: year)] }
        let providers = Self.union(base.model.providerNames, variant.model.providerNames)
        for (year, fy) in base.model.years.enumerated() {
            for p in providers {
                let s = summary(variant: p.variant.map { vp in { self.variant.cost($0, year: year, provider: vp) } },
                                base: p.base.map { bp in { self.base.cost($0, year: year, provider: bp) } })
                table.rows.append([.text(fy.description), .text(p.name)] + Self.row(s, decimals: 0) + marks(year))
            }
            let s = summary(variant: { self.variant.cost($0, year: year, provider: nil) },
                            base: { self.base.cost($0, year: year, provider: nil) })
            table.rows.append([.text(fy.description), .text("total")] + Self.row(s, decimals: 0) + marks(year))
        }
        return table
    }

    /// `flows.csv` of differences: per financial year, flow (matched by name) and band (and `total`),
    /// with the months of the year simulated, as in a run's `flows.csv`.
    package func flowsTable() -> CSVTable {
        var table = CSVTable(header: ["financial_year", "flow", "age_band"] + Projection.summaryHeader + ["months_simulated"])
        let flows = Self.union(base.model.flowNames, variant.model.flowNames)
        let bands = base.model.bandNames
        for (year, fy) in base.model.years.enumerated() {
            for f in flows {
                for band in Array(bands.indices).map(Optional.some) + [nil] {
                    let s = summary(variant: f.variant.map { vf in { self.variant.flow($0, vf, year: year, band: band) } },
                                    base: f.base.map { bf in { self.base.flow($0, bf, year: year, band: band) } })
                    if band != nil, s == Summary(mean: 0, p05: 0, p25: 0, p50: 0, p75: 0, p95: 0) { continue }
                    table.rows.append([.text(fy.description), .text(f.name), .text(band.map { bands[$0] } ?? "total")] + Self.row(s, decimals: 2)
                        + [self.base.monthsField(year: year)])
                }
            }
        }
        return table
    }

    /// The printed table: variant − base per financial year, median and 90% interval.
    package func summaryTable() -> String {
        var rows = [["financial year", "children in care at year end", "", "cost", ""],
                    ["", "median", "90% interval", "median", "90% interval"]]
        func signed(_ v: Double) -> String {
            let n = Int(v.rounded())
            return n > 0 ? "+\(n)" : "\(n)"
        }
        func money(_ v: Double) -> String { (v > 0.5 ? "+" : "") + Money.short(v) }
        for (year, fy) in base.model.years.enumerated() {
            var row = [fy.description]
            if let month = base.closingMonth(ofYear: year) {
                let s = summary(variant: { self.variant.childrenInCare($0, month: month) }, base: { self.base.childrenInCare($0, month: month) })
                row += [signed(s.p50), "\(signed(s.p05)) to \(signed(s.p95))"]
            } else {
                row += ["–", ""]
            }
            let c = summary(variant: { self.variant.cost($0, year: year, provider: nil) }, base: { self.base.cost($0, year: year, provider: nil) })
            row += [money(c.p50), "\(money(c.p05)) to \(money(c.p95))"]
            rows.append(row)
        }
        return Projection.align(rows)
    }
}
