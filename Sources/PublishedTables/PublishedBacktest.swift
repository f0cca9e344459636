import CareSimulation
import Foundation
import Reports
import ScenarioModel

/// A back-test on the published tables: each council calibrated on the tables up to a past
/// 31 March only, simulated forward, and compared with what it later published — children in care
/// on each 31 March (in total, by age group and by placement where published), starts and ceased
/// in each year — beside two naive forecasts: the as-of value carried forward, and a straight line
/// through the years up to the as-of date.
public struct PublishedBacktest: Sendable {
    public struct Row: Sendable {
        public var council: PublishedRelease.Council
        /// `children in care`, `children in care: 1 to 4`, `children in care: foster care`, `starts`, `ceased`.
        public var measure: String
        /// The kind of measure, for the summary: `total`, `age group`, `placement`, `starts`, `ceased`.
        public var kind: String
        public var year: Int
        public var horizon: Int
        public var median: Double
        public var p05: Double
        public var p95: Double
        public var actual: Double
        /// The as-of value carried forward, and the straight line through the years to the as-of date.
        public var naiveLast: Double?
        public var naiveLine: Double?

        /// The forecast as the summary scores it.
        public var comparison: BacktestComparison {
            BacktestComparison(kind: kind, horizon: horizon, median: median, p05: p05, p95: p95, actual: actual,
                               naiveLast: naiveLast, naiveLine: naiveLine)
        }
        public var inside: Bool { comparison.inside }
        /// The Winkler interval score of the 90% interval (``BacktestComparison/intervalScore``).
        public var intervalScore: Double { comparison.intervalScore }
        static func percentError(_ forecast: Double?, _ actual: Double) -> Double? {
            BacktestComparison.percentError(forecast, actual)
        }
    }

    public var rows: [Row]
    public var asOfYear: Int
    public var years: Int
    public var replications: Int
    /// Councils left out, with the reason (no figures at the as-of date, for example).
    public var skipped: [(council: String, reason: String)]
    public var calibrator: PublishedCalibrator

    /// Runs the back-test for `councils` (every council in the tables when empty).
    /// - Parameters:
    ///   - directory: the folder of published tables. Calibration reads only years up to `asOfYear`;
    ///     the comparison reads the later years separately.
    public static func run(directory: String, asOfYear: Int, years: Int, councils: [String] = [], windowYears: Int = 3,
                           replications: Int, seed: UInt64, threads: Int, variability: Bool = true,
                           progress: (@Sendable (Int, Int, String) -> Void)? = nil) throws -> PublishedBacktest {
        let past = try PublishedRelease.read(directory, lastYear: asOfYear)
        try past.check(asOf: asOfYear)
        let calibrator = try PublishedCalibrator(release: past, asOfYear: asOfYear, windowYears: windowYears)
        let everything = try PublishedRelease.read(directory)
        let chosen = try councils.isEmpty ? past.councils : councils.map { try past.council($0) }
        var rows: [Row] = []
        var skipped: [(String, String)] = []
        let sources = past.files.values.sorted()
        for (index, council) in chosen.enumerated() {
            progress?(index, chosen.count, council.name)
            let calibration: PublishedCalibration
            do { calibration = try calibrator.calibrate(council) } catch {
                skipped.append((council.name, error.message))
                continue
            }
            let text = PublishedScenarioWriter.render(calibration, options: .init(
                horizonYears: years, replications: replications, seed: seed, variability: variability, includeCareLeavers: false),
                sources: sources)
            let scenario = try ScenarioLoader(readFile: { _ in text }).load("\(council.code).yaml")
            let model = CareModel(scenario)
            let tallies = MonteCarlo.run(model, replications: replications, threads: threads)
            let actual = AreaFigures(everything, area: council.code)
            let history = AreaFigures(past, area: council.code)
            rows += compare(council, model: model, tallies: tallies, actual: actual, history: history, asOfYear: asOfYear, years: years)
        }
        return PublishedBacktest(rows: rows, asOfYear: asOfYear, years: years, replications: replications,
                                 skipped: skipped, calibrator: calibrator)
    }

    static func compare(_ council: PublishedRelease.Council, model: CareModel, tallies: [Tally], actual: AreaFigures,
                        history: AreaFigures, asOfYear: Int, years: Int) -> [Row] {
        var rows: [Row] = []
        let childBands = model.childBands
        let providersOf = PlacementGroup.allCases.map { g in model.typeProviders[model.typeNames.firstIndex(of: g.name)!] }
        for h in 1...years {
            let y = asOfYear + h
            func row(_ measure: String, _ kind: String, _ values: [Double], _ actualValue: Double?, _ past: [Int: Double]) {
                guard let actualValue else { return }
                let sorted = values.sorted()
                let pastYears = past.keys.filter { $0 <= asOfYear }.sorted()
                rows.append(Row(
                    council: council, measure: measure, kind: kind, year: y, horizon: h,
                    median: Summary.quantile(0.5, ofSorted: sorted), p05: Summary.quantile(0.05, ofSorted: sorted),
                    p95: Summary.quantile(0.95, ofSorted: sorted), actual: actualValue,
                    naiveLast: past[asOfYear], naiveLine: line(pastYears.map { (Double($0), past[$0]!) }, at: Double(y))))
            }
            if let month = model.monthEnds.firstIndex(where: { $0.description == "\(y)-03-31" }) {
                func stock(providers: [Int], bands: [Int]) -> [Double] {
                    tallies.map { t in Double(providers.reduce(Int32(0)) { s, p in bands.reduce(s) { $0 + t.stock(month: month, provider: p, band: $1) } }) }
                }
                let allProviders = Array(0..<model.providerNames.count), allBands = Array(0..<childBands)
                row("children in care", "total", stock(providers: allProviders, bands: allBands), actual.stock[y], history.stock)
                // A category with a suppressed cell has no published number to compare with: left out.
                if let byAge = actual.stockByAge[y] {
                    for g in AgeGroup.allCases where actual.suppressedAges[y]?.contains(g.rawValue) != true {
                        row("children in care: \(g.band)", "age group", stock(providers: allProviders, bands: [g.rawValue]), byAge[g.rawValue],
                            history.stockByAge.mapValues { $0[g.rawValue] })
                    }
                }
                if let byPlacement = actual.stockByPlacement[y] {
                    for g in PlacementGroup.allCases where actual.suppressedPlacements[y]?.contains(g.rawValue) != true {
                        row("children in care: \(g.name)", "placement", stock(providers: providersOf[g.rawValue], bands: allBands),
                            byPlacement[g.rawValue], history.stockByPlacement.mapValues { $0[g.rawValue] })
                    }
                }
            }
            if let k = model.years.firstIndex(where: { $0.startYear == y - 1 }) {
                func flows(_ names: [Int]) -> [Double] {
                    tallies.map { t in Double(names.reduce(Int32(0)) { s, f in (0..<model.bandNames.count).reduce(s) { $0 + t.flow(f, year: k, band: $1) } }) }
                }
                row("starts", "starts", flows([model.flow.entries]), actual.starts[y], history.starts)
                row("ceased", "ceased", flows(model.flow.exitReasons + [model.flow.turned18]), actual.ceased[y], history.ceased)
            }
        }
        return rows
    }

    /// The least-squares line through `points`, at `x`; `nil` with fewer than two points.
    static func line(_ points: [(Double, Double)], at x: Double) -> Double? { BacktestComparison.line(points, at: x) }
}
