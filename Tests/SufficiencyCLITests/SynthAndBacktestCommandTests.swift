import Foundation
import Testing
@testable import SufficiencyCLI

@Suite struct SynthAndBacktestCommandTests {
    @Test func synthWritesYearFoldersAndPrintsTheTruth() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = runCLI(["synth", "--output", folder.path, "--seed", "2", "--years", "3", "--children", "150"])
        #expect(result.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["2024", "2025", "2026", "synthetic.txt"])
        #expect(result.out.hasPrefix("wrote 3 collection years (2023/24 to 2025/26) to \(folder.path)/"))
        #expect(result.out.contains("true rates"))
        // Placements in a council's words, not the code's identifiers.
        #expect(result.out.contains("staying put at 18, by the placement left: in-house fostering 35%, agency fostering 35%"), "\(result.out)")
        #expect(result.out.contains(" children's home 0.45;"), "\(result.out)")
        #expect(!(result.out.components(separatedBy: "true rates").last ?? "").contains("_"), "\(result.out)")
    }

    /// synth never writes into a folder holding anything but an earlier synth's return (found
    /// writing fictional episodes over a council's own 2024/episodes.csv, without a word), and
    /// replaces an earlier synth's as a whole (fewer years leave no stale year folder behind).
    @Test func synthWritesOnlyIntoANewOrSyntheticFolder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = folder.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real.appendingPathComponent("2024"), withIntermediateDirectories: true)
        try "CHILD,DECOM\r\n".write(to: real.appendingPathComponent("2024/episodes.csv"), atomically: true, encoding: .utf8)
        let refused = runCLI(["synth", "--output", real.path, "--years", "2", "--children", "20"])
        #expect(refused.status == 1)
        #expect(refused.err == "error: cannot write to '\(real.path)': it holds files that no run wrote (such as '2024'), which replacing it would delete; give a new or empty folder\n")
        #expect(try String(contentsOf: real.appendingPathComponent("2024/episodes.csv"), encoding: .utf8) == "CHILD,DECOM\r\n")

        let synthetic = folder.appendingPathComponent("synthetic")
        #expect(runCLI(["synth", "--output", synthetic.path, "--years", "3", "--children", "20"]).status == 0)
        #expect(runCLI(["synth", "--output", synthetic.path, "--years", "1", "--children", "20"]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: synthetic.path).sorted() == ["2026", "synthetic.txt"])
    }

    @Test func backtestWritesItsTableAndNeedsALaterThirtyFirstMarch() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data").path
        #expect(runCLI(["synth", "--output", data, "--years", "3", "--children", "200"]).status == 0)
        let out = folder.appendingPathComponent("bt").path
        let result = runCLI(["backtest", data, "--as-of", "2024-03-31", "--years", "2", "--replications", "40", "--output", out])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("children in care, 31 March 2025"))
        #expect(result.out.contains("children in care, 31 March 2026"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out + "/backtest.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])  // the UTF-8 byte-order mark every CSV starts with
        let csv = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(csv.hasPrefix("measure,period,horizon_years,placement_type,age_band,median,p05,p95,actual,error,abs_pct_error,inside_90,interval_score,naive_last,"))
        // Two 31 Marches, each with 8 child types x (5 bands + total), parent and child, 5 age bands and the total;
        // the starts and ceased of the two collection years.
        #expect(csv.split(separator: "\r\n").count == 1 + 2 * (8 * 6 + 1 + 5 + 1) + 2 * 2)
        // Age bands and totals are named as in bed_need.csv: 'under 1', not 'age under 1'; 'total', not 'all'.
        #expect(csv.contains(",under 1,") && csv.contains(",1 to 4,") && !csv.contains(",age "))
        #expect(csv.contains("\r\nchildren in care,31 March 2025,1,total,total,") && !csv.contains(",all"))
        #expect(csv.contains("\r\nstarts,2025/26,2,total,total,"))
        // Scored against the naive forecasts, as the published tables' back-test is.
        #expect(result.out.contains("last med") && result.out.contains("interval score"))
        let summary = try String(contentsOfFile: out + "/backtest-summary.csv", encoding: .utf8)
        #expect(summary.contains("\r\ntotal,1,1,") && summary.contains("\r\nceased,2,1,"))
        // A second back-test replaces the folder as a whole: nothing of another back-test's stays beside it.
        try "stale".write(toFile: out + "/stale.csv", atomically: true, encoding: .utf8)
        #expect(runCLI(["backtest", data, "--as-of", "2024-03-31", "--years", "1", "--replications", "10", "--output", out]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: out + "/stale.csv"))
        #expect(FileManager.default.fileExists(atPath: out + "/backtest.csv"))
        // A folder of someone's own files is not replaced.
        let own = folder.appendingPathComponent("own").path
        try FileManager.default.createDirectory(atPath: own, withIntermediateDirectories: true)
        try "mine".write(toFile: own + "/notes.txt", atomically: true, encoding: .utf8)
        let refused = runCLI(["backtest", data, "--as-of", "2024-03-31", "--years", "1", "--replications", "10", "--output", own])
        #expect(refused.status != 0 && refused.err.contains("holds files that no run wrote"), "\(refused.err)")
        #expect(FileManager.default.fileExists(atPath: own + "/notes.txt"))

        let late = runCLI(["backtest", data, "--as-of", "2026-03-31", "--years", "2", "--replications", "10", "--output", out + "2"])
        #expect(late.status == 1)
        #expect(late.err == "error: no 31 March after 2026-03-31 within 2 years is inside the data (collection years 2023/24 to 2025/26): choose an earlier '--as-of'\n")
        #expect(!FileManager.default.fileExists(atPath: out + "2"))
    }
}
