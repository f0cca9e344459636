import Foundation
import Testing
@testable import SufficiencyCLI

/// measures.csv from `run` and `compare`, and the report's measures table, as a user gets them.
@Suite struct MeasuresCommandTests {
    static let medway = RunCommandTests.medway
    static let carers = RunCommandTests.repo.appendingPathComponent("scenarios/medway-more-foster-carers.yaml").path

    static func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test func aRunWritesEveryMeasureMedwayDefinesAndTheReportShowsThem() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("run")
        let result = runCLI(["run", Self.medway, "--replications", "8", "--output", out.path, "--report"])
        try #require(result.status == 0, "\(result.err)")
        let csv = try Self.text(out.appendingPathComponent("measures.csv"))
        #expect(csv.split(separator: "\r\n").first?.hasSuffix("financial_year,measure,mean,p05,p25,p50,p75,p95") == true)
        for measure in ["children in care", "children in care per 10,000 children", "3+ placements in the year (%)",
                        "same placement 2+ years (%)", "placed out of area (%)", "in-house share of foster placements (%)",
                        "foster households", "left care through adoption (%)", "days from entering care to adoption",
                        "care leavers in suitable accommodation (%)"] {
            #expect(csv.contains("2029/30,\(measure),") || csv.contains("2029/30,\"\(measure)\","), "\(measure) for 2029/30")
        }
        // The starting population is given, so its figures are the same in every replication:
        // the children placed at the start (471), and Medway's 149 foster households.
        #expect(csv.contains("start,children in care,471.00,471.00,471.00,471.00,471.00,471.00\r\n"))
        #expect(csv.contains("start,foster households,149.00,149.00,149.00,149.00,149.00,149.00\r\n"))
        let html = try Self.text(out.appendingPathComponent("report.html"))
        #expect(html.contains("The strategy&apos;s measures") || html.contains("The strategy's measures"))
        #expect(html.contains("<th>Now</th>") || html.contains(">Now<"))
        #expect(html.contains("90% interval, 2029/30"))
    }

    @Test func compareWritesThePairedDifferenceOfEachMeasure() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("compare")
        let result = runCLI(["compare", Self.medway, Self.carers, "--replications", "8", "--output", out.path, "--report"])
        try #require(result.status == 0, "\(result.err)")
        let csv = try Self.text(out.appendingPathComponent("medway-more-foster-carers-vs-medway-baseline/measures.csv"))
        #expect(csv.split(separator: "\r\n").first?.hasSuffix("financial_year,measure,mean,p05,p25,p50,p75,p95") == true)
        // The same children at the start: no difference in children in care then.
        #expect(csv.contains("start,children in care,0.00,0.00,0.00,0.00,0.00,0.00\r\n"))
        #expect(csv.contains("2029/30,foster households,"))
        // The report shows the change in each measure, year by year.
        let html = try Self.text(out.appendingPathComponent("report.html"))
        #expect(html.contains("changes in the strategy&apos;s measures") || html.contains("changes in the strategy's measures"))
        #expect(html.contains("Change in measure"))
    }
}
