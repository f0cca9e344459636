import Foundation
import Testing
import CareSimulation
import ScenarioModel
import YAMLReader
@testable import Reports

/// Budgets in `costs.csv` and the MTFS tables: budget per financial year per cost line or in
/// total, and variance = projected spend (the mean over replications) − budget.
@Suite struct BudgetTests {
    static func projection(_ yaml: String) throws -> Projection {
        let scenario = try ScenarioLoader(readFile: { _ in yaml }).load("test.yaml")
        let model = CareModel(scenario)
        return Projection(model: model, tallies: MonteCarlo.run(model, replications: scenario.replications, threads: 2))
    }

    /// Nobody enters or leaves and nobody reaches 18, so spend is known exactly: 2025/26 has 365
    /// days, in-house 4 × 365 × £350/7 = £73,000 and agency 10 × 365 × £700/7 = £365,000; 2026/27
    /// is 10% dearer: £80,300 and £401,500.
    /// A year simulated in part is said so (found running from 1 October: 2025/26's six months of
    /// cost showed against a whole year's budget as a £5.7m underspend, without a word).
    @Test func partYearsAreNamed() throws {
        #expect(try Self.projection(Self.fixed).partYearNote() == nil)
        let october = try Self.projection(Self.fixed.replacingOccurrences(of: "start: 2025-04-01", with: "start: 2025-10-01"))
        #expect(october.partYearNote() == "note: simulated in part only: 2025/26 from 1 October 2025, and 2027/28 to 30 September 2027. Their cost is for those months (give any budget for them for those months), and their year end is the last month end simulated")
        let month = try Self.projection(Self.fixed.replacingOccurrences(of: "horizon: 2 years", with: "horizon: 1 month"))
        #expect(month.partYearNote() == "note: simulated in part only: 2025/26 from 1 April 2025 to 30 April 2025. Its cost is for those months (give any budget for it for those months), and its year end is the last month end simulated")
    }

    /// The CSVs themselves mark a part year, for an analyst who opens mtfs.csv in Excel and never
    /// sees the console: `months_simulated` is 6 for 2025/26 from 1 October, 12 for a whole year,
    /// and counts a part month by its days (15 October to 31 March is 5 + 17/31 = 5.55 months);
    /// every row of money says its currency.
    @Test func csvsSayTheMonthsSimulatedAndTheCurrency() throws {
        func column(_ table: CSVTable, _ name: String) -> [String] {
            let k = table.header.firstIndex(of: name)!
            return table.rows.map { CSVTable.encode($0[k]) }
        }
        let october = try Self.projection(Self.fixed.replacingOccurrences(of: "start: 2025-04-01", with: "start: 2025-10-01"))
        let costs = october.costsTable(), mtfs = october.mtfsTable()
        #expect(Array(costs.header.suffix(4)) == ["budget", "variance", "currency", "months_simulated"])
        #expect(Array(mtfs.header.prefix(8)) == ["financial_year", "cost_line", "projected_spend", "p05", "p50", "p95", "budget", "variance"])
        // Three lines (in-house, agency, total) in each of 2025/26, 2026/27 and 2027/28.
        #expect(column(costs, "months_simulated") == ["6", "6", "6", "12", "12", "12", "6", "6", "6"])
        #expect(column(mtfs, "months_simulated") == column(costs, "months_simulated"))
        #expect(Set(column(costs, "currency") + column(mtfs, "currency")) == ["GBP"])
        let wide = october.mtfsWideTable()
        #expect(wide.header == ["cost_line", "measure", "2025/26", "2026/27", "2027/28", "currency"])
        #expect(wide.rows.first.map { $0.map(CSVTable.encode) } == ["", "months simulated", "6", "12", "6", ""])
        #expect(wide.rows.dropFirst().allSatisfy { $0.last == .text("GBP") })

        let whole = try Self.projection(Self.fixed)
        #expect(Set(column(whole.mtfsTable(), "months_simulated")) == ["12"])
        let mid = try Self.projection(Self.fixed.replacingOccurrences(of: "start: 2025-04-01", with: "start: 2025-10-15"))
        #expect(column(mid.mtfsTable(), "months_simulated") == ["5.55", "5.55", "5.55", "12", "12", "12", "6.45", "6.45", "6.45"])
        // The cost is for those days: 4 children in-house at £350 a week, 15 October to 31 March is 168 days.
        #expect(abs(Self.numbers(mid.costsTable(), keys: ["financial_year", "placement"])[["2025/26", "in-house"]]!["mean"]! - 4 * 168 * 50) < 1e-6)
    }

    /// flows.csv marks a part year as costs.csv does: its entries and exits are for those months.
    @Test func flowsCSVSaysTheMonthsSimulated() throws {
        let mid = try Self.projection(Self.fixed.replacingOccurrences(of: "start: 2025-04-01", with: "start: 2025-10-15"))
        let flows = mid.flowsTable()
        #expect(flows.header.last == "months_simulated")
        var byYear: [String: Set<String>] = [:]
        for row in flows.rows { byYear[CSVTable.encode(row[0]), default: []].insert(CSVTable.encode(row[row.count - 1])) }
        #expect(byYear == ["2025/26": ["5.55"], "2026/27": ["12"], "2027/28": ["6.45"]])
    }

