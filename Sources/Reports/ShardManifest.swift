import CareSimulation
import Foundation
import YAMLReader

/// Shard *K* of *N*: the *K*th share of a run's replications, for one task of an array job.
package struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// *K*, from 1.
    package var index: Int
    /// *N*.
    package var count: Int

    package init(index: Int, count: Int) {
        precondition(count >= 1 && (1...count).contains(index))
        (self.index, self.count) = (index, count)
    }

    /// The replications of `replications` this shard runs: ⌊(K−1)·R/N⌋ ..< ⌊K·R/N⌋, so that the
    /// shards together run each replication once, in shares differing by at most one.
    package func range(of replications: Int) -> Range<Int> {
        (index - 1) * replications / count ..< index * replications / count
    }

    /// `K/N`.
    package var description: String { "\(index)/\(count)" }
}

/// `shard.json`: what a shard ran — enough for `merge` to check that shards belong together and
/// to rebuild the whole run — written beside the shard's `replications.bin`.
package struct ShardManifest: Sendable {
    package static let fileName = "shard.json"
    package static let dataFileName = "replications.bin"
    /// The value of the `format` key; a merge refuses any other.
    package static let format = "sufficiency shard 1"

    package var scenarioPath: String
    package var scenarioName: String
    /// Every scenario file the run was built from, with its SHA-256.
    package var sources: [(path: String, sha256: String)]
    package var overrides: [String]
    package var seed: UInt64
    /// R, the replications of the whole run.
    package var replications: Int
    package var shard: Shard
    package var toolVersion: String
    package var layout: TallyStore.Layout
    package var events: Int
    package var threads: Int
    package var wallSeconds: Double
    package var runDate: Date

    package init(scenarioPath: String, scenarioName: String, sources: [(path: String, sha256: String)], overrides: [String],
                 seed: UInt64, replications: Int, shard: Shard, toolVersion: String, layout: TallyStore.Layout,
                 events: Int, threads: Int, wallSeconds: Double, runDate: Date) {
        self.scenarioPath = scenarioPath
        self.scenarioName = scenarioName
        self.sources = sources
        self.overrides = overrides
        self.seed = seed
        self.replications = replications
        self.shard = shard
        self.toolVersion = toolVersion
        self.layout = layout
        self.events = events
        self.threads = threads
        self.wallSeconds = wallSeconds
        self.runDate = runDate
    }

    /// The replications this shard holds.
    package var range: Range<Int> { shard.range(of: replications) }

    package var json: JSON {
        .object([
            ("format", .string(Self.format)),
            ("scenario", .string(scenarioPath)),
            ("scenario_name", .string(scenarioName)),
            ("scenario_files", .array(sources.map { .object([("path", .string($0.path)), ("sha256", .string($0.sha256))]) })),
            ("overrides", .array(overrides.map(JSON.string))),
            // A string: a seed may exceed what a JSON reader holds exactly.
            ("seed", .string(String(seed))),
            ("replications", .int(replications)),
            ("shard", .int(shard.index)),
            ("shards", .int(shard.count)),
            ("first_replication", .int(range.lowerBound)),
            ("replication_count", .int(range.count)),
            ("tool_version", .string(toolVersion)),
            ("layout", .object(layout.fields.map { ($0.0, .int($0.1)) })),
            ("record_bytes", .int(layout.recordBytes)),
            ("byte_order", .string("little-endian")),
            ("events", .int(events)),
            ("threads", .int(threads)),
            ("wall_seconds", .number((wallSeconds * 1000).rounded() / 1000)),
            ("run_date", .string(ISO8601DateFormatter().string(from: runDate))),
        ])
    }

    /// Reads `folder/shard.json`.
    /// - Throws: ``FileError`` naming the folder or file and what is wrong.
    package static func read(folder: String) throws(FileError) -> ShardManifest {
        try RunFolder.checkFolder(folder)
        let path = RunFolder.join(folder, fileName)
        guard FileManager.default.fileExists(atPath: path) else {
            throw FileError(path: folder, "not a shard folder: no \(fileName); give folders written by 'sufficiency run --shard K/N'")
        }
        let object = try RunFolder.readJSON(path)
        func text(_ key: String) throws(FileError) -> String {
            guard let value = object[key] as? String else { throw FileError(path: path, "no '\(key)'; the file is damaged") }
            return value
        }
        func int(_ key: String, in json: [String: Any]? = nil) throws(FileError) -> Int {
            guard let value = (json ?? object)[key] as? NSNumber, let int = Int(exactly: value.doubleValue) else {
                throw FileError(path: path, "no whole number '\(key)'; the file is damaged")
            }
            return int
        }
        guard (try? text("format")) == format else {
            throw FileError(path: path, "not a shard of this version of the tool (format '\((try? text("format")) ?? "none")', expected '\(format)')")
        }
        guard let seed = UInt64(try text("seed")) else { throw FileError(path: path, "the seed is not a whole number") }
        let (index, count) = (try int("shard"), try int("shards"))
        guard count >= 1, (1...count).contains(index) else { throw FileError(path: path, "shard \(index)/\(count) is not a shard") }
        guard let layoutObject = object["layout"] as? [String: Any] else { throw FileError(path: path, "no 'layout'; the file is damaged") }
        let layout = TallyStore.Layout(
            months: try int("months", in: layoutObject), providers: try int("providers", in: layoutObject),
            bands: try int("bands", in: layoutObject), years: try int("years", in: layoutObject),
            flows: try int("flows", in: layoutObject), types: try int("types", in: layoutObject))
        let sources = (object["scenario_files"] as? [[String: Any]] ?? []).map {
            (path: $0["path"] as? String ?? "", sha256: $0["sha256"] as? String ?? "")
        }
        let manifest = ShardManifest(
            scenarioPath: try text("scenario"), scenarioName: (try? text("scenario_name")) ?? "", sources: sources,
            overrides: object["overrides"] as? [String] ?? [], seed: seed, replications: try int("replications"),
            shard: Shard(index: index, count: count), toolVersion: try text("tool_version"), layout: layout,
            events: (try? int("events")) ?? 0, threads: (try? int("threads")) ?? 0,
            wallSeconds: (object["wall_seconds"] as? NSNumber)?.doubleValue ?? 0,
            runDate: (try? text("run_date")).flatMap { ISO8601DateFormatter().date(from: $0) } ?? Date(timeIntervalSince1970: 0))
        guard try int("first_replication") == manifest.range.lowerBound, try int("replication_count") == manifest.range.count,
              try int("record_bytes") == layout.recordBytes
        else {
            throw FileError(path: path, "its replication range or record size does not match shard \(manifest.shard) of \(manifest.replications); the file is damaged")
        }
        return manifest
    }

    /// Checks that shards belong to one run and that each of its shards is given exactly once,
    /// and returns them in shard order.
    /// - Throws: ``FileError`` naming the folders that disagree, any shard given twice, and
    ///   every shard missing.
    package static func checkComplete(_ shards: [(folder: String, manifest: ShardManifest)]) throws(FileError)
        -> [(folder: String, manifest: ShardManifest)] {
        guard let (firstFolder, first) = shards.first else { throw FileError(path: ".", "no shard folders given") }
        for (folder, other) in shards.dropFirst() {
            func differ(_ what: String, _ mine: String, _ theirs: String) throws(FileError) {
                guard mine != theirs else { return }
                throw FileError(path: folder, "not a shard of the same run as '\(firstFolder)': its \(what) is \(theirs), not \(mine)")
            }
            try differ("scenario", "'\(first.scenarioPath)'", "'\(other.scenarioPath)'")
            try differ("scenario files", Self.describe(first.sources), Self.describe(other.sources))
            try differ("--set changes", Self.describe(first.overrides), Self.describe(other.overrides))
            try differ("seed", String(first.seed), String(other.seed))
            try differ("number of replications", String(first.replications), String(other.replications))
            try differ("number of shards", String(first.shard.count), String(other.shard.count))
            try differ("tool version", first.toolVersion, other.toolVersion)
            try differ("layout", "\(first.layout.fields)", "\(other.layout.fields)")
        }
        var byIndex: [Int: String] = [:]
        for (folder, manifest) in shards {
            if let earlier = byIndex[manifest.shard.index] {
                throw FileError(path: folder, "shard \(manifest.shard) is given twice: '\(earlier)' and '\(folder)'")
            }
            byIndex[manifest.shard.index] = folder
        }
        let missing = (1...first.shard.count).filter { byIndex[$0] == nil }
        guard missing.isEmpty else {
            let names = missing.map { "\($0)/\(first.shard.count)" }
            throw FileError(path: firstFolder, "\(missing.count == 1 ? "shard" : "shards") \(names.joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") missing; give every shard from 1/\(first.shard.count) to \(first.shard.count)/\(first.shard.count)")
        }
        return shards.sorted { $0.manifest.shard.index < $1.manifest.shard.index }
    }

    private static func describe(_ sources: [(path: String, sha256: String)]) -> String {
        sources.map { "'\($0.path)' (SHA-256 \($0.sha256.prefix(12))…)" }.joined(separator: ", ")
    }

    private static func describe(_ overrides: [String]) -> String {
        overrides.isEmpty ? "none" : overrides.map { "'\($0)'" }.joined(separator: ", ")
    }
}
