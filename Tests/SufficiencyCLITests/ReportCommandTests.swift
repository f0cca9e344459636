import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Reports
import Testing
@testable import SufficiencyCLI

/// What a command printed, collected from the console's closures.
final class ConsoleRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var outLines: [String] = []
    private var errLines: [String] = []

    var out: String { lock.withLock { outLines.joined(separator: "\n") } }
    var err: String { lock.withLock { errLines.joined(separator: "\n") } }

    var console: Console {
        Console(
            out: { text in self.lock.withLock { self.outLines.append(text) } },
            err: { text in self.lock.withLock { self.errLines.append(text) } },
            errIsTerminal: false)
    }
}

@Suite("report command")
struct ReportCommandTests {
    /// The package's root, found from this file's path, so the real scenarios can be run.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("report-command-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func reportOfARealRun() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = folder.appendingPathComponent("run")
        let scenario = Self.root.appendingPathComponent("scenarios/medway-baseline.yaml").path
        let simulate = ConsoleRecorder()
        let status = CLI.run(["run", scenario, "--replications", "20", "--threads", "2", "--output", run.path], console: simulate.console)
        try #require(status == 0, "run failed: \(simulate.err)")

        let recorder = ConsoleRecorder()
        #expect(CLI.run(["report", run.path], console: recorder.console) == 0, "\(recorder.err)")
        #expect(recorder.out == "wrote \(run.path)/report.html and 4 charts in \(run.path)/charts/")
        #expect(recorder.err.isEmpty)

        let html = try String(contentsOf: run.appendingPathComponent("report.html"), encoding: .utf8)
        let charts = try FileManager.default.contentsOfDirectory(atPath: run.appendingPathComponent("charts").path).sorted()
        #expect(charts == ["children-in-care.svg", "cost-by-year.svg", "places-by-placement.svg", "sufficiency-gap.svg"])
        for name in charts {
            let svg = try String(contentsOf: run.appendingPathComponent("charts/" + name), encoding: .utf8)
            #expect(Self.isWellFormedXML(svg), "\(name) is not well-formed XML")
            // The page holds the same chart inline.
            #expect(html.contains(svg.trimmingCharacters(in: .newlines)), "report.html lacks \(name)")
        }
        #expect(Self.isWellFormedXML(html))
        #expect(html.components(separatedBy: "<svg").count - 1 == charts.count)
        #expect(html.contains("Medway baseline · seed 20250401 · run "))

        // Each financial year's median cost, interval and budget as costs.csv gives them.
        let costs = try CSVReader.read(run.appendingPathComponent("costs.csv"))
        let (year, placement, p05, p50, p95, budget) = (try costs.requiredColumn("financial_year"), try costs.requiredColumn("placement"),
            try costs.requiredColumn("p05"), try costs.requiredColumn("p50"), try costs.requiredColumn("p95"), try costs.requiredColumn("budget"))
        let totals = costs.rows.filter { $0[placement] == "total" }
        #expect(totals.count >= 5)
        for row in totals {
            var cells = [row[year], Money.short(Double(row[p50])!), Money.short(Double(row[p05])!) + " to " + Money.short(Double(row[p95])!)]
            if let pounds = Double(row[budget]) { cells.append(Money.short(pounds)) }
            let expected = cells.map { "<td class=\"num\">\($0)</td>" }
            let line = try #require(html.split(separator: "\n").first { $0.hasPrefix("<tr><td>\(row[year])</td>") })
            for cell in expected.dropFirst() { #expect(line.contains(cell), "summary row for \(row[year]) lacks \(cell)") }
        }
    }

    @Test func folderWithoutRunJSON() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let recorder = ConsoleRecorder()
        #expect(CLI.run(["report", folder.path], console: recorder.console) == 1)
        #expect(recorder.err == "\(folder.path): error: not a run folder: no run.json; run 'sufficiency run SCENARIO' first")
        #expect(recorder.out.isEmpty)
    }

    @Test func missingFolderAndMissingArgument() {
        let recorder = ConsoleRecorder()
        #expect(CLI.run(["report", "/no/such/run"], console: recorder.console) == 1)
        #expect(recorder.err == "/no/such/run: error: no such folder")
        let usage = ConsoleRecorder()
        #expect(CLI.run(["report"], console: usage.console) == 2)
        #expect(usage.err.hasPrefix("error: "))
    }

    static func isWellFormedXML(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }
}
