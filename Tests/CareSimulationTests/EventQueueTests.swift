import Testing
@testable import CareSimulation

@Suite struct EventQueueTests {
    /// Seed sweep: random schedules — including events added to the day being served — always
    /// come out in (time, order scheduled) order, and nothing at or past the horizon comes out.
    @Test func popsInTimeThenSequenceOrder() {
        for seed in 0..<2_000 {
            var rng = SplitMix64(seed: UInt64(seed))
            var queue = EventQueue(horizon: 8)
            var expected: [(Double, UInt64)] = []
            var sequence: UInt64 = 0
            func add(_ time: Double) {
                queue.schedule(at: time, .person, subject: Int32(sequence))
                if time < 8 { expected.append((time, sequence)) }
                sequence += 1
            }
            for _ in 0..<(rng.next() % 64) { add(Double(rng.next() % 10) + (rng.next() % 2 == 0 ? 0 : 0.5)) }
            var popped: [(Double, UInt64)] = []
            while let e = queue.popFirst() {
                popped.append((e.time, UInt64(e.subject)))
                // Now and then, schedule more at or after the current time, often on the same day.
                if rng.next() % 4 == 0 { add(e.time + Double(rng.next() % 3) * 0.25) }
            }
            expected.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
            #expect(popped.map(\.0) == expected.map(\.0) && popped.map(\.1) == expected.map(\.1), "seed \(seed)")
        }
    }

    @Test func removeAllStartsAgain() {
        var queue = EventQueue(horizon: 10)
        queue.schedule(at: 2, .person, subject: 1)
        _ = queue.popFirst()
        queue.schedule(at: 5, .person, subject: 3)
        queue.removeAll()
        queue.schedule(at: 1, .person, subject: 2)
        #expect(queue.popFirst()?.subject == 2)
        #expect(queue.popFirst() == nil)
    }
}
