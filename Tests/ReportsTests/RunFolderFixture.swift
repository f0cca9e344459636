import Foundation
@testable import Reports

/// Small run folders written the way `sufficiency run` writes them, with figures that follow
/// simple rules so tests can compute what the report must show.
struct RunFolderFixture {
    /// Providers in file order; sizes grow with the index, so the first are the smallest.
    var providers = (1...10).map { "provider \($0)" }
    var dates = ["2025-04-30", "2025-05-31", "2026-03-31", "2026-04-30", "2027-03-31"]
    var years = ["2025/26", "2026/27"]
    var scenarioName = "Testshire baseline"
    var seed = 42
    /// Whether bed_need.csv has the `total under 18` rows (older runs do not).
    var childrenRows = true
    /// The total rows' label: `total`, or `all` as older runs wrote it.
    var totalLabel = "total"
    var budget: Double? = 20_000_000
    var mtfs = true
    /// run.json's `first_day` and `last_day`, when the run recorded them.
    var firstDay: String? = nil
    var lastDay: String? = nil

    /// Bed need of provider `p` (1-based) at month `m`: whole numbers so medians are exact.
    static func need(_ p: Int, _ m: Int) -> Double { Double(p * 10 + m) }

    /// Median cost of provider `p` in year `y`.
    static func cost(_ p: Int, _ y: Int) -> Double { Double(p) * 100_000 + Double(y) * 12_345 }

    /// A quantile row's figures around `median`: mean, p05, p25, p50, p75, p95.
    static func figures(_ median: Double, spread: Double) -> String {
        [median + spread / 10, median - spread, median - spread / 2, median, median + spread / 2, median + spread]
            .map { String($0) }.joined(separator: ",")
    }

    /// Writes the folder at `url` and returns it.
    @discardableResult
    func write(to url: URL) throws -> URL {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        var bed = "date,placement,age_band,mean,p05,p25,p50,p75,p95\n"
        for (m, date) in dates.enumerated() {
            for (i, provider) in providers.enumerated() {
                bed += "\(date),\(provider),\(totalLabel),\(Self.figures(Self.need(i + 1, m), spread: 2))\n"
            }
            let total = providers.indices.reduce(0.0) { $0 + Self.need($1 + 1, m) }
            bed += "\(date),\(totalLabel),\(totalLabel),\(Self.figures(total, spread: 20))\n"
            if childrenRows { bed += "\(date),\(totalLabel),\(totalLabel) under 18,\(Self.figures(total - 30, spread: 18))\n" }
        }
        var costs = "financial_year,placement,mean,p05,p25,p50,p75,p95,budget,variance\n"
        var mtfsText = "financial_year,cost_line,projected_spend,p05,p50,p95,budget,variance\n"
        for (y, year) in years.enumerated() {
            for (i, provider) in providers.enumerated() {
                costs += "\(year),\(provider),\(Self.figures(Self.cost(i + 1, y), spread: 50_000)),,\n"
                mtfsText += "\(year),\(provider),\(Self.cost(i + 1, y)),\(Self.cost(i + 1, y) - 1_000),0,\(Self.cost(i + 1, y) + 1_000),,\n"
            }
            let total = providers.indices.reduce(0.0) { $0 + Self.cost($1 + 1, y) }
            let budgetCells = budget.map { "\($0),\(total + 5_000 - $0)" } ?? ","
            costs += "\(year),\(totalLabel),\(Self.figures(total, spread: 400_000)),\(budgetCells)\n"
            mtfsText += "\(year),total,\(total),\(total - 9_000),0,\(total + 9_000),\(budgetCells)\n"
        }
        var gap = "date,placement,measure,mean,p05,p25,p50,p75,p95\n"
        for (m, date) in dates.enumerated() {
            gap += "\(date),foster care,placed beyond a full preferred provider,\(Self.figures(Double(5 + m), spread: 2))\n"
            gap += "\(date),provider 1,places,\(Self.figures(12, spread: 0))\n"
        }
        let days = [firstDay.map { "\"first_day\": \"\($0)\", " }, lastDay.map { "\"last_day\": \"\($0)\", " }].compactMap { $0 }.joined()
        let runJSON = """
            {\(days)"scenario": "scenarios/testshire.yaml", "scenario_name": "\(scenarioName)", "sha256": "abc123",
             "seed": \(seed), "replications": 20, "threads": 2, "tool_version": "9.9.9", "events": 1,
             "wall_seconds": 0.5, "run_date": "2025-06-01T10:00:00Z", "overrides": [], "files": []}
            """
        var files = ["bed_need.csv": bed, "costs.csv": costs, "sufficiency_gap.csv": gap, "run.json": runJSON]
        if mtfs { files["mtfs.csv"] = mtfsText }
        for (name, text) in files {
            try Data(text.utf8).write(to: url.appendingPathComponent(name))
        }
        return url
    }

    /// A fresh empty folder under the temporary directory.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("report-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
