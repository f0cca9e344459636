import CareSimulation
import Foundation
import Reports
import ScenarioModel

/// `sufficiency run SCENARIO`: simulate, write the CSV projections and run.json, print a summary.
enum RunCommand {
    static let spec = ArgumentSpec(
        command: "run", summary: "simulate a scenario and write its projections as CSV",
        positionals: [.init("scenario", help: "the scenario file (.yaml)")],
        options: [
            .init("replications", value: "N", help: "how many Monte Carlo replications (default: the scenario's, or 1000)"),
            .init("seed", value: "N", help: "the random seed (default: the scenario's, or 1)"),
            .init("threads", value: "N", help: "threads to use (default: every core); results do not depend on it"),
            .init("output", value: "DIR", help: "where to write (default: output/<scenario file name>/)"),
            .init("set", value: "KEY=VALUE", help: "change one setting, e.g. --set entries.trend=5%", isRepeatable: true),
        ])

    static let command = CLI.Command(spec: spec) { arguments, console in
        let options = try RunOptions(arguments, scenarioName: "scenario")
        let run = try SimulatedRun(options, console: console)
        let directory = options.output ?? RunOptions.defaultOutput(for: options.scenarioPath)
        let files = try run.write(to: directory)
        console.out(run.header)
        console.out("")
        console.out(run.projection.summaryTable())
        console.out("")
        console.out("wrote \(files.count) files to \(directory)/")
        return 0
    }
}

/// The options shared by commands that simulate: scenario, replications, seed, threads, output, --set.
struct RunOptions: Sendable {
    var scenarioPath: String
    var replications: Int?
    var seed: UInt64?
    var threads: Int
    var output: String?
    var overrides: [String]

    init(_ arguments: Arguments, scenarioName: String) throws {
        scenarioPath = arguments.positional(scenarioName)!
        replications = try arguments.int("replications", in: 1...1_000_000)
        seed = try arguments.int("seed", atLeast: 0).map(UInt64.init)
        threads = try arguments.int("threads", in: 1...1024) ?? MonteCarlo.defaultThreads
        output = arguments.string("output")
        overrides = arguments.strings("set")
        if let output { try RunOptions.checkWritable(output) }
    }

    /// `output/<scenario file name>/`.
    static func defaultOutput(for scenarioPath: String) -> String {
        let file = scenarioPath.split(separator: "/").last.map(String.init) ?? scenarioPath
        let base = file.hasSuffix(".yaml") ? String(file.dropLast(5)) : file.hasSuffix(".yml") ? String(file.dropLast(4)) : file
        return "output/\(base)"
    }

    /// Fails early, before any simulating, if `path` could not become a writable folder.
    static func checkWritable(_ path: String) throws {
        var isDirectory: ObjCBool = false
        var probe = URL(fileURLWithPath: path).standardizedFileURL
        while !FileManager.default.fileExists(atPath: probe.path, isDirectory: &isDirectory) {
            probe.deleteLastPathComponent()
        }
        guard isDirectory.boolValue else {
            throw CommandFailure("cannot write to '\(path)': '\(probe.path)' is a file, not a folder")
        }
        guard FileManager.default.isWritableFile(atPath: probe.path) else {
            throw CommandFailure("cannot write to '\(path)': permission denied")
        }
    }
}

/// A scenario loaded and simulated, ready to write.
struct SimulatedRun {
    var loaded: ScenarioLoader.Loaded
    var options: RunOptions
    var projection: Projection
    var wallSeconds: Double
    var replications: Int

    init(_ options: RunOptions, console: Console, common base: [Tally]? = nil) throws {
        self.options = options
        loaded = try ScenarioLoader().loadWithSources(options.scenarioPath, overrides: options.overrides)
        if let r = options.replications { loaded.scenario.replications = r }
        if let s = options.seed { loaded.scenario.seed = s }
        replications = loaded.scenario.replications
        let model = CareModel(loaded.scenario)
        let progress = console.errIsTerminal
            ? ProgressReporter(label: "running '\(loaded.scenario.name)'", total: replications) : nil
        let started = Date()
        var onProgress: (@Sendable () -> Void)?
        if let progress { onProgress = { progress.advance() } }
        let tallies = MonteCarlo.run(model, replications: replications, threads: options.threads, progress: onProgress)
        progress?.finish()
        wallSeconds = Date().timeIntervalSince(started)
        projection = Projection(model: model, tallies: tallies, base: base)
    }

    var events: Int { projection.tallies.reduce(0) { $0 + $1.events } }

    var header: String {
        let s = loaded.scenario
        let seconds = (wallSeconds * 10).rounded() / 10
        return "\(s.name): \(replications) replications, seed \(s.seed), \(options.threads) threads, \(seconds) s"
    }

    /// Writes the CSVs then run.json, atomically, and returns the file names.
    func write(to directory: String) throws -> [String] {
        var files = projection.csvFiles()
        let record = RunRecord(
            scenarioPath: options.scenarioPath, scenarioName: loaded.scenario.name, sources: loaded.sources,
            overrides: options.overrides, seed: loaded.scenario.seed, replications: replications,
            threads: options.threads, toolVersion: CLI.version, events: events, wallSeconds: wallSeconds,
            files: files.map(\.name) + ["run.json"])
        files.append(("run.json", record.json.rendered() + "\n"))
        try OutputDirectory(path: directory).write(files)
        return files.map(\.name)
    }
}
