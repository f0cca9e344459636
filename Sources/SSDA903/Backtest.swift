import CareSimulation
import Foundation
import Reports
import ScenarioModel
import YAMLReader

/// A back-test: calibrate on the data up to a past date, simulate forward, and compare with the
/// children actually in care at each later 31 March in the data.
///
/// The calibration sees only ``StitchedReturn/truncated(at:)`` (episodes starting after the date
/// unseen, episodes open at the date censored there); the scenario simulated is exactly the text
/// ``ScenarioWriter`` writes, read back by ScenarioReader. For each 31 March, each placement type and
/// age band, the simulated counts over replications give a median and a 90% interval (p05 to p95,
/// Hyndman & Fan definition 7); the interval *covers* the actual count when p05 ≤ actual ≤ p95.
public struct Backtest: Sendable {
    /// One comparison: a placement type (or `total`) and age band (or `total`) on one 31 March.
    public struct Cell: Sendable, Equatable {
        public var date: Int
        public var type: String
        public var band: String
        public var actual: Int
        public var median: Double
        public var p05: Double
        public var p95: Double
        public var error: Double { median - actual.double }
        public var covered: Bool { p05 <= actual.double && actual.double <= p95 }
        /// Whether the cell says something: a child was there, or might have been.
        public var isInformative: Bool { actual > 0 || p95 > 0 }
    }

    /// Cells by placement type and age band (families' type: one cell for all ages), then type
    /// totals and overall totals, date by date.
    public var cells: [Cell]
    /// The scenario simulated, as calibrate would write it.
    public var scenarioText: String
    public var asOf: Int
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

        let childBands = SSDA903.AgeBand.allCases
        var cells: [Cell] = []
        for (month, end) in model.monthEnds.enumerated() {
            let day = end.number
            let c = CivilDate.civil(day)
            guard c.month == 3, c.day == 31, day > asOf, day < data.dataEnd else { continue }
            let actual = Estimator.estimate(data, asOf: day, windowYears: windowYears).population
            // Simulated counts per replication: [type][band] (band 5 = all ages, for families).
            func simulated(type: Int, bands: [Int]) -> [Double] {
                tallies.map { tally in
                    var n: Int32 = 0
                    for p in model.typeProviders[type] { for b in bands { n += tally.stock(month: month, provider: p, band: b) } }
                    return Double(n)
                }
            }
            func actualCount(_ type: CalibratedType, _ band: SSDA903.AgeBand?) -> Int {
                actual.filter { CalibratedType($0.key) == type }.values.reduce(0) { sum, byBand in
                    sum + (band.map { byBand[$0] ?? 0 } ?? byBand.values.reduce(0, +))
                }
            }
            func cell(_ type: String, _ band: String, actual: Int, _ values: [Double]) -> Cell {
                let sorted = values.sorted()
                return Cell(date: day, type: type, band: band, actual: actual, median: Summary.quantile(0.5, ofSorted: sorted),
                            p05: Summary.quantile(0.05, ofSorted: sorted), p95: Summary.quantile(0.95, ofSorted: sorted))
            }
            var totals = [Double](repeating: 0, count: replications)
            var totalActual = 0
            var typeTotals: [Cell] = []
            for (t, name) in model.typeNames.enumerated() {
                guard let type = CalibratedType(rawValue: name) else { continue }
                let allBands = type.servesFamilies ? [model.familyBand] : Array(0..<childBands.count)
                if !type.servesFamilies {
                    for (b, band) in childBands.enumerated() {
                        cells.append(cell(name, band.label, actual: actualCount(type, band), simulated(type: t, bands: [b])))
                    }
                }
                let values = simulated(type: t, bands: allBands)
                let n = actualCount(type, nil)
                typeTotals.append(cell(name, "total", actual: n, values))
                for r in 0..<replications { totals[r] += values[r] }
                totalActual += n
            }
            cells += typeTotals
            cells.append(cell("total", "total", actual: totalActual, totals))
        }
        return Backtest(cells: cells, scenarioText: text, asOf: asOf, replications: replications)
    }

    /// Coverage over informative cells by placement type and age band (not the totals, which repeat them).
    public var coverage: (covered: Int, cells: Int) {
        let detail = cells.filter { $0.type != "total" && $0.band != "total" && $0.isInformative }
        return (detail.filter(\.covered).count, detail.count)
    }

    /// The comparison as CSV: one row per cell.
    public var csv: String {
        var table = Reports.CSVTable(header: ["date", "placement_type", "age_band", "actual", "median", "p05", "p95", "error", "covered"])
        for c in cells {
            table.rows.append([.text(CivilDate.formatISO(c.date)), .text(c.type), .text(c.band),
                               .integer(c.actual), .number(c.median, decimals: 1), .number(c.p05, decimals: 1),
                               .number(c.p95, decimals: 1), .number(c.error, decimals: 1), .text(c.covered ? "yes" : "no")])
        }
        return table.rendered()
    }

    /// Totals per 31 March, and the coverage, as a printed table.
    public var table: String {
        var out = "back-test from \(CivilDate.formatLong(asOf)), \(replications) replications\n\n"
        out += "31 March       actual   median      p05      p95    error  covered\n"
        for c in cells where c.type == "total" {
            out += CivilDate.formatISO(c.date).padding(toLength: 12, withPad: " ", startingAt: 0)
            out += String(format: "%9d%9.1f%9.1f%9.1f%9.1f  %@\n", c.actual, c.median, c.p05, c.p95, c.error, c.covered ? "yes" : "no")
        }
        let (covered, n) = coverage
        out += n == 0 ? "\nno 31 March after the date inside both the horizon and the data: nothing to compare\n"
            : String(format: "\nthe 90%% interval covered the actual in %d of %d cells by placement type and age band (%.0f%%)\n",
                     covered, n, 100 * Double(covered) / Double(n))
        return out
    }
}

extension Int {
    fileprivate var double: Double { Double(self) }
}