    /// replications.csv marks a part year as costs.csv does: every row ends with the months
    /// simulated of its financial year (found without it: a 6-month cost row read as a year's).
    @Test func replicationsCSVSaysTheMonthsSimulated() throws {
        let mid = try Self.projection(Self.fixed.replacingOccurrences(of: "start: 2025-04-01", with: "start: 2025-10-15"))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("replications-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: path) }
        try mid.writeReplicationsCSV(to: path.path)
        let file = try CSVReader.read(path)
        #expect(file.columns.last == "months_simulated")
        let k = file.columns.count - 1
        var byPeriod: [String: Set<String>] = [:]
        for row in file.rows { byPeriod[row[2], default: []].insert(row[k]) }
        #expect(byPeriod["2025/26"] == ["5.55"] && byPeriod["2026/27"] == ["12"] && byPeriod["2027/28"] == ["6.45"])
        // In care at each year's last month end simulated: 31 March, then 30 September 2027.
        #expect(byPeriod["2026-03-31"] == ["5.55"] && byPeriod["2027-03-31"] == ["12"] && byPeriod["2027-09-30"] == ["6.45"])
    }

    static let fixed = """
        start: 2025-04-01
        horizon: 2 years
        replications: 20
        seed: 1
        age_bands: {under 1: 0, 1 to 9: 1, 10 to 17: 10}
        placements:
          foster care:
            providers:
              - {name: in-house, in_house: true, capacity: 4, weekly_cost: £350}
              - {name: agency, weekly_cost: £700}
        population:
          in-house: {1 to 9: 4}
          agency: {1 to 9: 10}
        entries:
          per_year: {all: 0}
          first_placement: {all: {foster care: 100%}}
        inflation: 10%
        budgets:
          2025/26: {in-house: £70k, agency: £300k}
          2026/27: £500k
        """

    /// A table's rows as dictionaries of numbers (empty fields absent) keyed by the text columns.
    static func numbers(_ table: CSVTable, keys: [String]) -> [[String]: [String: Double]] {
        var result: [[String]: [String: Double]] = [:]
        for row in table.rows {
            var key: [String] = [], values: [String: Double] = [:]
            for (name, field) in zip(table.header, row) {
                switch field {
                case .text(let text) where keys.contains(name): key.append(text)
                case .number(let value, _): values[name] = value
                case .integer(let value): values[name] = Double(value)
                default: break
                }
            }
            result[key] = values
        }
        return result
    }

    /// Spend, budget and variance per line and in total, against the arithmetic above; a total not
    /// given is the sum of the year's lines; lines without a budget leave budget and variance empty.
    @Test func varianceIsSpendMinusBudgetPerLineAndInTotal() throws {
        let costs = Self.numbers(try Self.projection(Self.fixed).costsTable(), keys: ["financial_year", "placement"])
        let expected: [(String, String, Double, Double?)] = [
            ("2025/26", "in-house", 73_000, 70_000), ("2025/26", "agency", 365_000, 300_000), ("2025/26", "total", 438_000, 370_000),
            ("2026/27", "in-house", 80_300, nil), ("2026/27", "agency", 401_500, nil), ("2026/27", "total", 481_800, 500_000),
        ]
        for (year, line, spend, budget) in expected {
            let row = try #require(costs[[year, line]], "no row for \(year) \(line)")
            #expect(abs(row["mean"]! - spend) < 1e-6, "\(year) \(line): spend \(row["mean"]!)")
            #expect(row["budget"] == budget, "\(year) \(line)")
            if let budget {
                #expect(abs(row["variance"]! - (spend - budget)) < 1e-6, "\(year) \(line): variance \(row["variance"]!)")
            } else {
                #expect(row["variance"] == nil)
            }
        }
    }

    /// The MTFS tables give the same budget and variance as costs.csv, for random spend too:
    /// variance = projected spend − budget on every line of every year, and lines add up to the total.
    @Test func mtfsTablesAgreeWithCosts() throws {
        let projection = try Self.projection("""
            start: 2025-04-01
            horizon: 3 years
            replications: 50
            seed: 4
            placements:
              foster care:
                providers:
                  - {name: in-house, in_house: true, capacity: 20, weekly_cost: £450}
                  - {name: agency, weekly_cost: £900, uplift: 2%}
              children's home:
                providers: [{name: external home, weekly_cost: £5.5k, uplift: 5%}]
            population:
              in-house: {all: 4}
              agency: {all: 3}
            entries:
              per_year: {all: 8}
              first_placement: {all: {foster care: 90%, children's home: 10%}}
            exits:
              rates:
                returned home: {all: 0.4}
            inflation: 3%
            budgets:
              2025/26: {total: £2.5m, agency: £1.1m, external home: £0.6m}
              2026/27: {in-house: £0.5m, agency: £1.2m}
              2027/28: £3m
            """)
        let costs = Self.numbers(projection.costsTable(), keys: ["financial_year", "placement"])
        let mtfs = Self.numbers(projection.mtfsTable(), keys: ["financial_year", "cost_line"])
        var budgeted = 0
        for (key, row) in costs {
            let mtfsRow = try #require(mtfs[[key[0], key[1]]], "mtfs.csv lacks \(key)")
            #expect(mtfsRow["projected_spend"] == row["mean"] && mtfsRow["budget"] == row["budget"] && mtfsRow["variance"] == row["variance"])
            guard let budget = row["budget"] else { continue }
            budgeted += 1
            let spend = row["mean"]!
            #expect(abs(row["variance"]! - (spend - budget)) <= 1e-9 * max(1, abs(spend)), "\(key)")
        }
        #expect(budgeted == 7, "2025/26 total and 2 lines, 2026/27 total (sum of lines) and 2 lines, 2027/28 total")
        #expect(costs[["2026/27", "total"]]?["budget"] == 1_700_000)
        for year in ["2025/26", "2026/27", "2027/28"] {
            let lines = ["in-house", "agency", "external home"].reduce(0.0) { $0 + costs[[year, $1]]!["mean"]! }
            #expect(abs(lines - costs[[year, "total"]]!["mean"]!) < 1e-6 * lines, "\(year): lines do not add up to the total")
        }
    }
}
