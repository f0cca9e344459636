import Testing
@testable import CareSimulation

@Suite struct EventQueueTests {
    /// Seed sweep: random schedules always come out in (time, order scheduled) order.
    @Test func popsInTimeThenSequenceOrder() {
        for seed in 0..<2_000 {
            var rng = SplitMix64(seed: UInt64(seed))
            var queue = EventQueue(capacity: 8)
            let n = Int(rng.next() % 64)
            for k in 0..<n {
                // Coarse times so that ties are common.
                queue.schedule(at: Double(rng.next() % 8), .person, subject: Int32(k))
            }
            var last: (Double, Int32) = (-1, -1)
            for _ in 0..<n {
                let e = queue.removeFirst()
                #expect(e.time > last.0 || (e.time == last.0 && e.subject > last.1), "seed \(seed)")
                last = (e.time, e.subject)
            }
            #expect(queue.isEmpty)
        }
    }

    @Test func removeAllKeepsWorking() {
        var queue = EventQueue()
        queue.schedule(at: 2, .person, subject: 1)
        queue.removeAll()
        queue.schedule(at: 1, .person, subject: 2)
        #expect(queue.removeFirst().subject == 2)
        #expect(queue.first == nil)
    }
}
