import CareSimulation
import Foundation
import Testing
@testable import Reports
@testable import SufficiencyCLI

/// `run --shard K/N` and `merge`: shards joined give exactly the whole run's files.
@Suite struct ShardCommandTests {
    static let medway = RunCommandTests.medway

    /// The CSVs of a run folder, by name.
    static func csvs(_ folder: URL) throws -> [String: Data] { try RunCommandTests.files(in: folder) }

    /// Runs `arguments`, requiring success.
    @discardableResult
    static func succeed(_ arguments: [String]) throws -> Captured {
        let result = runCLI(arguments)
        try #require(result.status == 0, "\(arguments.joined(separator: " ")): \(result.err)")
        return result
    }

    /// Runs shards `indices` of `count` into `folder/shard-K`, and returns their folders.
    static func shards(_ indices: [Int], of count: Int, replications: Int, in folder: URL, seed: Int = 7,
                       extra: [String] = []) throws -> [String] {
        try indices.map { k in
            let out = folder.appendingPathComponent("shard-\(k)").path
            try succeed(["run", medway, "--replications", "\(replications)", "--seed", "\(seed)", "--threads", "2",
                         "--shard", "\(k)/\(count)", "--output", out] + extra)
            return out
        }
    }

    @Test(arguments: [(3, 20), (1, 5), (4, 6), (3, 2)])
    func mergedShardsAreByteIdenticalToTheWholeRun(count: Int, replications: Int) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let whole = folder.appendingPathComponent("whole")
        try Self.succeed(["run", Self.medway, "--replications", "\(replications)", "--seed", "7", "--threads", "1",
                          "--output", whole.path])
        let shards = try Self.shards(Array(1...count), of: count, replications: replications, in: folder)
        let merged = folder.appendingPathComponent("merged")
        // Given in reverse order: merge puts them in shard order.
        let result = try Self.succeed(["merge"] + shards.reversed() + ["--output", merged.path])
        #expect(result.out.contains("merged from \(count) shards"))
        let expected = try Self.csvs(whole), actual = try Self.csvs(merged)
        #expect(expected.count == 8 && expected["measures.csv"] != nil)
        #expect(actual.keys.sorted() == expected.keys.sorted())
        for (name, data) in expected { #expect(actual[name] == data, "\(name) differs from the whole run's") }
        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: merged.appendingPathComponent("run.json"))) as? [String: Any]
        #expect(record?["replications"] as? Int == replications && record?["seed"] as? Int == 7 && record?["shards"] as? Int == count)
    }

    @Test func compareOnMergedRunsWritesWhatCompareOnTheScenariosWrites() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let variant = RunCommandTests.repo.appendingPathComponent("scenarios/medway-more-foster-carers.yaml").path
        var merged: [String] = []
        for (name, scenario) in [("medway-baseline", Self.medway), ("medway-more-foster-carers", variant)] {
            var shards: [String] = []
            for k in 1...2 {
                let out = folder.appendingPathComponent("\(name).shard-\(k)").path
                try Self.succeed(["run", scenario, "--replications", "6", "--seed", "5", "--shard", "\(k)/2", "--output", out])
                shards.append(out)
            }
            merged.append(folder.appendingPathComponent(name).path)
            try Self.succeed(["merge"] + shards + ["--output", merged.last!])
        }
        let fromRuns = folder.appendingPathComponent("from-runs"), direct = folder.appendingPathComponent("direct")
        try Self.succeed(["compare", merged[0], merged[1], "--output", fromRuns.path])
        try Self.succeed(["compare", Self.medway, variant, "--replications", "6", "--seed", "5", "--output", direct.path])
        for sub in ["medway-baseline", "medway-more-foster-carers", "medway-more-foster-carers-vs-medway-baseline"] {
            let expected = try Self.csvs(direct.appendingPathComponent(sub))
            #expect(!expected.isEmpty)
            #expect(try Self.csvs(fromRuns.appendingPathComponent(sub)) == expected, "\(sub) differs")
        }
        // Runs of different seeds are not paired.
        let other = folder.appendingPathComponent("seed-6")
        try Self.succeed(["run", variant, "--replications", "6", "--seed", "6", "--shard", "1/1", "--output", other.path + ".shard"])
        try Self.succeed(["merge", other.path + ".shard", "--output", other.path])
        let unpaired = runCLI(["compare", merged[0], other.path, "--output", folder.appendingPathComponent("x").path])
        #expect(unpaired.status == 1)
        #expect(unpaired.err == "error: '\(other.path)' was run with seed 6 and '\(merged[0])' with seed 5; a paired comparison needs one seed (common random numbers)\n")
        // A scenario base with a merged folder as the variant is said so (it was "is a directory, not a scenario file").
        let mixed = runCLI(["compare", Self.medway, merged[1], "--output", folder.appendingPathComponent("y").path])
        #expect(mixed.status == 2)
        #expect(mixed.err == "error: '\(merged[1])' is a folder, and the base '\(Self.medway)' a scenario: compare a merged run with merged runs (give the base's merged folder), or give the variant's scenario file\n")
        // run.json of a merge lists the report it wrote.
        let reported = folder.appendingPathComponent("reported").path
        try Self.succeed(["merge", other.path + ".shard", "--output", reported, "--report"])
        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: reported + "/run.json"))) as? [String: Any]
        #expect((record?["files"] as? [String])?.contains("report.html") == true)
    }

    @Test func aShardRunsItsShareOfTheReplications() {
        // ⌊(K−1)R/N⌋ ..< ⌊KR/N⌋: every replication once, shares differing by at most one.
        for replications in 0...30 {
            for count in 1...7 {
                let ranges = (1...count).map { Shard(index: $0, count: count).range(of: replications) }
                #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == replications)
                for (a, b) in zip(ranges, ranges.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
                let sizes = ranges.map(\.count)
                #expect(sizes.max()! - sizes.min()! <= 1)
            }
        }
        #expect(Shard(index: 2, count: 3).range(of: 20) == 6..<13)
    }

    @Test func missingDuplicatedAndMismatchedShardsAreNamed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shards = try Self.shards([1, 2, 3], of: 4, replications: 8, in: folder)
        let out = folder.appendingPathComponent("merged").path

        let missing = runCLI(["merge"] + shards + ["--output", out])
        #expect(missing.status == 1)
        #expect(missing.err == "\(shards[0]): error: shard 4/4 is missing; give every shard from 1/4 to 4/4\n")
        let twoMissing = runCLI(["merge", shards[1], "--output", out])
        #expect(twoMissing.err == "\(shards[1]): error: shards 1/4, 3/4, 4/4 are missing; give every shard from 1/4 to 4/4\n")

        let copy = folder.appendingPathComponent("copy-of-2").path
        try FileManager.default.copyItem(atPath: shards[1], toPath: copy)
        let duplicate = runCLI(["merge"] + shards + [copy, "--output", out])
        #expect(duplicate.status == 1)
        #expect(duplicate.err == "\(copy): error: shard 2/4 is given twice: '\(shards[1])' and '\(copy)'\n")

        let otherSeed = try Self.shards([4], of: 4, replications: 8, in: folder.appendingPathComponent("seed-8"), seed: 8)[0]
        let seed = runCLI(["merge"] + shards + [otherSeed, "--output", out])
        #expect(seed.status == 1)
        #expect(seed.err == "\(otherSeed): error: not a shard of the same run as '\(shards[0])': its seed is 8, not 7\n")

        let otherScenario = folder.appendingPathComponent("other")
        let variant = RunCommandTests.repo.appendingPathComponent("scenarios/medway-new-homes.yaml").path
        try Self.succeed(["run", variant, "--replications", "8", "--seed", "7", "--shard", "4/4", "--output", otherScenario.path])
        let scenario = runCLI(["merge"] + shards + [otherScenario.path, "--output", out])
        #expect(scenario.status == 1)
        #expect(scenario.err.hasPrefix("\(otherScenario.path): error: not a shard of the same run as '\(shards[0])': its scenario is '\(variant)', not '\(Self.medway)'"))

        let notAShard = runCLI(["merge", folder.path, "--output", out])
        #expect(notAShard.err == "\(folder.path): error: not a shard folder: no shard.json; give folders written by 'sufficiency run --shard K/N'\n")
        // Nothing was written by any of these.
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func aTruncatedShardIsRefused() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shards = try Self.shards([1, 2], of: 2, replications: 4, in: folder)
        let data = shards[1] + "/replications.bin"
        let bytes = try Data(contentsOf: URL(fileURLWithPath: data))
        try bytes.dropLast(8).write(to: URL(fileURLWithPath: data))
        let result = runCLI(["merge"] + shards + ["--output", folder.appendingPathComponent("merged").path])
        #expect(result.status == 1)
        #expect(result.err == "error: '\(data)' is not the \(bytes.count) bytes shard 2/2 should hold; the shard is damaged or incomplete: run it again\n")
    }

    @Test func aChangedScenarioFileIsRefused() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("s.yaml").path
        try FileManager.default.copyItem(atPath: Self.medway, toPath: scenario)
        let shard = folder.appendingPathComponent("s1").path
        try Self.succeed(["run", scenario, "--replications", "3", "--shard", "1/1", "--output", shard])
        try (String(contentsOfFile: scenario, encoding: .utf8) + "\n# edited\n").write(toFile: scenario, atomically: false, encoding: .utf8)
        let result = runCLI(["merge", shard, "--output", folder.appendingPathComponent("merged").path])
        #expect(result.status == 1)
        #expect(result.err == "error: '\(scenario)' (or a file it extends) is not what the shards ran: its SHA-256 differs; use the scenario files it ran\n")
    }

    @Test func shardOptionsAndSchedulerIndices() throws {
        #expect(try ShardOption.parse("2/4", environment: [:]) == Shard(index: 2, count: 4))
        // Slurm counts from the array's first index; Kubernetes and AWS Batch from 0.
        #expect(try ShardOption.parse("env/4", environment: ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_MIN": "1"]) == Shard(index: 3, count: 4))
        #expect(try ShardOption.parse("env/4", environment: ["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_MIN": "0"]) == Shard(index: 1, count: 4))
        #expect(try ShardOption.parse("env/4", environment: ["JOB_COMPLETION_INDEX": "0"]) == Shard(index: 1, count: 4))
        #expect(try ShardOption.parse("env/4", environment: ["AWS_BATCH_JOB_ARRAY_INDEX": "3"]) == Shard(index: 4, count: 4))
        for bad in ["0/4", "5/4", "2", "a/b", "2/0", "/4"] {
            #expect(throws: ArgumentError.self) { try ShardOption.parse(bad, environment: [:]) }
        }
        let none = #expect(throws: CommandFailure.self) { try ShardOption.parse("env/4", environment: [:]) }
        #expect(none?.message == "--shard env/4 takes the shard from the scheduler, but none of SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX is set; give --shard K/4")
        let outside = #expect(throws: CommandFailure.self) { try ShardOption.parse("env/4", environment: ["JOB_COMPLETION_INDEX": "4"]) }
        #expect(outside?.message == "JOB_COMPLETION_INDEX=4 makes this shard 5 of 4, which is not a shard; give the Job completions: 4")
        let result = runCLI(["run", Self.medway, "--shard", "5/4"])
        #expect(result.status == 2 && result.err.hasPrefix("error: '--shard' expects K/N with 1 ≤ K ≤ N (such as 2/4), or env/N, found '5/4'\n"))
        let report = runCLI(["run", Self.medway, "--shard", "1/4", "--report"])
        #expect(report.status == 2 && report.err == "error: --report makes no sense for one shard; give it to 'sufficiency merge'\n")
    }

    @Test func replicationsCSVSumsAgreeWithTheMeans() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let replications = 7
        let shards = try Self.shards([1, 2], of: 2, replications: replications, in: folder)
        let merged = folder.appendingPathComponent("merged")
        try Self.succeed(["merge"] + shards + ["--output", merged.path, "--replications-csv"])
        let whole = folder.appendingPathComponent("whole")
        try Self.succeed(["run", Self.medway, "--replications", "\(replications)", "--seed", "7", "--output", whole.path, "--replications-csv"])
        let csv = try Data(contentsOf: merged.appendingPathComponent("replications.csv"))
        #expect(try Data(contentsOf: whole.appendingPathComponent("replications.csv")) == csv)

        let file = try CSVReader.read(merged.appendingPathComponent("replications.csv"))
        #expect(file.columns == ["replication", "measure", "period", "placement", "flow", "age_band", "value", "months_simulated"])
        var sums: [String: Double] = [:]
        var seen = Set<String>()
        for row in file.rows {
            let key = row[1...5].joined(separator: "|")
            sums[key, default: 0] += Double(row[6])!
            seen.insert(row[0])
        }
        #expect(seen == Set((1...replications).map(String.init)))
        // Every in-care row is a bed_need.csv cell whose mean is the rows' sum over R.
        let bedNeed = try CSVReader.read(merged.appendingPathComponent("bed_need.csv"))
        var inCareChecked = 0
        for row in bedNeed.rows {
            guard let sum = sums["in care|\(row[0])|\(row[1])||\(row[2])"] else { continue }
            #expect(abs(sum / Double(replications) - Double(row[3])!) <= 0.005 + 1e-9, "\(row)")
            inCareChecked += 1
        }
        // And summed over placements and bands: the 'total | total' rows.
        for row in bedNeed.rows where row[1] == "total" && row[2] == "total" {
            let total = sums.filter { $0.key.hasPrefix("in care|\(row[0])|") }.values.reduce(0, +)
            guard total > 0 else { continue }
            #expect(abs(total / Double(replications) - Double(row[3])!) <= 0.005 + 1e-9, "\(row)")
            inCareChecked += 1
        }
        #expect(inCareChecked > 100)
        let costs = try CSVReader.read(merged.appendingPathComponent("costs.csv"))
        var costsChecked = 0
        for row in costs.rows where row[1] != "total" {
            let sum = try #require(sums["cost|\(row[0])|\(row[1])||"], "\(row)")
            // Pennies summed, against a mean in whole pounds.
            #expect(abs(sum / Double(replications) - Double(row[2])!) <= 0.5 + 0.01, "\(row)")
            costsChecked += 1
        }
        #expect(costsChecked > 50)
        let flows = try CSVReader.read(merged.appendingPathComponent("flows.csv"))
        var flowsChecked = 0
        for row in flows.rows where row[2] != "total" {
            let sum = try #require(sums["flow|\(row[0])||\(row[1])|\(row[2])"], "\(row)")
            #expect(abs(sum / Double(replications) - Double(row[3])!) <= 0.005 + 1e-9, "\(row)")
            flowsChecked += 1
        }
        #expect(flowsChecked > 20)
    }
}

