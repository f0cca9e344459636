import Foundation
import Testing

/// deploy/local/array.sh: the shards as separate processes started at once, each told its index
/// through the environment as a scheduler tells it, then the merge, checked against a whole run.
@Suite struct ArrayJobScriptTests {
    @Test func theArrayJobScriptMergesShardsRunInParallelIntoTheWholeRun() throws {
        guard let executable = WholeOutputFolderTests.executable, FileManager.default.isExecutableFile(atPath: "/bin/bash") else {
            print("skipped: the sufficiency executable is not built, or there is no bash")
            return
        }
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = try ChildProcess(
            "/bin/bash",
            [RunCommandTests.repo.appendingPathComponent("deploy/local/array.sh").path, RunCommandTests.medway, "3",
             folder.appendingPathComponent("medway").path, "--replications", "7", "--seed", "4"],
            environment: ["SUFFICIENCY": executable, "CHECK": "1"], outputPath: folder.appendingPathComponent("output.txt").path)
        let status = process.wait()
        let text = process.output
        #expect(status == 0, "\(text)")
        #expect(text.contains("merged from 3 shards"), "\(text)")
        #expect(text.hasSuffix("merged CSVs are byte-identical to the whole run's\n"), "\(text)")
        let shards = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("medway.shards").path).sorted()
        #expect(shards == ["shard-1", "shard-2", "shard-3"])
    }
}
