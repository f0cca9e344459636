import Foundation
import Testing
@testable import SufficiencyCLI

/// What a command printed, and its exit status.
struct Captured: Sendable {
    var status: Int32
    var out: String
    var err: String
}

/// Runs the CLI with a console that keeps what is printed.
func runCLI(_ arguments: [String]) -> Captured {
    final class Buffer: @unchecked Sendable {
        let lock = NSLock()
        var out = "", err = ""
        func add(_ text: String, error: Bool) {
            lock.lock()
            defer { lock.unlock() }
            if error { err += text + "\n" } else { out += text + "\n" }
        }
    }
    let buffer = Buffer()
    let console = Console(out: { buffer.add($0, error: false) }, err: { buffer.add($0, error: true) }, errIsTerminal: false)
    let status = CLI.run(arguments, console: console)
    return Captured(status: status, out: buffer.out, err: buffer.err)
}

/// A fresh temporary folder.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite struct CalibrateCommandTests {
    @Test func calibratesASyntheticReturnIntoAScenarioThatRuns() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data").path
        #expect(runCLI(["synth", "--output", data, "--seed", "5", "--years", "3", "--children", "200"]).status == 0)
        let scenario = folder.appendingPathComponent("out/la-calibrated.yaml").path
        let result = runCLI(["calibrate", data, "--as-of", "2026-03-31", "--window", "2", "--output", scenario])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("data quality report"))
        #expect(result.out.contains("calibrated 'la-calibrated' as of 31 March 2026"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/la-calibrated.quality.csv").path))
        let run = runCLI(["run", scenario, "--replications", "4", "--output", folder.appendingPathComponent("run").path])
        #expect(run.status == 0, "\(run.err)")
    }

    /// A second calibrate into the same file replaces it while it is as calibrate wrote it, and
    /// refuses once the analyst has edited it (their costs would be lost) or when calibrate did not
    /// write it (found calibrating into an existing hand-written scenario: it was overwritten).
    @Test func replacesOnlyAnUneditedCalibration() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data").path
        #expect(runCLI(["synth", "--output", data, "--seed", "5", "--years", "2", "--children", "100"]).status == 0)
        let scenario = folder.appendingPathComponent("la.yaml").path
        let calibrate = ["calibrate", data, "--as-of", "2026-03-31", "--window", "1", "--output", scenario]
        #expect(runCLI(calibrate).status == 0)
        let written = try String(contentsOfFile: scenario, encoding: .utf8)
        #expect(CalibratedFile.isUnedited(written))
        #expect(runCLI(calibrate).status == 0, "an unedited calibration is replaced")

        let edited = written.replacingOccurrences(of: "seed: ", with: "seed: 1")
        try #require(edited != written)
        try edited.write(toFile: scenario, atomically: true, encoding: .utf8)
        let refused = runCLI(calibrate)
        #expect(refused.status == 1)
        #expect(refused.err.contains("'\(scenario)' already exists, and calibrate did not write it or it has been edited since"), "\(refused.err)")
        #expect(try String(contentsOfFile: scenario, encoding: .utf8) == edited, "the edited file is kept")

        try "name: mine\n".write(toFile: scenario, atomically: true, encoding: .utf8)
        #expect(runCLI(calibrate).status == 1)
        #expect(try String(contentsOfFile: scenario, encoding: .utf8) == "name: mine\n")
    }

    /// The data-quality report beside the scenario is protected the same way (found: calibrate
    /// replaced an analyst's own `la.quality.csv` without a word): replaced while it is the report
    /// the calibration beside it records, refused once edited or when calibrate did not write it.
    @Test(arguments: [false, true]) func keepsAQualityReportItDidNotWrite(published: Bool) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("la.yaml").path
        let quality = folder.appendingPathComponent("la.quality.csv").path
        let calibrate: [String]
        if published {
            let tables = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("PublishedTablesTests/Fixtures/dfe-three-councils").path
            calibrate = ["calibrate", tables, "--la", "Rutland", "--as-of", "2019-03-31", "--output", scenario]
        } else {
            let data = folder.appendingPathComponent("data").path
            #expect(runCLI(["synth", "--output", data, "--seed", "5", "--years", "2", "--children", "100"]).status == 0)
            calibrate = ["calibrate", data, "--as-of", "2026-03-31", "--window", "1", "--output", scenario]
        }
        // A report of the analyst's own, with no scenario beside it: kept.
        try "mine\n".write(toFile: quality, atomically: true, encoding: .utf8)
        let refused = runCLI(calibrate)
        #expect(refused.status == 1 && refused.err.contains("'\(quality)' already exists, and calibrate did not write it"), "\(refused.err)")
        #expect(try String(contentsOfFile: quality, encoding: .utf8) == "mine\n")
        #expect(!FileManager.default.fileExists(atPath: scenario), "nothing is written")
        // Calibrate's own report is replaced, as its scenario is.
        try FileManager.default.removeItem(atPath: quality)
        #expect(runCLI(calibrate).status == 0)
        #expect(runCLI(calibrate).status == 0, "calibrate's own report is replaced")
        // Edited since, it is kept, though the scenario is unedited.
        let written = try String(contentsOfFile: quality, encoding: .utf8)
        try (written + "my note\n").write(toFile: quality, atomically: true, encoding: .utf8)
        #expect(runCLI(calibrate).status == 1)
        #expect(try String(contentsOfFile: quality, encoding: .utf8) == written + "my note\n")
    }

    /// The same from the published tables (the repository's fixture of three councils).
    @Test func publishedCalibrationKeepsAnEditedFile() throws {
        let tables = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("PublishedTablesTests/Fixtures/dfe-three-councils").path
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("rutland.yaml").path
        let calibrate = ["calibrate", tables, "--la", "Rutland", "--as-of", "2019-03-31", "--output", scenario]
        #expect(runCLI(calibrate).status == 0)
        #expect(CalibratedFile.isUnedited(try String(contentsOfFile: scenario, encoding: .utf8)))
        #expect(runCLI(calibrate).status == 0)
        let written = try String(contentsOfFile: scenario, encoding: .utf8)
        let edited = written.replacingOccurrences(of: "weekly_cost: £820", with: "weekly_cost: £910")
        try #require(edited != written)
        try edited.write(toFile: scenario, atomically: true, encoding: .utf8)
        #expect(runCLI(calibrate).status == 1)
        #expect(try String(contentsOfFile: scenario, encoding: .utf8) == edited)
    }

    /// The quality report says when a table holds no year up to the date (councils' own children
    /// by characteristics start in 2020), not "years - to -".
    @Test func qualityReportSaysWhenATableHoldsNoYear() throws {
        let tables = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("PublishedTablesTests/Fixtures/dfe-three-councils").path
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("medway.yaml").path
        #expect(runCLI(["calibrate", tables, "--la", "Medway", "--as-of", "2019-03-31", "--output", scenario]).status == 0)
        let quality = try String(contentsOfFile: folder.appendingPathComponent("medway.quality.csv").path, encoding: .utf8)
        #expect(!quality.contains("- to -"), "\(quality)")
        #expect(quality.contains("la_cla_on_31_march_by_characteristics.csv: children looked after on 31 March by characteristics, no year to 31 March 2019 (not used)"),
                "\(quality)")
    }

    @Test func calibratesEachYearFolderGivenSeparately() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data")
        #expect(runCLI(["synth", "--output", data.path, "--years", "2", "--children", "100"]).status == 0)
        let output = folder.appendingPathComponent("c.yaml").path
        let result = runCLI(["calibrate", data.appendingPathComponent("2025").path, data.appendingPathComponent("2026").path,
                             "--as-of", "2025-09-30", "--output", output])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("as of 30 September 2025"))
    }

    /// `--la` with a raw return chooses nothing (one council's rows, no LA column): calibrate
    /// names the scenario with it and says so; backtest says it is not used. In a regional folder
    /// it chooses the rows, and the scenario takes the name as the files spell it.
    @Test func laWithARawReturnNamesTheScenarioAndSaysSo() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let raw = folder.appendingPathComponent("raw"), regional = folder.appendingPathComponent("regional")
        #expect(runCLI(["synth", "--output", raw.path, "--seed", "5", "--years", "2", "--children", "100"]).status == 0)
        try MalformedReturnPrivacyTests.regional(from: raw, to: regional)
        let output = folder.appendingPathComponent("out.yaml").path
        func name() throws -> String {
            let text = try String(contentsOfFile: output, encoding: .utf8)
            return String(text.split(separator: "\n").first { $0.hasPrefix("name: ") } ?? "")
        }
        let named = runCLI(["calibrate", raw.path, "--la", "Medway", "--as-of", "2026-03-31", "--output", output])
        #expect(named.status == 0, "\(named.err)")
        #expect(named.err.contains("note: '--la Medway' chooses no rows: a raw 903 return holds one council's rows and no LA column, so 'Medway' names the scenario only"), "\(named.err)")
        #expect(try name() == "name: Medway")
        let chosen = runCLI(["calibrate", regional.path, "--la", "kent", "--as-of", "2026-03-31", "--output", output])
        #expect(chosen.status == 0 && !chosen.err.contains("chooses no rows"), "\(chosen.err)")
        #expect(try name() == "name: Kent")
        let backtest = runCLI(["backtest", raw.path, "--la", "Medway", "--as-of", "2025-03-31", "--years", "1", "--replications", "2",
                               "--output", folder.appendingPathComponent("bt").path])
        #expect(backtest.err.contains("note: '--la Medway' chooses no rows: a raw 903 return holds one council's rows and no LA column, so it is not used"), "\(backtest.err)")
    }

    /// A window longer than the return is said to be cut to the data (found: '--window 5' on one
    /// year of data calibrated over one year, said only as "over the 1.00 years" in the summary).
    @Test func aWindowLongerThanTheDataIsSaid() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data").path
        #expect(runCLI(["synth", "--output", data, "--seed", "5", "--years", "2", "--children", "100"]).status == 0)
        let output = folder.appendingPathComponent("out.yaml").path
        let long = runCLI(["calibrate", data, "--as-of", "2026-03-31", "--window", "5", "--output", output])
        #expect(long.status == 0, "\(long.err)")
        #expect(long.err.contains("note: the return holds 2.00 years before 31 March 2026, fewer than the 5 years '--window' asks for: the rates are over those 2.00 years"), "\(long.err)")
        let fits = runCLI(["calibrate", data, "--as-of", "2026-03-31", "--window", "2", "--output", output])
        #expect(fits.status == 0 && !fits.err.contains("--window"), "\(fits.err)")
    }

    /// Each bad command line: its exit status, its whole message, and nothing written.
    @Test func errorsAreClearAndWriteNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data").path
        #expect(runCLI(["synth", "--output", data, "--years", "2", "--children", "100"]).status == 0)
        let output = folder.appendingPathComponent("out/x.yaml").path
        let cases: [([String], Int32, String)] = [
            (["calibrate", folder.appendingPathComponent("nope").path, "--as-of", "2026-03-31", "--output", output], 1,
             "\(folder.appendingPathComponent("nope").path): error: no such folder\n"),
            (["calibrate", data, "--as-of", "2026-02-30", "--output", output], 2,
             "error: expected a date such as '2024-03-31' for '--as-of', found '2026-02-30'\n"),
            (["calibrate", data, "--as-of", "31/03/2026", "--output", output], 2,
             "error: expected a date such as '2024-03-31' for '--as-of', found '31/03/2026'; did you mean '2026-03-31'?\n"),
            (["calibrate", data, "--output", output], 2, "error: option '--as-of' is required, such as '--as-of 2024-03-31'\n"),
            (["calibrate", data, "--as-of", "2020-03-31", "--output", output], 1,
             "error: the date '2020-03-31' is outside the data, which runs from 2024-04-01 to 2026-03-31\n"),
            (["calibrate", data, "--as-of", "2026-03-31", "--window", "0", "--output", output], 2,
             "error: '--window' must be more than 0 and at most 50 years, found '0'\n"),
            (["calibrate", data, "--as-of", "2026-03-31", "--output", folder.appendingPathComponent("x.csv").path], 1,
             "error: the output '\(folder.appendingPathComponent("x.csv").path)' should be a scenario file ending in '.yaml'\n"),
        ]
        for (arguments, status, message) in cases {
            let result = runCLI(arguments)
            #expect(result.status == status)
            #expect(result.err == message)
            #expect(result.out.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test func unknownLASuggestsTheNearest() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let episodes = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN,LA,YEAR\r\n"
            + "1,2020-05-01,S,C2,N1,U4,PR1,,,,,,,Bromley,2021\r\n"
        try Data(episodes.utf8).write(to: folder.appendingPathComponent("episodes.csv"))
        let result = runCLI(["calibrate", folder.path, "--la", "Bromly", "--as-of", "2021-03-31", "--output", folder.appendingPathComponent("x.yaml").path])
        #expect(result.status == 1)
        #expect(result.err == "\(folder.appendingPathComponent("episodes.csv").path): error: no rows for LA 'Bromly'; did you mean 'Bromley'? The file holds 'Bromley'\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.yaml").path))
    }
}
