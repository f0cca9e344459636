import CareSimulation
import Foundation
import Reports
import ScenarioModel
import YAMLReader

/// `sufficiency run SCENARIO`: simulate, write the CSV projections and run.json, print a summary.
enum RunCommand {
    static let spec = ArgumentSpec(
        command: "run", summary: "simulate a scenario and write its projections as CSV",
        positionals: [.init("scenario", help: "the scenario file (.yaml)")],
        options: RunOptions.options(output: "where to write (default: output/<scenario file name>/)"),
        flags: [.init("report", help: "also write report.html and the charts as SVG files")])

    static let command = CLI.Command(spec: spec) { arguments, console in
        let started = Date()
        let options = try RunOptions(arguments)
        let path = arguments.positional("scenario")!
        let run = try SimulatedRun(path: path, overrides: options.overrides, replications: options.replications,
                                   seed: options.seed, threads: options.threads, console: console)
        let directory = options.output ?? RunOptions.defaultOutput(for: path)
        var files = try run.write(to: directory)
        if arguments.flag("report") { files += try RunReport.write(folder: directory) }
        console.out(run.header)
        console.out("")
        console.out(run.projection.summaryTable())
        console.out("")
        let seconds = (Date().timeIntervalSince(started) * 10).rounded() / 10
        console.out("wrote \(files.count) files to \(directory)/ (\(seconds) s in all)")
        return 0
    }
}

/// The options shared by commands that simulate: replications, seed, threads, output, --set.
struct RunOptions: Sendable {
    var replications: Int?
    var seed: UInt64?
    var threads: Int
    var output: String?
    var overrides: [String]

    static func options(output: String) -> [ArgumentSpec.Option] {
        [
            .init("replications", value: "N", help: "how many Monte Carlo replications (default: the scenario's, or 1000)"),
            .init("seed", value: "N", help: "the random seed (default: the scenario's, or 1)"),
            .init("threads", value: "N", help: "threads to use (default: every core); results do not depend on it"),
            .init("output", value: "DIR", help: output),
            .init("set", value: "KEY=VALUE", help: "change one setting, e.g. --set entries.trend=5%", isRepeatable: true),
        ]
    }

    init(_ arguments: Arguments) throws {
        replications = try arguments.int("replications", in: 1...1_000_000)
        seed = try arguments.int("seed", in: 0...Int.max).map(UInt64.init)
        threads = try arguments.int("threads", in: 1...1024) ?? MonteCarlo.defaultThreads
        output = arguments.string("output")
        overrides = arguments.strings("set")
        if let output { try RunOptions.checkWritable(output) }
    }

    /// The scenario file's name without its folder and `.yaml`.
    static func baseName(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        for suffix in [".yaml", ".yml"] where file.hasSuffix(suffix) { return String(file.dropLast(suffix.count)) }
        return file
    }

    /// `output/<scenario file name>/`.
    static func defaultOutput(for scenarioPath: String) -> String { "output/\(baseName(scenarioPath))" }

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
    var path: String
    var overrides: [String]
    var loaded: ScenarioLoader.Loaded
    var threads: Int
    var projection: Projection
    var wallSeconds: Double
    var started: Date

    /// Loads `path` with `overrides`, sets replications and seed when given, and simulates.
    init(path: String, overrides: [String], replications: Int?, seed: UInt64?, threads: Int, console: Console) throws {
        self.path = path
        self.overrides = overrides
        self.threads = threads
        loaded = try ScenarioLoader().loadWithSources(path, overrides: overrides)
        if let replications { loaded.scenario.replications = replications }
        if let seed { loaded.scenario.seed = seed }
        let model = CareModel(loaded.scenario)
        let total = loaded.scenario.replications
        let progress = console.errIsTerminal ? ProgressReporter(label: Escaping.visible(loaded.scenario.name), total: total) : nil
        var onProgress: (@Sendable () -> Void)?
        if let progress { onProgress = { progress.advance() } }
        started = Date()
        let tallies = MonteCarlo.run(model, replications: total, threads: threads, progress: onProgress)
        progress?.finish()
        wallSeconds = Date().timeIntervalSince(started)
        projection = Projection(model: model, tallies: tallies)
    }

    var scenario: Scenario { loaded.scenario }
    var events: Int { projection.tallies.reduce(0) { $0 + $1.events } }

    var header: String {
        let seconds = (wallSeconds * 10).rounded() / 10
        return "\(Escaping.visible(scenario.name)): \(scenario.replications) replications, seed \(scenario.seed), \(threads) threads, simulated in \(seconds) s"
    }

    /// Writes the CSVs then run.json, atomically, and returns the file names.
    func write(to directory: String) throws -> [String] {
        var files = projection.csvFiles()
        let record = RunRecord(
            scenarioPath: path, scenarioName: scenario.name, sources: loaded.sources,
            overrides: overrides, seed: scenario.seed, replications: scenario.replications,
            threads: threads, toolVersion: CLI.version, events: events, wallSeconds: wallSeconds,
            runDate: started, files: files.map(\.name) + ["run.json"])
        files.append(("run.json", record.json.rendered() + "\n"))
        try OutputDirectory(path: directory).write(files)
        return files.map(\.name)
    }
}
