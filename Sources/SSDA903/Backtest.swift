import CareSimulation
import Foundation
import Reports
import ScenarioModel
import YAMLReader

/// A back-test: calibrate on the data up to a past date, simulate forward, and compare with what
/// the return later shows, beside two naive forecasts: the as-of value carried forward ("last"),
/// and a straight line through the return's figures up to the as-of date ("line").
///
/// The calibration sees only ``StitchedReturn/truncated(at:)`` (episodes starting after the date
/// unseen, episodes open at the date censored there); the scenario simulated is exactly the text
/// ``ScenarioWriter`` writes, read back by ScenarioReader. Compared: children in care on each later
/// 31 March (in total, by age band, by placement type, and by placement type and age band), and
/// when the date is a 31 March, starts and ceased in each later collection year. The simulated
/// values over replications give a median and a 90% interval (p05 to p95, Hyndman & Fan
/// definition 7); the interval *covers* the actual when p05 ≤ actual ≤ p95. Each comparison is
/// scored as the published tables' back-test scores it (``BacktestComparison``).
public struct Backtest: Sendable {
    /// One comparison: children in care of a placement type (or `total`) and age band (or `total`)
    /// on one 31 March, or the starts or ceased of one collection year.
    public struct Cell: Sendable, Equatable {
        /// `children in care`, `starts` or `ceased`.
        public var measure: String
        /// The 31 March compared, or the collection year's last day for starts and ceased.
        public var date: Int
        /// 1 for the first 31 March (or collection year) after the as-of date, 2 for the next, …
        public var horizon: Int
        public var type: String
        public var band: String
        public var actual: Int
        public var median: Double
        public var p05: Double
        public var p95: Double
        /// The as-of value carried forward, and the straight line through the figures up to the as-of date.
        public var naiveLast: Double?
        public var naiveLine: Double?
        public var error: Double { median - actual.double }
        public var covered: Bool { p05 <= actual.double && actual.double <= p95 }
        /// Whether the cell says something: a child was there, or might have been.
        public var isInformative: Bool { actual > 0 || p95 > 0 }
        /// The kind of measure in the summary.
        public var kind: String {
            guard measure == Backtest.stock else { return measure }
            switch (type == "total", band == "total") {
            case (true, true): return "total"
            case (true, false): return "age group"
            case (false, true): return "placement"
            case (false, false): return "placement and age"
            }
        }
        public var comparison: BacktestComparison {
            BacktestComparison(kind: kind, horizon: horizon, median: median, p05: p05, p95: p95, actual: actual.double,
                               naiveLast: naiveLast, naiveLine: naiveLine)
        }
    }

    static let stock = "children in care"
    /// The kinds of the summary, in its order.
    public static let kinds = ["total", "age group", "placement", "placement and age", "starts", "ceased"]

    /// Children in care by placement type and age band (families' type: one cell for all ages),
    /// type totals, age band totals and the total, 31 March by 31 March; then starts and ceased by year.
    public var cells: [Cell]
    /// The scenario simulated, as calibrate would write it.
    public var scenarioText: String
    public var asOf: Int
    public var years: Int
    public var replications: Int

