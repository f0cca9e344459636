import Foundation
import Testing
@testable import SufficiencyCLI

@Suite struct RunCommandTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let medway = repo.appendingPathComponent("scenarios/medway-baseline.yaml").path

    static func files(in folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".csv") {
            result[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return result
    }

    @Test func oneThreadAndTwoThreadsWriteByteIdenticalFiles() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = folder.appendingPathComponent("one"), two = folder.appendingPathComponent("two")
        let a = runCLI(["run", Self.medway, "--replications", "12", "--threads", "1", "--output", one.path])
        let b = runCLI(["run", Self.medway, "--replications", "12", "--threads", "2", "--output", two.path])
        #expect(a.status == 0 && b.status == 0, "\(a.err)\(b.err)")
        let filesOne = try Self.files(in: one), filesTwo = try Self.files(in: two)
        #expect(filesOne.keys.sorted() == ["bed_need.csv", "bed_need_by_location.csv", "costs.csv", "flows.csv",
                                          "measures.csv", "mtfs.csv", "mtfs_wide.csv", "sufficiency_gap.csv"])
        for (name, data) in filesOne { #expect(filesTwo[name] == data, "\(name) differs between 1 and 2 threads") }
        // run.json records the run; its figures match what was asked.
        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: one.appendingPathComponent("run.json"))) as? [String: Any]
        #expect(record?["replications"] as? Int == 12 && record?["threads"] as? Int == 1)
        #expect((record?["sha256"] as? String)?.count == 64)
        // The first and last days simulated, for a report to name a year simulated in part.
        #expect(record?["first_day"] as? String == "2025-04-01" && record?["last_day"] as? String == "2030-03-31")
        #expect(a.out.contains("financial year") && a.out.contains("2029/30"))
        // It says what the intervals carry, and the report says it in words.
        #expect((record?["intervals_include"] as? [String])?.first?.hasPrefix("chance") == true)
        #expect(runCLI(["report", one.path]).status == 0)
        let html = try String(contentsOf: one.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("The 90% intervals carry chance: which children come into care"))
        #expect(html.contains("They do not carry a change of policy or practice"))
    }

    /// run.json's `files` lists exactly the files in the folder, the report and its charts too
    /// (found leaving out report.html: the report is made from the folder after run.json).
    @Test func runJSONListsEveryFileWritten() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for extra in [[], ["--report", "--replications-csv"]] {
            let out = folder.appendingPathComponent("out\(extra.count)")
            let result = runCLI(["run", Self.medway, "--replications", "2", "--output", out.path] + extra)
            #expect(result.status == 0, "\(result.err)")
            let record = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json"))) as? [String: Any]
            let listed = try #require(record?["files"] as? [String])
            let onDisk = try #require(FileManager.default.subpaths(atPath: out.path)).filter { $0 != "charts" }
            #expect(listed.sorted() == onDisk.sorted())
            #expect(listed.contains("report.html") == !extra.isEmpty && listed.count == Set(listed).count)
            #expect(result.out.contains("wrote \(listed.count) files to"))
        }
    }

    /// `sufficiency report` on a run folder adds report.html and the charts to run.json's `files`,
    /// leaving the rest of run.json as it was; a second report adds nothing twice.
    @Test func reportCommandListsItsFilesInRunJSON() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let result = runCLI(["run", Self.medway, "--replications", "2", "--output", out.path])
        #expect(result.status == 0, "\(result.err)")
        let runJSON = out.appendingPathComponent("run.json")
        let before = try String(contentsOf: runJSON, encoding: .utf8)
        for _ in 0..<2 {
            let report = runCLI(["report", out.path])
            #expect(report.status == 0 && report.err.isEmpty, "\(report.err)")
            let record = try JSONSerialization.jsonObject(with: Data(contentsOf: runJSON)) as? [String: Any]
            let listed = try #require(record?["files"] as? [String])
            let onDisk = try #require(FileManager.default.subpaths(atPath: out.path)).filter { $0 != "charts" }
            #expect(listed.sorted() == onDisk.sorted() && listed.contains("report.html"))
            let after = try String(contentsOf: runJSON, encoding: .utf8)
            #expect(after.components(separatedBy: "\"files\"")[0] == before.components(separatedBy: "\"files\"")[0])
        }
    }

    @Test(arguments: [
        (["--replications", "0"], Int32(2), "error: '--replications' expects a whole number from 1 to 1000000, found '0'"),
        (["--threads", "many"], Int32(2), "error: '--threads' expects a whole number from 1 to 1024, found 'many'"),
        (["--seed", "-1"], Int32(2), "error: '--seed' expects a whole number from 0 to 9223372036854775807, found '-1'"),
        // The limit is said, as the scenario's 'seed' has it (2^63 − 1), not "from 0 up".
        (["--seed", "9223372036854775808"], Int32(2),
         "error: '--seed' expects a whole number from 0 to 9223372036854775807, found '9223372036854775808'"),
        (["--replicatons", "5"], Int32(2), "error: unknown option '--replicatons'; did you mean '--replications'?"),
    ])
    func badOptionsWriteNothing(options: [String], status: Int32, message: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let result = runCLI(["run", Self.medway, "--output", out.path] + options)
        #expect(result.status == status)
        #expect(result.err.hasPrefix(message + "\n"), "\(result.err)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aMissingScenarioIsAClearError() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = runCLI(["run", folder.appendingPathComponent("nope.yaml").path, "--output", folder.appendingPathComponent("out").path])
        #expect(result.status == 1)
        #expect(result.err == "\(folder.appendingPathComponent("nope.yaml").path): error: no such file\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test func anOutputFolderThatCannotBeWrittenFailsBeforeSimulating() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        let result = runCLI(["run", Self.medway, "--output", file.appendingPathComponent("out").path])
        #expect(result.status == 1)
        #expect(result.err == "error: cannot write to '\(file.appendingPathComponent("out").path)': '\(file.path)' is a file, not a folder\n")
        #expect(result.out.isEmpty)
    }

    @Test func anInvalidScenarioPrintsEveryErrorAndWritesNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("s.yaml")
        try Data("""
            start: 2025-04-01
            replications: 0
            placements:
              foster care:
                providers:
                  - {name: agency, weekly_cost: £800, capacty: 3}
            entries:
              per_year: {all: 10}
              first_placement: {all: {foster care: 100%}}
            """.utf8).write(to: scenario)
        let result = runCLI(["run", scenario.path, "--output", folder.appendingPathComponent("out").path])
        #expect(result.status == 1)
        #expect(result.err == """
            \(scenario.path):2:15: error: 'replications' must be from 1 to 1000000, found 0
                replications: 0
                              ^
            \(scenario.path):6:43: error: unknown key 'capacty' in a provider of 'foster care'; did you mean 'capacity'?
                      - {name: agency, weekly_cost: £800, capacty: 3}
                                                          ^

            """)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }
}
