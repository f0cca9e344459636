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
        options: RunOptions.options(output: "where to write (default: output/<scenario file name>/); the folder is replaced as a whole")
            + [.init("shard", value: "K/N", help: "run only the Kth of N shares of the replications, for an array job; 'env/N' takes K from the scheduler (see docs/cluster.md); join the shards with 'sufficiency merge'")],
        flags: [
            .init("report", help: "also write report.html and the charts as SVG files"),
            .init("replications-csv", help: "also write replications.csv: every replication's headline figures (see docs/replications.md)"),
        ])

    static let command = CLI.Command(spec: spec) { arguments, console in
        let started = Date()
        let options = try RunOptions(arguments)
        let path = arguments.positional("scenario")!
        let shard = try arguments.string("shard").map { text throws in
            try ShardOption.parse(text, environment: ProcessInfo.processInfo.environment)
        }
        if shard != nil, let flag = ["report", "replications-csv"].first(where: arguments.flag) {
            throw CommandFailure("--\(flag) makes no sense for one shard; give it to 'sufficiency merge'", status: 2)
        }
        let directory = options.output ?? RunOptions.defaultOutput(for: path, shard: shard)
        var folder: FolderReplacement?
        let run = try SimulatedRun(path: path, overrides: options.overrides, replications: options.replications,
                                   seed: options.seed, threads: options.threads, console: console, shard: shard,
                                   spillDirectory: RunOptions.parent(of: directory)) {
            folder = try FolderReplacement.begin(directory)
        }
        guard let folder else { preconditionFailure("the folder is taken before simulating") }
        if let shard {
            try run.writeShard(shard, to: folder.staging)
            try folder.commit()
            console.out(run.header)
            console.out("wrote shard \(shard) (replications \(run.range.lowerBound + 1) to \(run.range.upperBound) of \(run.scenario.replications)) to \(directory)/")
            return 0
        }
        let csv = arguments.flag("replications-csv") ? ["replications.csv"] : []
        var files = try run.write(to: folder.staging, others: csv)
        files += try run.writeRequested(arguments, to: folder.staging, shownAs: directory, listed: files + csv)
        try folder.commit()
        run.printSummary(run.header, files: files.count, to: directory, since: started, console: console)
        return 0
    }
}

extension SimulatedRun {
    /// replications.csv and the report, when asked for, beside the CSVs; the files written.
    /// The report is made from the folder, run.json included, so run.json is written again after
    /// it to list it too: `listed` is what run.json lists already (`shards` as for ``write(to:shards:others:)``).
    func writeRequested(_ arguments: Arguments, to staging: String, shownAs directory: String, listed: [String],
                        shards: Int? = nil) throws -> [String] {
        var files: [String] = []
        if arguments.flag("replications-csv") {
            try projection.writeReplicationsCSV(to: staging + "/replications.csv")
            files.append("replications.csv")
        }
        if arguments.flag("report") {
            let report = try RunReport.write(folder: staging, shownAs: directory)
            files += report
            try OutputDirectory(path: staging).write([("run.json", record(files: listed + report, shards: shards).json.rendered() + "\n")])
        }
        return files
    }

