import Dispatch
import Foundation

/// Runs a model's replications in parallel on all cores.
///
/// Replication *r* is seeded from (scenario seed, *r*) alone and writes only its own slot, so the
/// tallies — and everything computed from them in index order — are identical on 1 or N threads.
public enum MonteCarlo {
    /// Runs `replications` replications on `threads` threads; `progress` is called (from worker
    /// threads) once per finished replication.
    public static func run(
        _ model: CareModel, replications: Int, threads: Int,
        progress: (@Sendable () -> Void)? = nil
    ) -> [Tally] {
        precondition(replications >= 1 && threads >= 1)
        let slots = Slots(count: replications)
        let workers = min(threads, replications)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var engine = Engine(model: model)
            var r = worker
            while r < replications {
                slots.store(engine.run(replication: r), at: r)
                progress?()
                r += workers
            }
        }
        return slots.collect()
    }

    /// The number of threads to use by default: every core.
    public static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount }
}

/// Pre-sized result slots written by index from several threads; each slot is written once, by one thread.
private final class Slots: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Tally?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    func store(_ tally: Tally, at index: Int) { buffer[index] = tally }

    func collect() -> [Tally] { buffer.map { $0! } }
}
