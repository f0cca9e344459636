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

    /// Seed sweep over several spans (eight days each): events scheduled spans ahead, dealt into
    /// buckets when their span is reached, keep (time, order scheduled) order.
    @Test func eventsAcrossSpansKeepOrder() {
        for seed in 0..<500 {
            var rng = SplitMix64(seed: UInt64(seed))
            var queue = EventQueue(horizon: 40)
            var expected: [(Double, Int32)] = []
            var next: Int32 = 0
            func add(_ time: Double) {
                queue.schedule(at: time, .person, subject: next)
                if time < 40 { expected.append((time, next)) }
                next += 1
            }
            for _ in 0..<(rng.next() % 100) { add(Double(rng.next() % 48) + Double(rng.next() % 4) / 4) }
            var popped: [(Double, Int32)] = []
            while let e = queue.popFirst() {
                popped.append((e.time, e.subject))
                if rng.next() % 3 == 0 { add(e.time + Double(rng.next() % 80) / 4) }
            }
            expected.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
            #expect(popped.map(\.0) == expected.map(\.0) && popped.map(\.1) == expected.map(\.1), "seed \(seed)")
        }
    }

    /// Seed sweep: many events crowded into one bucket (past the insertion sort's limit), with
    /// ties, still come out in (time, order scheduled) order.
    @Test func crowdedBucketKeepsOrderScheduled() {
        for seed in 0..<200 {
            var rng = SplitMix64(seed: UInt64(seed))
            var queue = EventQueue(horizon: 4)
            var expected: [(Double, Int32)] = []
            let n = Int(rng.next() % 300)
            for k in 0..<n {
                let time = 1 + Double(rng.next() % 8) / 256  // eight distinct times, all in one bucket
                queue.schedule(at: time, .person, subject: Int32(k))
                expected.append((time, Int32(k)))
            }
            var popped: [(Double, Int32)] = []
            while let e = queue.popFirst() { popped.append((e.time, e.subject)) }
            expected.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
            #expect(popped.map(\.0) == expected.map(\.0) && popped.map(\.1) == expected.map(\.1), "seed \(seed)")
        }
    }

    /// An event's kind, subject and stamp come back as scheduled, at the extremes of their ranges.
    @Test func eventKeepsKindSubjectAndStamp() {
        let kinds: [EventKind] = [.person, .entryCandidate, .familyCandidate, .capacityChange, .carerRecruited, .carerLost]
        for kind in kinds {
            for subject in [0, 1, Event.subjectLimit - 1] {
                for stamp in [0, 1, UInt32.max] {
                    let e = Event(time: 2.5, kind: kind, subject: subject, stamp: stamp)
                    #expect(e.kind == kind && e.subject == subject && e.stamp == stamp && e.time == 2.5)
                }
            }
        }
        #expect(MemoryLayout<Event>.stride == 16)
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

    /// The look-ahead for prefetching: the next bucket's events so far (a sixteenth of a day
    /// ahead), and none when the next bucket is in a span not yet dealt (eight days).
    @Test func nextBucketShowsTheEventsAhead() {
        var queue = EventQueue(horizon: 20)
        queue.schedule(at: 1.0, .person, subject: 1)
        queue.schedule(at: 1.0 + 1.0 / 16 + 0.01, .person, subject: 3)
        queue.schedule(at: 1.0 + 1.0 / 16, .person, subject: 2)
        queue.schedule(at: 8.0 - 1.0 / 16, .person, subject: 4)
        queue.schedule(at: 8.0, .person, subject: 5)
        #expect(queue.popFirst()?.subject == 1)
        let next = queue.nextBucket()
        #expect(next?.index == 17 && next?.events.map(\.subject) == [3, 2])
        #expect(queue.popFirst()?.subject == 2)
        #expect(queue.popFirst()?.subject == 3)
        #expect(queue.popFirst()?.subject == 4)
        #expect(queue.nextBucket() == nil)
        #expect(queue.popFirst()?.subject == 5)
    }
}