    /// Runs the back-test.
    /// - Parameters:
    ///   - data: the whole return, stitched.
    ///   - asOf: the date calibrated to (day number); the simulation starts the day after.
    ///   - years: years simulated; 31 Marches after `asOf`, inside both the horizon and the data, are compared.
    public static func run(_ data: StitchedReturn, asOf: Int, years: Int, windowYears: Double = 3,
                           replications: Int, seed: UInt64, threads: Int,
                           variability: (entries: Double, exits: Double, moves: Double, placements: Double)? = ScenarioWriter.defaultVariability) throws -> Backtest {
        let calibration = Estimator.estimate(data.truncated(at: asOf), asOf: asOf, windowYears: windowYears)
        let text = ScenarioWriter.render(calibration, options: .init(
            name: "back-test from \(CivilDate.formatISO(asOf))", horizonYears: years, replications: replications, seed: seed,
            includeCareLeavers: false, variability: variability))
        var scenario = try ScenarioLoader(readFile: { _ in text }).load("backtest.yaml")
        scenario.replications = replications
        scenario.seed = seed
        let model = CareModel(scenario)
        let tallies = MonteCarlo.run(model, replications: replications, threads: threads)

        // What the return shows up to the date: children in care at the date and on each earlier
        // 31 March it covers, for the naive forecasts.
        let pastDays = data.years.map(\.lastDay).filter { $0 < asOf } + [asOf]
        let past = pastDays.map { (day: $0, population: Estimator.estimate(data, asOf: $0, windowYears: windowYears).population) }
        func naive(_ count: ([Placement: [AgeBand: Int]]) -> Int, at day: Int) -> (last: Double, line: Double?) {
            let points = past.map { (Double($0.day) / 365.25, Double(count($0.population))) }
            return (points[points.count - 1].1, BacktestComparison.line(points, at: Double(day) / 365.25))
        }
        func quantiles(_ values: [Double]) -> (median: Double, p05: Double, p95: Double) {
            let sorted = values.sorted()
            return (Summary.quantile(0.5, ofSorted: sorted), Summary.quantile(0.05, ofSorted: sorted), Summary.quantile(0.95, ofSorted: sorted))
        }

        let childBands = SSDA903.AgeBand.allCases
        var cells: [Cell] = []
        var horizon = 0
        for (month, end) in model.monthEnds.enumerated() {
            let day = end.number
            let c = CivilDate.civil(day)
            guard c.month == 3, c.day == 31, day > asOf, day < data.dataEnd else { continue }
            horizon += 1
            let actual = Estimator.estimate(data, asOf: day, windowYears: windowYears).population
            // Simulated counts per replication of some types' providers in some bands (band 5 = all ages, for families).
            func simulated(types: [Int], bands: (Int) -> [Int]) -> [Double] {
                tallies.map { tally in
                    var n: Int32 = 0
                    for t in types { for p in model.typeProviders[t] { for b in bands(t) { n += tally.stock(month: month, provider: p, band: b) } } }
                    return Double(n)
                }
            }
            func cell(_ type: String, _ band: String, _ count: ([Placement: [AgeBand: Int]]) -> Int, _ values: [Double]) -> Cell {
                let q = quantiles(values), n = naive(count, at: day)
                return Cell(measure: stock, date: day, horizon: horizon, type: type, band: band, actual: count(actual),
                            median: q.median, p05: q.p05, p95: q.p95, naiveLast: n.last, naiveLine: n.line)
            }
            var typeTotals: [Cell] = []
            var childTypes: [Int] = [], allTypes: [Int] = []
            var familyTypes: Set<Int> = []
            for (t, name) in model.typeNames.enumerated() {
                guard let type = CalibratedType(rawValue: name) else { continue }
                allTypes.append(t)
                if type.servesFamilies { familyTypes.insert(t) } else { childTypes.append(t) }
                if !type.servesFamilies {
                    for (b, band) in childBands.enumerated() {
                        cells.append(cell(name, band.label, { count($0, of: type, in: band) }, simulated(types: [t]) { _ in [b] }))
                    }
                }
                typeTotals.append(cell(name, "total", { count($0, of: type, in: nil) },
                                       simulated(types: [t]) { _ in type.servesFamilies ? [model.familyBand] : Array(0..<childBands.count) }))
            }
            cells += typeTotals
            let childTypeSet = Set(childTypes.map { CalibratedType(rawValue: model.typeNames[$0])! })
            for (b, band) in childBands.enumerated() {
                cells.append(cell("total", band.label, { population in
                    childTypeSet.reduce(0) { $0 + count(population, of: $1, in: band) }
                }, simulated(types: childTypes) { _ in [b] }))
            }
            let everyType = Set(allTypes.map { CalibratedType(rawValue: model.typeNames[$0])! })
            cells.append(cell("total", "total", { population in everyType.reduce(0) { $0 + count(population, of: $1, in: nil) } },
                              simulated(types: allTypes) { familyTypes.contains($0) ? [model.familyBand] : Array(0..<childBands.count) }))
        }
        cells += flowCells(data, model: model, tallies: tallies, asOf: asOf, quantiles: quantiles)
        return Backtest(cells: cells, scenarioText: text, asOf: asOf, years: years, replications: replications)
    }

