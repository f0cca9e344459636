import Foundation
import Testing
import ScenarioModel
@testable import CareSimulation

@Suite struct TallyStoreTests {
    /// Every figure of `view` equals `tally`'s.
    static func same(_ view: TallyView, _ tally: Tally) -> Bool {
        Array(view.stock) == tally.stock && Array(view.local) == tally.local && Array(view.gap) == tally.gap
            && Array(view.capacity) == tally.capacity && Array(view.flowCounts) == tally.flowCounts
            && Array(view.occupiedDays) == tally.occupiedDays && view.events == tally.events
    }

    @Test(arguments: [Int.max, 0])
    func aStoreHoldsEveryTallyExactlyInMemoryOrInAFile(memoryBudget: Int) throws {
        let model = CareModel(try ReproducibilityTests.medway())
        let tallies = MonteCarlo.run(model, replications: 6, threads: 2)
        let directory = FileManager.default.temporaryDirectory.path
        let before = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(".sufficiency-replications-") }
        let store = try TallyStore(layout: TallyStore.Layout(model), count: 6, memoryBudget: memoryBudget, spillDirectory: directory)
        // The file behind a spilled store is unlinked at once: nothing is left in the folder.
        let after = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(".sufficiency-replications-") }
        #expect(after == before)
        MonteCarlo.run(model, replications: 0..<6, threads: 2, into: store)
        for r in 0..<6 { #expect(Self.same(store[r], tallies[r]), "replication \(r)") }
        #expect(store.layout.recordBytes % 8 == 0)
    }

    @Test func aShardsStoreHoldsTheSameReplicationsAsTheWholeRun() throws {
        let model = CareModel(try ReproducibilityTests.medway())
        let tallies = MonteCarlo.run(model, replications: 7, threads: 2)
        let store = TallyStore(inMemory: TallyStore.Layout(model), count: 3)
        MonteCarlo.run(model, replications: 4..<7, threads: 2, into: store)
        for i in 0..<3 { #expect(Self.same(store[i], tallies[4 + i])) }
    }

    @Test func thePlanKeepsMemoryAndDiskWithinBudgetAndSaysHowManyFit() {
        let mb = 1 << 20
        #expect(TallyStore.plan(recordBytes: mb, count: 100, memory: 1000 * mb, disk: 10_000 * mb) == .inMemory)
        #expect(TallyStore.plan(recordBytes: mb, count: 501, memory: 1000 * mb, disk: 10_000 * mb) == .onDisk)
        // Half the memory, or nine tenths of the disk, whichever is more.
        #expect(TallyStore.plan(recordBytes: mb, count: 9001, memory: 1000 * mb, disk: 10_000 * mb) == .tooLarge(fit: 9000))
        #expect(TallyStore.plan(recordBytes: mb, count: 1_000_000, memory: 4000 * mb, disk: 1000 * mb) == .tooLarge(fit: 2000))
        #expect(TallyStore.plan(recordBytes: 1 << 40, count: 1 << 40, memory: nil, disk: nil) == .tooLarge(fit: (Int.max / 10 * 9) >> 40))
    }
}

@Suite struct AvailableMemoryTests {
    @Test func theMemoryAvailableIsReadAndNoMoreThanTheMachineHas() throws {
        guard FileManager.default.fileExists(atPath: "/proc/meminfo") else {
            print("skipped: no /proc/meminfo (not Linux)")
            return
        }
        let available = try #require(TallyStore.availableMemory())
        let total = ProcessInfo.processInfo.physicalMemory
        #expect(available > 0 && UInt64(available) <= total)
    }
}

extension AvailableMemoryTests {
    /// A made-up /proc and /sys under a temporary folder.
    static func fakeSystem(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("memory-\(UUID().uuidString)").path
        for (path, text) in files {
            let url = URL(fileURLWithPath: root + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
        }
        return root
    }

    @Test func aBatchJobsOrContainersLimitIsHeeded() throws {
        let meminfo = "MemTotal:       24000000 kB\nMemAvailable:   20000000 kB\n"
        // cgroup v2: a Slurm job's group below the root; its parent limits to 3 GB, 1 GB used.
        let v2 = try Self.fakeSystem([
            "/proc/meminfo": meminfo, "/proc/self/cgroup": "0::/slurm/job_7/step_0\n",
            "/sys/fs/cgroup/slurm/job_7/step_0/memory.max": "max\n", "/sys/fs/cgroup/slurm/job_7/step_0/memory.current": "5\n",
            "/sys/fs/cgroup/slurm/job_7/memory.max": "3221225472\n", "/sys/fs/cgroup/slurm/job_7/memory.current": "1073741824\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: v2) }
        #expect(TallyStore.availableMemory(root: v2) == 2 << 30)
        // cgroup v1: 'no limit' is written as a number near 2^63, and the machine's figure stands.
        let v1 = try Self.fakeSystem([
            "/proc/meminfo": meminfo, "/proc/self/cgroup": "4:memory:/docker/abc\n3:cpu:/\n",
            "/sys/fs/cgroup/memory/docker/abc/memory.limit_in_bytes": "9223372036854771712\n",
            "/sys/fs/cgroup/memory/docker/abc/memory.usage_in_bytes": "1000\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: v1) }
        #expect(TallyStore.availableMemory(root: v1) == 20_000_000 * 1024)
        let none = try Self.fakeSystem(["/nothing": ""])
        defer { try? FileManager.default.removeItem(atPath: none) }
        #expect(TallyStore.availableMemory(root: none) == nil)
    }
}
