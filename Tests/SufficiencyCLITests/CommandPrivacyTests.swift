import Foundation
import Testing
@testable import SufficiencyCLI

/// No identifier from the input appears in anything the commands print or write.
@Suite struct CommandPrivacyTests {
    /// Every value of the identifying columns in the synthetic input: CHILD, UPN, dates of birth
    /// (as written, and in the other format), postcodes and URNs.
    static func identifiers(in data: URL) throws -> Set<String> {
        var found: Set<String> = []
        let columns = ["CHILD", "UPN", "DOB", "MC_DOB", "HOME_POST", "PL_POST", "URN"]
        for year in try FileManager.default.contentsOfDirectory(atPath: data.path) {
            for table in ["header.csv", "episodes.csv", "uasc.csv", "oc3.csv"] {
                let url = data.appendingPathComponent(year).appendingPathComponent(table)
                guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
                let lines = text.split(whereSeparator: \.isNewline)
                let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                for line in lines.dropFirst() {
                    let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                    for (i, name) in header.enumerated() where columns.contains(name) && i < fields.count && !fields[i].isEmpty {
                        found.insert(fields[i])
                        let parts = fields[i].split(separator: "/")
                        if name.hasSuffix("DOB"), parts.count == 3 { found.insert("\(parts[2])-\(parts[1])-\(parts[0])") }
                    }
                }
            }
        }
        return found
    }

    /// Dates in `text`, in either format, as ISO.
    static func dates(in text: String) -> Set<String> {
        var result: Set<String> = []
        let iso = /(\d{4})-(\d{2})-(\d{2})/, raw = /(\d{2})\/(\d{2})\/(\d{4})/
        for m in text.matches(of: iso) { result.insert("\(m.1)-\(m.2)-\(m.3)") }
        for m in text.matches(of: raw) { result.insert("\(m.3)-\(m.2)-\(m.1)") }
        return result
    }

    @Test func noIdentifierInAnyCommandsOutput() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data")
        var outputs: [String] = []
        func run(_ arguments: [String]) {
            let result = runCLI(arguments)
            #expect(result.status == 0, "\(arguments[0]): \(result.err)")
            outputs += [result.out, result.err]
        }
        run(["synth", "--output", data.path, "--seed", "9", "--years", "4", "--children", "300"])
        let out = folder.appendingPathComponent("out")
        run(["calibrate", data.path, "--as-of", "2025-09-30", "--output", out.appendingPathComponent("c.yaml").path])
        // A back-test replaces its folder as a whole, so it gets one of its own.
        let backtest = out.appendingPathComponent("backtest")
        run(["backtest", data.path, "--as-of", "2024-03-31", "--years", "2", "--replications", "20", "--output", backtest.path])
        for folder in [out, backtest] {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name != "backtest" {
                outputs.append(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
            }
        }
        #expect(outputs.count == 6 + 5)  // c.yaml, c.quality.csv; backtest.csv, backtest-summary.csv, backtest-scenario.yaml

        var identifiers = try Self.identifiers(in: data)
        #expect(identifiers.count > 1000)
        // The only dates the tools write are the ones given on the command line, the day after,
        // and collection-year boundaries (1 April, 31 March): none comes from a child's record.
        let given: Set<String> = ["2025-09-30", "2025-10-01", "2024-03-31", "2024-04-01"]
        for date in outputs.reduce(into: Set<String>(), { $0.formUnion(Self.dates(in: $1)) }) {
            #expect(given.contains(date) || date.hasSuffix("-03-31") || date.hasSuffix("-04-01"), "unexpected date \(date)")
        }
        // So a birthday that falls on one of those dates is not a leak; every other identifier is searched for.
        identifiers.subtract(given)
        identifiers = identifiers.filter { !($0.hasSuffix("-03-31") || $0.hasSuffix("-04-01") || $0.hasPrefix("31/03/") || $0.hasPrefix("01/04/")) }
        for output in outputs {
            let leaked = identifiers.filter { output.contains($0) }
            #expect(leaked.isEmpty, "leaked: \(leaked.sorted().prefix(5))")
        }
    }
}