    /// Children of `type` in `band` (every band when `nil`) in a population.
    static func count(_ population: [Placement: [AgeBand: Int]], of type: CalibratedType, in band: AgeBand?) -> Int {
        population.filter { CalibratedType($0.key) == type }.values.reduce(0) { sum, byBand in
            sum + (band.map { byBand[$0] ?? 0 } ?? byBand.values.reduce(0, +))
        }
    }

    /// Starts and ceased in each whole collection year after the date, inside the data and the
    /// horizon; only when the date is a 31 March (a part year has no naive forecast to set beside it).
    static func flowCells(_ data: StitchedReturn, model: CareModel, tallies: [Tally], asOf: Int,
                          quantiles: ([Double]) -> (median: Double, p05: Double, p95: Double)) -> [Cell] {
        guard data.years.contains(where: { $0.lastDay == asOf }) else { return [] }
        // A baby placed first with a parent is a family in the model, not an entry (as in the
        // calibration), and leaves with the parent uncounted: a period that starts, or ends, in a
        // parent-and-child placement is not a start, or not ceased.
        let periods = data.children.flatMap(\.periods)
        func family(_ episode: CareEpisode) -> Bool { CalibratedType(episode.placement).servesFamilies }
        func counts(_ year: CollectionYear) -> (starts: Int, ceased: Int) {
            let days = year.firstDay...year.lastDay
            let starts = periods.filter { days.contains($0.start) && !family($0.episodes[0]) }.count
            let ceased = periods.filter { p in
                if case .exit = p.ending, let end = p.end { return days.contains(end) && !family(p.episodes[p.episodes.count - 1]) }
                return false
            }.count
            return (starts, ceased)
        }
        let history = data.years.filter { $0.lastDay <= asOf }.map { ($0, counts($0)) }
        var cells: [Cell] = []
        for year in data.years where year.firstDay > asOf && year.lastDay < data.dataEnd {
            guard let k = model.years.firstIndex(where: { $0.startYear == year.endingYear - 1 }) else { continue }
            let horizon = year.endingYear - CollectionYear(containing: asOf).endingYear
            let actual = counts(year)
            func simulated(_ flows: [Int]) -> [Double] {
                tallies.map { t in Double(flows.reduce(Int32(0)) { s, f in (0..<model.bandNames.count).reduce(s) { $0 + t.flow(f, year: k, band: $1) } }) }
            }
            let measures: [(String, ((starts: Int, ceased: Int)) -> Int, [Int], Int)] = [
                // Babies entering care after a parent-and-child assessment began their period with the family.
                ("starts", { $0.starts }, [model.flow.entries], model.flow.babiesIntoCare),
                ("ceased", { $0.ceased }, model.flow.exitReasons + [model.flow.turned18], -1),
            ]
            for (measure, value, flows, less) in measures {
                let points = history.map { (Double($0.0.endingYear), Double(value($0.1))) }
                let q = quantiles(zip(simulated(flows), less >= 0 ? simulated([less]) : tallies.map { _ in 0 }).map { $0 - $1 })
                cells.append(Cell(measure: measure, date: year.lastDay, horizon: horizon, type: "total", band: "total",
                                  actual: value(actual), median: q.median, p05: q.p05, p95: q.p95,
                                  naiveLast: points.last?.1, naiveLine: BacktestComparison.line(points, at: Double(year.endingYear))))
            }
        }
        return cells
    }

    /// Coverage over informative cells by placement type and age band (not the totals, which repeat them).
    public var coverage: (covered: Int, cells: Int) {
        let detail = cells.filter { $0.type != "total" && $0.band != "total" && $0.isInformative }
        return (detail.filter(\.covered).count, detail.count)
    }

