import CareSimulation
import Foundation
import Reports
import ScenarioModel
import YAMLReader

/// `sufficiency merge SHARD_DIR... --output DIR`: the shards of a run, written by
/// `run --shard K/N` as separate tasks, joined into exactly the files the whole run writes.
enum MergeCommand {
    static let spec = ArgumentSpec(
        command: "merge", summary: "join the shards of a run (run --shard K/N) into the whole run's files",
        positionals: [.init("shard", help: "the shards' folders, in any order", isRepeating: true)],
        options: [
            .init("output", value: "DIR", help: "where to write the whole run (the folder is replaced as a whole)"),
            .init("scenario", value: "FILE", help: "the scenario file, when it is no longer where the shards ran it (its SHA-256 must match)"),
        ],
        flags: [
            .init("report", help: "also write report.html and the charts as SVG files"),
            .init("replications-csv", help: "also write replications.csv: every replication's headline figures (see docs/replications.md)"),
        ])

    static let command = CLI.Command(spec: spec) { arguments, console in
        let started = Date()
        let folders = arguments.positionals("shard")
        guard !folders.isEmpty else { throw CommandFailure("give the shards' folders to merge", status: 2) }
        guard let directory = arguments.string("output") else {
            throw CommandFailure("give --output DIR: where to write the merged run", status: 2)
        }
        try RunOptions.checkWritable(directory)
        var shards: [(folder: String, manifest: ShardManifest)] = []
        for folder in folders { shards.append((folder, try ShardManifest.read(folder: folder))) }
        shards = try ShardManifest.checkComplete(shards)
        let first = shards[0].manifest

        let scenarioPath = arguments.string("scenario") ?? first.scenarioPath
        var loaded: ScenarioLoader.Loaded
        do {
            loaded = try loadScenario(scenarioPath, overrides: first.overrides, sha256: first.sources.map(\.sha256), what: "the shards")
        } catch let error as Diagnostics where arguments.string("scenario") == nil {
            console.err(error.rendered)
            throw CommandFailure("cannot read the scenario the shards ran, '\(scenarioPath)'; give --scenario FILE if it has moved")
        }
        loaded.scenario.replications = first.replications
        loaded.scenario.seed = first.seed
        let model = CareModel(loaded.scenario)
        guard TallyStore.Layout(model) == first.layout else {
            throw CommandFailure("the scenario's tables have a different shape from the shards' (another version of the tool?); run the shards again")
        }

        var folder: FolderReplacement? = try FolderReplacement.begin(directory)
        let store = try SimulatedRun.store(for: model, count: first.replications, spillDirectory: RunOptions.parent(of: directory))
        for (shardFolder, manifest) in shards {
            try read(RunFolder.join(shardFolder, ShardManifest.dataFileName), into: store, manifest)
        }
        let run = SimulatedRun(
            path: first.scenarioPath, overrides: first.overrides, loaded: loaded,
            threads: shards.map(\.manifest.threads).max() ?? 0, projection: Projection(model: model, tallies: store),
            wallSeconds: shards.reduce(0) { $0 + $1.manifest.wallSeconds }, started: shards.map(\.manifest.runDate).min() ?? started)
        guard let staging = folder?.staging else { preconditionFailure("begun") }
        let csv = arguments.flag("replications-csv") ? ["replications.csv"] : []
        var files = try run.write(to: staging, shards: first.shard.count, others: [ShardManifest.dataFileName] + csv)
        // The records too, so that 'compare' can pair this run with another merged run.
        let records = try ExclusiveFile(path: staging + "/" + ShardManifest.dataFileName)
        try store.withRecordBytes(0..<store.count) { bytes throws in try records.write(bytes) }
        try records.close()
        files.append(ShardManifest.dataFileName)
        files += try run.writeRequested(arguments, to: staging, shownAs: directory, listed: files + csv, shards: first.shard.count)
        try folder?.commit()
        folder = nil
        run.printSummary("\(run.scenario.name): \(first.replications) replications, seed \(first.seed), merged from \(first.shard.count) shards",
                         files: files.count, to: directory, since: started, console: console)
        return 0
    }