    /// What a run or a merge prints: its header, the summary table and the files written.
    func printSummary(_ header: String, files: Int, to directory: String, since started: Date, console: Console) {
        console.out(header)
        console.out("")
        console.out(projection.summaryTable())
        if let note = projection.partYearNote() { console.out(note) }
        if let note = scenario.unusedBudgetNote { console.out(note) }
        if let note = scenario.changesAfterTheEndNote { console.out(note) }
        console.out("")
        let seconds = (Date().timeIntervalSince(started) * 10).rounded() / 10
        console.out("wrote \(files) files to \(directory)/ (\(seconds) s in all)")
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

    /// `output/<scenario file name>/`, or `output/<scenario file name>.shard-K-of-N/` for a shard.
    static func defaultOutput(for scenarioPath: String, shard: Shard? = nil) -> String {
        "output/\(baseName(scenarioPath))" + (shard.map { ".shard-\($0.index)-of-\($0.count)" } ?? "")
    }

    /// The folder holding `path` (`.` for a bare name).
    static func parent(of path: String) -> String {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
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
    var path: String
    var overrides: [String]
    var loaded: ScenarioLoader.Loaded
    var threads: Int
    /// The replications simulated: all of them, or a shard's.
    var range: Range<Int>
    var projection: Projection
    var wallSeconds: Double
    var started: Date

    /// Loads `path` with `overrides`, sets replications and seed when given, checks that the
    /// replications' tallies fit in memory or on disk, calls `beforeSimulating`, and simulates
    /// every replication or `shard`'s share.
    init(path: String, overrides: [String], replications: Int?, seed: UInt64?, threads: Int, console: Console,
         shard: Shard? = nil, spillDirectory: String = ".", beforeSimulating: () throws -> Void = {}) throws {
        self.path = path
        self.overrides = overrides
        self.threads = threads
        loaded = try ScenarioLoader().loadWithSources(path, overrides: overrides)
        if let replications { loaded.scenario.replications = replications }
        if let seed { loaded.scenario.seed = seed }
        let model = CareModel(loaded.scenario)
        range = shard?.range(of: loaded.scenario.replications) ?? 0..<loaded.scenario.replications
        try beforeSimulating()
        let store = try Self.store(for: model, count: range.count, spillDirectory: spillDirectory)
        let progress = console.errIsTerminal ? ProgressReporter(label: Escaping.visible(loaded.scenario.name), total: range.count) : nil
        var onProgress: (@Sendable () -> Void)?
        if let progress { onProgress = { progress.advance() } }
        started = Date()
        MonteCarlo.run(model, replications: range, threads: threads, into: store, progress: onProgress)
        progress?.finish()
        wallSeconds = Date().timeIntervalSince(started)
        projection = Projection(model: model, tallies: store)
    }

    /// A run made of tallies already simulated (a merge of shards).
    init(path: String, overrides: [String], loaded: ScenarioLoader.Loaded, threads: Int, projection: Projection,
         wallSeconds: Double, started: Date) {
        (self.path, self.overrides, self.loaded, self.threads) = (path, overrides, loaded, threads)
        (self.projection, self.wallSeconds, self.started) = (projection, wallSeconds, started)
        range = 0..<projection.tallies.count
    }

    /// An empty store for `count` replications of `model`: in memory, or past half the memory
    /// available in a file in `spillDirectory`.
    /// - Throws: ``CommandFailure`` saying how many replications fit when they fit neither.
    static func store(for model: CareModel, count: Int, spillDirectory: String) throws -> TallyStore {
        let layout = TallyStore.Layout(model)
        let memory = TallyStore.availableMemory(), disk = TallyStore.freeDisk(spillDirectory)
        switch TallyStore.plan(recordBytes: layout.recordBytes, count: count, memory: memory, disk: disk) {
        case .inMemory:
            return TallyStore(inMemory: layout, count: count)
        case .onDisk:
            do {
                return try TallyStore(layout: layout, count: count, memoryBudget: 0, spillDirectory: spillDirectory)
            } catch {
                throw CommandFailure(error.description)
            }
        case .tooLarge(let fit):
            throw CommandFailure(tooLargeMessage(count: count, recordBytes: layout.recordBytes, memory: memory, disk: disk,
                                                 spillDirectory: spillDirectory, fit: fit))
        }
    }

    /// Why `count` replications cannot be kept, and how many can.
    static func tooLargeMessage(count: Int, recordBytes: Int, memory: Int?, disk: Int?, spillDirectory: String, fit: Int) -> String {
        func megabytes(_ bytes: Int) -> String { "\(Int((Double(bytes) / 1_048_576).rounded(.up))) MB" }
        let need = Double(recordBytes) * Double(count)
        return "\(count) replications of this scenario need \(Int((need / 1_048_576).rounded(.up))) MB to keep their figures "
            + "(\(megabytes(recordBytes)) each), more than fits in memory (\(memory.map(megabytes) ?? "unknown") available) "
            + "or on the disk at '\(spillDirectory)' (\(disk.map(megabytes) ?? "unknown") free); at most \(fit) replications fit: "
            + "give --replications \(fit) or fewer, or free some disk"
    }

    var scenario: Scenario { loaded.scenario }
    var events: Int { projection.tallies.reduce(0) { $0 + $1.events } }

    var header: String {
        let seconds = (wallSeconds * 10).rounded() / 10
        let what = range.count == scenario.replications
            ? "\(scenario.replications) replications" : "replications \(range.lowerBound + 1) to \(range.upperBound) of \(scenario.replications)"
        return "\(Escaping.visible(scenario.name)): \(what), seed \(scenario.seed), \(threads) threads, simulated in \(seconds) s"
    }

    /// Writes the CSVs then run.json into `directory` and returns the file names; run.json
    /// lists `others` too, files the caller writes beside them.
    func write(to directory: String, shards: Int? = nil, others: [String] = []) throws -> [String] {
        var files = projection.csvFiles()
        let record = record(files: files.map(\.name) + ["run.json"] + others, shards: shards)
        files.append(("run.json", record.json.rendered() + "\n"))
        try OutputDirectory(path: directory).write(files)
        return files.map(\.name)
    }

    /// run.json's record of this run, listing `files`.
    func record(files: [String], shards: Int?) -> RunRecord {
        var record = RunRecord(
            scenarioPath: path, scenarioName: scenario.name, sources: loaded.sources,
            overrides: overrides, seed: scenario.seed, replications: scenario.replications,
            threads: threads, toolVersion: CLI.version, events: events, wallSeconds: wallSeconds,
            runDate: started, files: files)
        record.shards = shards
        record.intervalIncludes = scenario.intervalIncludes
        (record.firstDay, record.lastDay) = (scenario.start, scenario.end)
        return record
    }

    /// Writes a shard's `replications.bin` (its tallies, as kept) and then `shard.json` into `directory`.
    func writeShard(_ shard: Shard, to directory: String) throws {
        let data = try ExclusiveFile(path: directory + "/" + ShardManifest.dataFileName)
        try projection.tallies.withRecordBytes(0..<projection.tallies.count) { bytes throws in try data.write(bytes) }
        try data.close()
        let manifest = ShardManifest(
            scenarioPath: path, scenarioName: scenario.name,
            sources: loaded.sources.map { (path: $0.path, sha256: SHA256.hex($0.text)) }, overrides: overrides,
            seed: scenario.seed, replications: scenario.replications, shard: shard, toolVersion: CLI.version,
            layout: projection.tallies.layout, events: events, threads: threads, wallSeconds: wallSeconds, runDate: started)
        try OutputDirectory(path: directory).write([(ShardManifest.fileName, manifest.json.rendered() + "\n")])
    }
}