    /// The summary: error against the naive forecasts, coverage and interval score by kind and horizon.
    public var summary: [BacktestSummaryLine] {
        BacktestSummaryLine.lines(cells.map(\.comparison), kinds: Self.kinds, years: years)
    }

    /// A cell's period as the published back-test writes it: `31 March 2020`, or `2019/20` for a year's flows.
    static func period(_ cell: Cell) -> String {
        guard cell.measure != stock else { return CivilDate.formatLong(cell.date) }
        let year = CollectionYear(containing: cell.date).endingYear
        return "\(year - 1)/\(String(year).suffix(2))"
    }

    /// The comparison as CSV: one row per cell, with the columns of the published tables' back-test.
    public var csv: String {
        var table = Reports.CSVTable(header: [
            "measure", "period", "horizon_years", "placement_type", "age_band", "median", "p05", "p95", "actual", "error",
            "abs_pct_error", "inside_90", "interval_score", "naive_last", "naive_last_abs_pct_error", "naive_line",
            "naive_line_abs_pct_error",
        ])
        func optional(_ v: Double?, _ decimals: Int) -> CSVField { v.map { .number($0, decimals: decimals) } ?? .text("") }
        for c in cells {
            let actual = c.actual.double
            table.rows.append([
                .text(c.measure), .text(Self.period(c)), .integer(c.horizon), .text(c.type), .text(c.band),
                .number(c.median, decimals: 1), .number(c.p05, decimals: 1), .number(c.p95, decimals: 1), .integer(c.actual),
                .number(c.error, decimals: 1), optional(BacktestComparison.percentError(c.median, actual), 2),
                .text(c.covered ? "yes" : "no"), .number(c.comparison.intervalScore, decimals: 1), optional(c.naiveLast, 1),
                optional(BacktestComparison.percentError(c.naiveLast, actual), 2), optional(c.naiveLine, 1),
                optional(BacktestComparison.percentError(c.naiveLine, actual), 2),
            ])
        }
        return table.rendered()
    }

    /// The summary as CSV (`backtest-summary.csv`, as the published tables' back-test writes it).
    public var summaryCSV: String { BacktestSummaryLine.csv(summary) }

    /// The totals and flows year by year, the summary against the naive forecasts, and the coverage, as printed.
    public var table: String {
        var out = "back-test from \(CivilDate.formatLong(asOf)), \(replications) replications\n\n"
        let shown = cells.filter { $0.kind == "total" || $0.kind == "starts" || $0.kind == "ceased" }
        guard !shown.isEmpty else {
            return out + "no 31 March after the date inside both the horizon and the data: nothing to compare\n"
        }
        out += "forecast (median, 90% interval) against what the return shows, and the naive forecasts:\n"
        out += "                                   actual   median      p05      p95     last     line  inside\n"
        func number(_ v: Double?) -> String { v.map { String(format: "%9.0f", $0) } ?? "      n/a" }
        for c in shown {
            let what = c.measure == Self.stock ? "children in care, \(Self.period(c))" : "\(c.measure), \(Self.period(c))"
            out += "  " + what.padding(toLength: 31, withPad: " ", startingAt: 0)
            out += String(format: "%9d%9.0f%9.0f%9.0f", c.actual, c.median, c.p05, c.p95) + number(c.naiveLast) + number(c.naiveLine)
            out += c.covered ? "  yes\n" : "  no\n"
        }
        out += "\nabsolute % error of the median forecast against the naive forecasts ('last' carries the \(CivilDate.formatLong(asOf)) figure forward; "
        out += "'line' continues a straight line through the return's earlier 31 Marches or years), 90% interval coverage and interval score:\n\n"
        out += BacktestSummaryLine.table(summary)
        let (covered, n) = coverage
        if n > 0 {
            out += String(format: "\nthe 90%% interval covered the actual in %d of %d cells by placement type and age band (%.0f%%)\n",
                          covered, n, 100 * Double(covered) / Double(n))
        }
        return out
    }
}

extension Int {
    fileprivate var double: Double { Double(self) }
}