    /// Loads the scenario `record` (a run.json or shard.json) names with its `--set` changes and
    /// checks that it is still the one that was run (SHA-256 of every file).
    static func loadScenario(_ path: String, overrides: [String], sha256: [String], what: String) throws -> ScenarioLoader.Loaded {
        let loaded = try ScenarioLoader().loadWithSources(path, overrides: overrides)
        guard loaded.sources.map({ SHA256.hex($0.text) }) == sha256 else {
            throw CommandFailure("'\(path)' (or a file it extends) is not what \(what) ran: its SHA-256 differs; use the scenario files it ran")
        }
        return loaded
    }

    /// Reads a shard's `replications.bin` into its place in `store`.
    /// - Throws: ``CommandFailure`` when the file is missing, short or long.
    static func read(_ path: String, into store: TallyStore, _ manifest: ShardManifest) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CommandFailure("cannot read '\(path)': \(String(cString: strerror(errno)).lowercased())") }
        defer { close(descriptor) }
        let range = manifest.range
        let expected = range.count * manifest.layout.recordBytes
        let read = store.read(from: descriptor, at: range.lowerBound, records: range.count)
        var extra: UInt8 = 0
        guard read == expected, Foundation.read(descriptor, &extra, 1) == 0 else {
            throw CommandFailure("'\(path)' is not the \(expected) bytes shard \(manifest.shard) should hold; the shard is damaged or incomplete: run it again")
        }
    }
}

extension SimulatedRun {
    /// A run read back from a folder `merge` wrote: its scenario (checked against run.json's
    /// SHA-256) and every replication's records from its `replications.bin`.
    /// - Throws: ``CommandFailure`` when the folder is not a merged run or its files do not match.
    init(mergedFolder folder: String) throws {
        let runJSON = RunFolder.join(folder, "run.json")
        let records = RunFolder.join(folder, ShardManifest.dataFileName)
        guard FileManager.default.fileExists(atPath: runJSON), FileManager.default.fileExists(atPath: records) else {
            throw CommandFailure("'\(folder)' is not a merged run (it needs run.json and \(ShardManifest.dataFileName), which 'sufficiency merge' writes)", status: 2)
        }
        let object = try RunFolder.readJSON(runJSON)
        guard let path = object["scenario"] as? String, let seed = (object["seed"] as? NSNumber)?.uint64Value,
              let replications = (object["replications"] as? NSNumber)?.intValue, replications >= 1 else {
            throw CommandFailure("'\(runJSON)' does not say which scenario, seed and replications were run; merge the shards again")
        }
        let overrides = object["overrides"] as? [String] ?? []
        let hashes = (object["scenario_files"] as? [[String: Any]] ?? []).map { $0["sha256"] as? String ?? "" }
        var loaded = try MergeCommand.loadScenario(path, overrides: overrides, sha256: hashes, what: "'\(folder)'")
        loaded.scenario.replications = replications
        loaded.scenario.seed = seed
        let model = CareModel(loaded.scenario)
        let store = try SimulatedRun.store(for: model, count: replications, spillDirectory: folder)
        let descriptor = open(records, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CommandFailure("cannot read '\(records)'") }
        defer { close(descriptor) }
        var extra: UInt8 = 0
        guard store.read(from: descriptor, at: 0, records: replications) == replications * store.layout.recordBytes,
              Foundation.read(descriptor, &extra, 1) == 0 else {
            throw CommandFailure("'\(records)' does not hold \(replications) replications of this scenario; merge the shards again")
        }
        self.init(path: path, overrides: overrides, loaded: loaded, threads: (object["threads"] as? NSNumber)?.intValue ?? 0,
                  projection: Projection(model: model, tallies: store),
                  wallSeconds: (object["wall_seconds"] as? NSNumber)?.doubleValue ?? 0, started: Date())
    }
}