@Suite struct MemoryPlanTests {
    @Test func tooManyReplicationsAreRefusedBeforeSimulatingSayingHowManyFit() {
        let message = SimulatedRun.tooLargeMessage(count: 400, recordBytes: 11 << 20, memory: 2000 << 20, disk: 1000 << 20,
                                                   spillDirectory: "output", fit: 90)
        #expect(message == "400 replications of this scenario need 4400 MB to keep their figures (11 MB each), more than fits in memory (2000 MB available) or on the disk at 'output' (1000 MB free); at most 90 replications fit: give --replications 90 or fewer, or free some disk")
    }

    @Test func aRunTooLargeForMemoryAndDiskIsRefusedBeforeSimulating() throws {
        // A 50-year horizon: 600 month ends × 24 placements × 8 bands; a million replications need
        // about 270 GB. Skipped where that much is free.
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let disk = CareSimulationProbe.freeDisk(folder.path)
        guard disk < 200 << 30 else {
            print("skipped: \(disk >> 30) GB free, too much to exceed")
            return
        }
        let out = folder.appendingPathComponent("out").path
        let result = runCLI(["run", RunCommandTests.medway, "--replications", "1000000", "--set", "horizon=50 years", "--output", out])
        #expect(result.status == 1)
        #expect(result.err.hasPrefix("error: 1000000 replications of this scenario need "), "\(result.err)")
        #expect(result.err.contains("replications fit: give --replications "))
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}

enum CareSimulationProbe {
    static func freeDisk(_ path: String) -> Int { TallyStore.freeDisk(path) ?? .max }
}
