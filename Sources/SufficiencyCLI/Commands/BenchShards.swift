import CareSimulation
import Foundation
import Reports
import ScenarioModel

/// `sufficiency bench --case england-shards`: the England-size case as an array job on this
/// machine — N shard processes started at once, then the merge in a process of its own — timed
/// against one whole run (simulation and tables in both), with the merge's peak memory.
enum BenchShards {
    /// The whole comparison, as one JSON line.
    static func compare(_ england: Scenario, scenarioPath: String, shards: Int, threads: Int) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-shards-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let common = ["bench", "--scenario", scenarioPath, "--replications", "\(england.replications)", "--shards", "\(shards)"]
        // Each shard gets an equal part of the threads, at least one, as a scheduler would give.
        let perShard = max(1, threads / shards)
        let started = Date()
        let children = try (1...shards).map { k in
            try spawn(common + ["--case", "england-shard", "--shard", "\(k)/\(shards)", "--threads", "\(perShard)",
                                "--output", "\(folder)/shard-\(k)"])
        }
        for child in children { try finish(child) }
        let shardSeconds = Date().timeIntervalSince(started)
        let merge = try spawn(common + ["--case", "england-merge", "--output", folder])
        let mergeLine = try finish(merge)
        let shardedSeconds = Date().timeIntervalSince(started)
        let mergeRecord = (try? JSONSerialization.jsonObject(with: Data(mergeLine.utf8))) as? [String: Any] ?? [:]

        let wholeStarted = Date()
        let model = CareModel(england)
        let store = TallyStore(inMemory: TallyStore.Layout(model), count: england.replications)
        MonteCarlo.run(model, replications: 0..<england.replications, threads: threads, into: store)
        let wholeFiles = Projection(model: model, tallies: store).csvFiles()
        let wholeSeconds = Date().timeIntervalSince(wholeStarted)
        let identical = try wholeFiles.allSatisfy { file in
            try Data(contentsOf: URL(fileURLWithPath: "\(folder)/merged/\(file.name)")) == Data(file.contents.utf8)
        }
        return BenchCommand.line([
            ("name", .string("england-shards")), ("replications", .int(england.replications)), ("shards", .int(shards)),
            ("threads", .int(threads)), ("threads_per_shard", .int(perShard)),
            ("shards_wall_seconds", .number(BenchCommand.rounded(shardSeconds))),
            ("merge_wall_seconds", .number(BenchCommand.rounded(shardedSeconds - shardSeconds))),
            ("sharded_wall_seconds", .number(BenchCommand.rounded(shardedSeconds))),
            ("whole_wall_seconds", .number(BenchCommand.rounded(wholeSeconds))),
            ("sharded_over_whole", .number((shardedSeconds / wholeSeconds * 1000).rounded() / 1000)),
            ("merge_peak_rss_mb", .number((mergeRecord["peak_rss_mb"] as? NSNumber)?.doubleValue ?? 0)),
            ("csvs_identical", .bool(identical)),
        ])
    }

    /// One shard's process: simulates it and writes its records and manifest.
    static func runShard(_ england: Scenario, shard: Shard, threads: Int, folder: String) throws -> String {
        let model = CareModel(england)
        let range = shard.range(of: england.replications)
        let store = TallyStore(inMemory: TallyStore.Layout(model), count: range.count)
        let started = Date()
        MonteCarlo.run(model, replications: range, threads: threads, into: store)
        try OutputDirectory(path: folder).write([])
        let data = try ExclusiveFile(path: folder + "/" + ShardManifest.dataFileName)
        try store.withRecordBytes(0..<store.count) { bytes throws in try data.write(bytes) }
        try data.close()
        let manifest = ShardManifest(
            scenarioPath: "bench: \(england.name)", scenarioName: england.name, sources: [], overrides: [], seed: england.seed,
            replications: england.replications, shard: shard, toolVersion: CLI.version, layout: store.layout,
            events: store.reduce(0) { $0 + $1.events }, threads: threads, wallSeconds: Date().timeIntervalSince(started), runDate: started)
        try OutputDirectory(path: folder).write([(ShardManifest.fileName, manifest.json.rendered() + "\n")])
        return BenchCommand.line([("name", .string("england-shard")), ("shard", .string(shard.description)),
                                  ("peak_rss_mb", .number(BenchCommand.peakRSSMegabytes()))])
    }

    /// The merge's process: reads the shards under `folder`, builds every table and writes them
    /// to `folder/merged`.
    static func merge(_ england: Scenario, shards count: Int, folder: String) throws -> String {
        var shards: [(folder: String, manifest: ShardManifest)] = []
        for k in 1...count { shards.append(("\(folder)/shard-\(k)", try ShardManifest.read(folder: "\(folder)/shard-\(k)"))) }
        shards = try ShardManifest.checkComplete(shards)
        let model = CareModel(england)
        let store = TallyStore(inMemory: TallyStore.Layout(model), count: england.replications)
        for (shardFolder, manifest) in shards {
            try MergeCommand.read(shardFolder + "/" + ShardManifest.dataFileName, into: store, manifest)
        }
        try OutputDirectory(path: folder + "/merged").write(Projection(model: model, tallies: store).csvFiles())
        return BenchCommand.line([("name", .string("england-merge")), ("peak_rss_mb", .number(BenchCommand.peakRSSMegabytes()))])
    }

    /// Starts this executable with `arguments`, its output captured.
    private static func spawn(_ arguments: [String]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        return (process, pipe)
    }

    /// Waits for a process and returns its last line of output.
    /// - Throws: ``CommandFailure`` if it failed.
    @discardableResult
    private static func finish(_ child: (Process, Pipe)) throws -> String {
        let output = child.1.fileHandleForReading.readDataToEndOfFile()
        child.0.waitUntilExit()
        guard child.0.terminationStatus == 0 else {
            throw CommandFailure("a bench process failed: \(child.0.arguments?.joined(separator: " ") ?? "")")
        }
        return String(decoding: output, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
    }
}
