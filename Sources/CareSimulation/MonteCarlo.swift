import Dispatch
import Foundation

/// Runs a model's replications in parallel on all cores.
///
/// Replication *r* is seeded from (scenario seed, *r*) alone and writes only its own slot, so the
/// tallies — and everything computed from them in index order — are identical on 1 or N threads,
/// whichever worker runs which replication.
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
        // Each worker takes the next replication not yet taken, so that no core idles at the end
        // while another still has a stride of replications left.
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var engine = Engine(model: model)
            while let r = slots.take() {
                slots.store(engine.run(replication: r), at: r)
                progress?()
            }
        }
        return slots.collect()
    }

    /// Runs replications `range` (of a run's indices: replication *r* is seeded from (seed, *r*)
    /// whatever the range) on `threads` threads, each stored into `store` at `r - range.lowerBound`
    /// as soon as it ends, so that memory holds one ``Tally`` per thread besides the store.
    public static func run(
        _ model: CareModel, replications range: Range<Int>, threads: Int, into store: TallyStore,
        progress: (@Sendable () -> Void)? = nil
    ) {
        precondition(range.lowerBound >= 0 && threads >= 1 && store.count == range.count)
        guard !range.isEmpty else { return }
        let counter = Counter(count: range.count)
        DispatchQueue.concurrentPerform(iterations: min(threads, range.count)) { _ in
            var engine = Engine(model: model)
            while let i = counter.take() {
                store.store(engine.run(replication: range.lowerBound + i), at: i)
                progress?()
            }
        }
    }

    /// The number of threads to use by default: every core.
    public static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount }
}

/// The next index for a worker to take, shared by the workers.
private final class Counter: @unchecked Sendable {
    private let count: Int
    private var taken = 0
    private let lock = NSLock()

    init(count: Int) { self.count = count }

    /// The next index, or `nil` when every one has been taken.
    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard taken < count else { return nil }
        taken += 1
        return taken - 1
    }
}

/// Pre-sized result slots written by index from several threads; each slot is written once, by
/// the one thread that took its index.
private final class Slots: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Tally?>
    /// The next index not yet taken, guarded by `lock` (`NSLock` rather than `Atomic`, which needs
    /// macOS 15; taken once per replication, so its cost is nothing).
    private var taken = 0
    private let lock = NSLock()

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    /// The next replication index for a worker, or `nil` when every one has been taken.
    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard taken < buffer.count else { return nil }
        taken += 1
        return taken - 1
    }

    func store(_ tally: Tally, at index: Int) { buffer[index] = tally }

    func collect() -> [Tally] { buffer.map { $0! } }
}
