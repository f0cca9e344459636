import Foundation
import Reports

/// Reads `--shard K/N`, or `--shard env/N` with K taken from a batch scheduler's array index.
///
/// The schedulers count differently; each is mapped so that the first task is shard 1:
/// - Slurm (`sbatch --array=1-N`, or any range): K = `SLURM_ARRAY_TASK_ID` − `SLURM_ARRAY_TASK_MIN` + 1
///   (`SLURM_ARRAY_TASK_MIN` taken as 1 when absent);
/// - Kubernetes Indexed Job: K = `JOB_COMPLETION_INDEX` + 1 (it counts from 0);
/// - AWS Batch array job: K = `AWS_BATCH_JOB_ARRAY_INDEX` + 1 (it counts from 0).
/// The first of these that is set is used.
enum ShardOption {
    /// The environment variables read for `env/N`, in the order they are tried.
    static let variables = ["SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX"]

    /// The shard `text` names, reading `environment` for `env/N`.
    /// - Throws: ``ArgumentError`` for text that is not `K/N` or `env/N` with 1 ≤ K ≤ N;
    ///   ``CommandFailure`` (status 2) when `env/N` finds no index or one out of range.
    static func parse(_ text: String, environment: [String: String]) throws -> Shard {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        let expected = "K/N with 1 ≤ K ≤ N (such as 2/4), or env/N"
        guard parts.count == 2, let count = Int(parts[1]), (1...100_000).contains(count) else {
            throw ArgumentError(.invalidValue(option: "--shard", expected: expected, found: text))
        }
        if parts[0] == "env" {
            return Shard(index: try index(environment, count: count), count: count)
        }
        guard let index = Int(parts[0]), (1...count).contains(index) else {
            throw ArgumentError(.invalidValue(option: "--shard", expected: expected, found: text))
        }
        return Shard(index: index, count: count)
    }

    /// K from the first scheduler variable set.
    private static func index(_ environment: [String: String], count: Int) throws -> Int {
        guard let name = variables.first(where: { environment[$0] != nil }), let value = environment[name] else {
            throw CommandFailure("--shard env/\(count) takes the shard from the scheduler, but none of \(variables.joined(separator: ", ")) is set; give --shard K/\(count)", status: 2)
        }
        guard let raw = Int(value.trimmingCharacters(in: .whitespaces)) else {
            throw CommandFailure("\(name) is '\(value)', not a whole number", status: 2)
        }
        let index: Int
        var hint = ""
        if name == "SLURM_ARRAY_TASK_ID" {
            let first = environment["SLURM_ARRAY_TASK_MIN"].flatMap { Int($0) } ?? 1
            index = raw - first + 1
            hint = "; submit with sbatch --array=1-\(count)"
        } else {
            index = raw + 1
            hint = name == "JOB_COMPLETION_INDEX" ? "; give the Job completions: \(count)" : "; give the array job size \(count)"
        }
        guard (1...count).contains(index) else {
            throw CommandFailure("\(name)=\(value) makes this shard \(index) of \(count), which is not a shard\(hint)", status: 2)
        }
        return index
    }
}
