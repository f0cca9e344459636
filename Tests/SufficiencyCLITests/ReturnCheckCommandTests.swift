import Foundation
import Testing
@testable import SufficiencyCLI

/// Calibrate and backtest stop, with counts, on a return that looks wrong as read; and the
/// README's walk-through gives a forecast that stays level for trendless synthetic data.
@Suite struct ReturnCheckCommandTests {
    /// Rewrites every `nn/nn/YYYY` date in the CSV files under `folder` as `mm/dd/YYYY`.
    static func swapDaysAndMonths(under folder: URL) throws {
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
        for case let url as URL in files where url.pathExtension == "csv" {
            let text = try String(contentsOf: url, encoding: .utf8)
            try Data(text.replacing(/(\d\d)\/(\d\d)\/(\d{4})/) { "\($0.2)/\($0.1)/\($0.3)" }.utf8).write(to: url)
        }
    }

    @Test func swappedDatesStopCalibrateAndBacktestUnlessAccepted() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data")
        #expect(runCLI(["synth", "--output", data.path, "--years", "3", "--children", "150"]).status == 0)
        try Self.swapDaysAndMonths(under: data)
        let output = folder.appendingPathComponent("out/c.yaml").path
        let refused = runCLI(["calibrate", data.path, "--as-of", "2025-03-31", "--output", output])
        #expect(refused.status == 1)
        #expect(refused.out.contains("data quality report"))
        #expect(refused.err.hasPrefix("error: the return does not look right as read, so the figures would be wrong: "))
        #expect(refused.err.contains(/\d+ of \d+ episode rows \(\d+%\) were rejected, more than the 20% allowed: \d+ start date \(DECOM\) missing or not a date/))
        #expect(refused.err.contains(/the dates look like mm\/dd\/YYYY \(month first\) in 6 files: \d+ dates have a second number over 12 \(a day\) and 0 a first number over 12/))
        #expect(refused.err.contains("give --accept-rejections"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))

        let backtest = runCLI(["backtest", data.path, "--as-of", "2025-03-31", "--years", "1", "--replications", "2",
                               "--output", folder.appendingPathComponent("bt").path])
        #expect(backtest.status == 1 && backtest.err.contains("mm/dd/YYYY"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("bt/backtest.csv").path))

        let accepted = runCLI(["calibrate", data.path, "--as-of", "2025-03-31", "--output", output, "--accept-rejections"])
        #expect(accepted.status == 0)
        #expect(accepted.err.hasPrefix("warning: the return does not look right as read"))
        #expect(FileManager.default.fileExists(atPath: output))
    }

    /// The README's walk-through: `synth --children 400`, calibrate as of 2025-03-31 (three whole
    /// years in the window), run. The data have no trend, so the scenario has none and the forecast
    /// of children in care stays within 10% of the start (it once grew from 417 to 677).
    @Test func readmeWalkThroughForecastStaysLevel() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("903").path, scenario = folder.appendingPathComponent("my-council.yaml").path
        #expect(runCLI(["synth", "--output", data, "--children", "400"]).status == 0)
        let calibrated = runCLI(["calibrate", data, "--as-of", "2025-03-31", "--output", scenario])
        #expect(calibrated.status == 0, "\(calibrated.err)")
        let text = try String(contentsOfFile: scenario, encoding: .utf8)
        #expect(text.contains("  trend: 0%") && !text.contains("  changes:"))
        let start = try #require(Int(calibrated.out.firstMatch(of: /(\d+) children in care/)?.1 ?? ""))
        // Year-to-year drift (the calibrated scenario's default variability) spreads 20 replications'
        // median widely; this test is about the point forecast, so it runs without it.
        let run = runCLI(["run", scenario, "--replications", "20", "--set", "variability.entries=0%", "--set", "variability.exits=0%",
                          "--output", folder.appendingPathComponent("run").path])
        #expect(run.status == 0, "\(run.err)")
        let medians = run.out.split(separator: "\n").compactMap { line in line.firstMatch(of: /^\d{4}\/\d{2}\s+(\d+)\s/).flatMap { Int($0.1) } }
        #expect(medians.count == 5)
        for median in medians { #expect(abs(Double(median - start)) <= 0.1 * Double(start), "\(medians) from \(start)") }
    }
}
