import Foundation
import Testing
import Reports
@testable import SufficiencyCLI

/// A run's output folder is replaced as a whole: runs killed while writing, and two runs into one
/// folder at once, leave either the whole old output set or the whole new one.
@Suite(.serialized) struct WholeOutputFolderTests {
    static let medway = RunCommandTests.medway

    /// A small scenario (two placement types, three years) written into `folder`, so that the
    /// child processes are quick even while the rest of the suite keeps the cores busy.
    static func smallScenario(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("small.yaml").path
        try """
            start: 2025-04-01
            horizon: 3 years
            replications: 2
            placements:
              foster care:
                providers:
                  - {name: in-house fostering, capacity: 30, weekly_cost: £600}
                  - {name: agency fostering, weekly_cost: £900}
              children's home:
                providers:
                  - {name: external children's home, weekly_cost: £5000}
            population:
              in-house fostering: {1 to 4: 20, 5 to 9: 20, 10 to 15: 20}
              external children's home: {10 to 15: 10}
            entries:
              per_year: {all: 20}
              first_placement:
                all: {foster care: 90%, children's home: 10%}
            exits:
              rates:
                returned home: {all: 0.4}
            """.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    /// The built `sufficiency` executable beside the test bundle, or in the package's .build.
    static let executable: String? = {
        var candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sufficiency").path]
        for configuration in ["debug", "release"] {
            candidates.append(RunCommandTests.repo.appendingPathComponent(".build/\(configuration)/sufficiency").path)
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Every file under `folder` by relative path; run.json stands for its seed and replications
    /// only (it records times too).
    static func snapshot(_ folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return result }
        for case let name as String in walker {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory)
            if isDirectory.boolValue { continue }
            var data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
            if name == "run.json", let record = try JSONSerialization.jsonObject(with: data) as? [String: Any] {
                data = Data("seed \(record["seed"] ?? "?"), \(record["replications"] ?? "?") replications".utf8)
            }
            result[name] = data
        }
        return result
    }

    /// A child process running `sufficiency` with `arguments`, its output into a file in `folder`.
    static func start(_ arguments: [String], in folder: URL) throws -> ChildProcess {
        try ChildProcess(executable!, arguments, outputPath: folder.appendingPathComponent("child-\(UUID().uuidString).txt").path)
    }

    /// The staging folder of a run into `parent/name`, once it holds a file (the write phase).
    static func writing(_ parent: String, _ name: String) -> Bool {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        return entries.contains { entry in
            entry.hasPrefix(".\(name).new-") && !((try? FileManager.default.contentsOfDirectory(atPath: parent + "/" + entry)) ?? []).isEmpty
        }
    }

    @Test func runsKilledWhileWritingLeaveTheWholeOldFolderOrTheWholeNewOne() throws {
        guard Self.executable != nil else {
            print("skipped: the sufficiency executable is not built (run 'swift build' first)")
            return
        }
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try Self.smallScenario(in: folder)
        // The old output set: seed 1, with the report. The new: seed 2, without (so an old report
        // left beside new CSVs would show).
        let reference = folder.appendingPathComponent("reference").path
        let old = reference + "/old", new = reference + "/new"
        let oldRun = ["run", scenario, "--replications", "2", "--threads", "1", "--seed", "1", "--report", "--output", old]
        let newArguments = ["run", scenario, "--replications", "2", "--threads", "1", "--seed", "2"]
        #expect(runCLI(oldRun).status == 0)
        #expect(runCLI(newArguments + ["--output", new]).status == 0)
        let oldFiles = try Self.snapshot(old), newFiles = try Self.snapshot(new)
        #expect(oldFiles.keys.contains("report.html") && !newFiles.keys.contains("report.html"))

        // The write phase's length, from an undisturbed child: from its first staged file to its end.
        let parent = folder.appendingPathComponent("runs").path
        let out = parent + "/out"
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        var writePhase = 0.2
        var generator = SystemRandomNumberGenerator()
        var killedWhileWriting = 0, whole = 0
        for trial in 0..<10 {
            try? FileManager.default.removeItem(atPath: out)
            try FileManager.default.copyItem(atPath: old, toPath: out)
            let child = try Self.start(newArguments + ["--output", out], in: folder)
            while child.isRunning && !Self.writing(parent, "out") { usleep(2000) }
            let began = Date()
            if trial == 0 {
                // Until the staging folder is swapped in.
                while child.isRunning && Self.writing(parent, "out") { usleep(1000) }
                writePhase = max(Date().timeIntervalSince(began), 0.005)
                child.wait()
            } else {
                usleep(UInt32(Double.random(in: 0...writePhase, using: &generator) * 1_000_000))
                if child.isRunning {
                    if Self.writing(parent, "out") { killedWhileWriting += 1 }
                    child.kill()
                }
                child.wait()
            }
            let files = try Self.snapshot(out)
            #expect(files == oldFiles || files == newFiles, "trial \(trial): a mixed folder: \(files.keys.sorted())")
            if files == oldFiles || files == newFiles { whole += 1 }
        }
        #expect(whole == 10)
        // Most kills land inside the write phase; at least one must, or the test tested nothing.
        #expect(killedWhileWriting >= 1, "no kill landed in the write phase (write phase \(writePhase) s)")
        // A later run cleans up whatever a killed one left beside the folder.
        #expect(runCLI(newArguments + ["--output", out]).status == 0)
        #expect(try Self.snapshot(out) == newFiles)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["out"])
    }

    @Test func twoRunsIntoOneFolderNeverMixAndTheSecondIsRefused() throws {
        guard Self.executable != nil else {
            print("skipped: the sufficiency executable is not built (run 'swift build' first)")
            return
        }
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out").path
        let scenario = try Self.smallScenario(in: folder)
        let arguments = { (seed: Int) in ["run", scenario, "--replications", "2", "--threads", "1", "--seed", "\(seed)", "--output", out] }
        let reference = folder.appendingPathComponent("reference").path
        var expected: [[String: Data]] = []
        for seed in [1, 2] {
            #expect(runCLI(arguments(seed).dropLast() + ["\(reference)/\(seed)"]).status == 0)
            expected.append(try Self.snapshot("\(reference)/\(seed)"))
        }
        var refused = 0
        for _ in 0..<3 {
            let a = try Self.start(arguments(1), in: folder), b = try Self.start(arguments(2), in: folder)
            let statuses = [a.wait(), b.wait()]
            for (process, status) in zip([a, b], statuses) where status != 0 {
                let message = process.output
                #expect(status == 1)
                // The holder's process number is named once it has written it into the lock file.
                #expect(message.hasPrefix("error: cannot write to '\(out)': another run is writing to it"), "\(message)")
                #expect(message.hasSuffix("; wait for it to finish, or give another --output\n"), "\(message)")
                refused += 1
            }
            #expect(statuses.contains(0))
            #expect(expected.contains(try Self.snapshot(out)), "a mixed folder")
        }
        // Deterministically: a folder held by another writer (here this process) is refused at once.
        let holder = try Reports.FolderReplacement.begin(out)
        let second = runCLI(arguments(1))
        #expect(second.status == 1)
        #expect(second.err == "error: cannot write to '\(out)': another run is writing to it (process \(getpid())); wait for it to finish, or give another --output\n")
        holder.release()
        #expect(expected.contains(try Self.snapshot(out)))
    }

    @Test func aLaterRunWithoutTheReportLeavesNoOldReport() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out").path
        #expect(runCLI(["run", Self.medway, "--replications", "2", "--report", "--output", out]).status == 0)
        #expect(FileManager.default.fileExists(atPath: out + "/report.html") && FileManager.default.fileExists(atPath: out + "/charts"))
        #expect(runCLI(["run", Self.medway, "--replications", "2", "--output", out]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: out + "/report.html") && !FileManager.default.fileExists(atPath: out + "/charts"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out"])
    }
}
