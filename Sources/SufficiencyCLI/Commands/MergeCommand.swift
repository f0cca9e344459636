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
            loaded = try ScenarioLoader().loadWithSources(scenarioPath, overrides: first.overrides)
        } catch let error as Diagnostics where arguments.string("scenario") == nil {
            console.err(error.rendered)
            throw CommandFailure("cannot read the scenario the shards ran, '\(scenarioPath)'; give --scenario FILE if it has moved")
        }
        let hashes = loaded.sources.map { SHA256.hex($0.text) }
        guard hashes == first.sources.map(\.sha256) else {
            throw CommandFailure("'\(scenarioPath)' (or a file it extends) is not what the shards ran: its SHA-256 differs from shard.json's; merge with the scenario files the shards ran")
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
        var files = try run.write(to: staging, shards: first.shard.count)
        if arguments.flag("replications-csv") {
            try run.projection.writeReplicationsCSV(to: staging + "/replications.csv")
            files.append("replications.csv")
        }
        if arguments.flag("report") { files += try RunReport.write(folder: staging, shownAs: directory) }
        try folder?.commit()
        folder = nil
        console.out("\(run.scenario.name): \(first.replications) replications, seed \(first.seed), merged from \(first.shard.count) shards")
        console.out("")
        console.out(run.projection.summaryTable())
        console.out("")
        let seconds = (Date().timeIntervalSince(started) * 10).rounded() / 10
        console.out("wrote \(files.count) files to \(directory)/ (\(seconds) s in all)")
        return 0
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
