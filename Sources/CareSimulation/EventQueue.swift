/// What happens at an event. Events are plain values dispatched by `switch`; no closures.
public enum EventKind: UInt8, Sendable, BitwiseCopyable {
    /// A person's own next event (a move, a birthday that changes band, leaving care, the end of
    /// support): which one is decided when it fires.
    case person
    /// A candidate entry into care in one age band (thinned to the time-varying rate).
    case entryCandidate
    /// A candidate parent-and-child arrival.
    case familyCandidate
    /// A dated change in a provider's places.
    case capacityChange
    /// A foster household recruited or lost for an in-house fostering provider.
    case carerRecruited, carerLost
}

/// One scheduled event, in 16 bytes: its time, and its kind, subject and stamp packed in one word.
///
/// Events carry no sequence number: ties are broken by the order events were scheduled in, which
/// the queue keeps by position (see `EventQueue`). Sixteen bytes rather than 32 halve the memory
/// the queue's ~80,000 pending events of an England-size run sweep through.
public struct Event: Sendable, BitwiseCopyable {
    public let time: Double
    /// `kind << 60 | subject << 32 | stamp`.
    private let packed: UInt64

    /// Subjects (people, bands, providers, changes) must be below this.
    static let subjectLimit: Int32 = 1 << 28

    init(time: Double, kind: EventKind, subject: Int32, stamp: UInt32) {
        precondition(subject >= 0 && subject < Self.subjectLimit, "an event's subject out of range")
        self.time = time
        packed = UInt64(kind.rawValue) << 60 | UInt64(subject) << 32 | UInt64(stamp)
    }

    /// What happens.
    @inline(__always)
    public var kind: EventKind { EventKind(rawValue: UInt8(truncatingIfNeeded: packed >> 60))! }
    /// The person, age band, capacity change or provider the event is about.
    @inline(__always)
    public var subject: Int32 { Int32(truncatingIfNeeded: (packed >> 32) & 0x0FFF_FFFF) }
    /// For person and attrition events: the version when scheduled; a stale event is skipped.
    @inline(__always)
    public var stamp: UInt32 { UInt32(truncatingIfNeeded: packed) }
}

/// An event scheduled for the bucket being served after it was sorted, with the order it arrived
/// in, for ties within `EventQueue`'s heap of late arrivals. (Internal, not a private nested type:
/// a private type in a generic buffer of another file crashed the 6.3 compiler in debug builds.)
struct LateEvent: BitwiseCopyable {
    var event: Event
    var sequence: UInt64

    @inline(__always)
    static func precedes(_ a: LateEvent, _ b: LateEvent) -> Bool {
        a.event.time < b.event.time || (a.event.time == b.event.time && a.sequence < b.sequence)
    }
}

/// A calendar queue (Brown 1988) with a bucket per sixteenth of a simulated day, for a fixed horizon.
///
/// Scheduling appends to the event's bucket; a bucket is sorted by time once, when the simulation
/// reaches it. Events come out in exactly the order of any priority queue on (time, order
/// scheduled), so results do not depend on the queue: a bucket's events are appended in the order
/// they are scheduled and its sort is stable, so ties keep that order without a sequence number.
/// The cost per event is O(1) plus a sort of a bucket's few dozen events (a sixteenth of a day,
/// measured best of 1–32 per day), where a binary heap over 80,000 pending events costs ~17
/// cache-missing levels per operation.
///
/// Two levels, for the caches: an event more than a span (eight days) ahead is appended to its
/// span's list, and a span's events are dealt into its buckets, in order, when the simulation
/// reaches it. So scheduling writes to the ends of a few hundred span lists and to the buckets of
/// the current span (a ring reused span after span), all of which stay in cache, rather than to any
/// of 29,000 buckets five years long (measured: a cache miss on nearly every event scheduled).
/// Lists keep their capacity across `removeAll`, so a replication that reuses the queue allocates nothing.
///
/// Its lists are engine-style owned unsafe lists (`ListArray`), written without the uniqueness
/// checks of nested arrays; a copy of a queue shares them, so a queue is used by one owner.
public struct EventQueue {
    /// Buckets per day; a power of two, so that `time * bucketsPerDay` is exact and bucket order is time order.
    static let bucketsPerDay = 16.0
    /// Buckets per span is `1 << spanShift` (eight days).
    static let spanShift = 7
    private static let ringMask = (1 << spanShift) - 1
    /// Events of spans not yet reached, by span.
    private let spans: ListArray<Event>
    /// The buckets of the span being served: bucket *b* is list `b & ringMask`.
    private let ring: ListArray<Event>
    private let bucketCount: Int
    /// The span whose events have been dealt into the ring (−1 before the first).
    private var spanServed = -1
    /// The bucket being served, whether it is sorted yet, and the next event in it.
    private(set) var bucket = 0
    private var bucketSorted = false
    private var cursor = 0
    /// Events scheduled for the bucket being served after it was sorted: a small binary heap on
    /// (time, order pushed). Every one was scheduled after every event in the sorted bucket.
    private let late = GrowableBuffer<LateEvent>(capacity: 64)
    private var lateSequence: UInt64 = 0
    /// Events at or after this time are not kept.
    public let horizon: Double

    /// A queue for events in [0, `horizon`) days.
    public init(horizon: Double) {
        self.horizon = horizon
        bucketCount = max(1, Int((horizon * Self.bucketsPerDay).rounded(.up)))
        spans = ListArray(count: (bucketCount >> Self.spanShift) + 1)
        ring = ListArray(count: 1 << Self.spanShift)
    }

    /// Empties the queue, keeping its capacity.
    public mutating func removeAll() {
        spans.removeAll()
        ring.removeAll()
        late.removeAll()
        spanServed = -1
        bucket = 0
        bucketSorted = false
        cursor = 0
        lateSequence = 0
    }

    @inline(__always)
    private static func bucket(of time: Double) -> Int { max(0, Int(time * bucketsPerDay)) }

    /// Schedules an event; one at or after the horizon is dropped, one before the current time is
    /// a programming error. - Complexity: O(1), or O(log *k*) for *k* late events in the current bucket.
    @inline(__always)
    public mutating func schedule(at time: Double, _ kind: EventKind, subject: Int32, stamp: UInt32 = 0) {
        guard time < horizon else { return }
        let event = Event(time: time, kind: kind, subject: subject, stamp: stamp)
        let d = Self.bucket(of: time)
        precondition(d >= bucket, "an event scheduled in the past")
        if d >> Self.spanShift != spanServed {
            _ = spans.append(d >> Self.spanShift, event)
        } else if d == bucket && bucketSorted {
            pushLate(event)
        } else {
            _ = ring.append(d & Self.ringMask, event)
        }
    }

    /// Removes and returns the earliest event, or `nil` when none is left before the horizon.
    /// - Complexity: amortised O(*k*) for *k* events in a bucket (its insertion sort; nearly sorted in practice).
    @inline(__always)
    public mutating func popFirst() -> Event? {
        while bucket < bucketCount {
            let list = bucket & Self.ringMask
            if !bucketSorted {
                if bucket >> Self.spanShift != spanServed { deal(span: bucket >> Self.spanShift) }
                Self.sortByTime(ring.elements(list))
                bucketSorted = true
                cursor = 0
            }
            let sortedLeft = cursor < ring.count(list)
            // A late event goes first only when strictly earlier: on a tie, the bucket's was scheduled first.
            if late.count > 0 && (!sortedLeft || late[0].event.time < ring.element(list, cursor).time) {
                return popLate()
            }
            if sortedLeft {
                cursor += 1
                return ring.element(list, cursor - 1)
            }
            ring.removeAll(list)
            bucket += 1
            bucketSorted = false
        }
        return nil
    }

    /// Deals a span's events into the ring's (empty) buckets, in the order they were scheduled.
    private mutating func deal(span: Int) {
        for event in UnsafeBufferPointer(spans.elements(span)) {
            _ = ring.append(Self.bucket(of: event.time) & Self.ringMask, event)
        }
        spans.removeAll(span)
        spanServed = span
    }

    /// The sorted events of the bucket being served still to come (late arrivals aside), for
    /// looking ahead; valid until the queue next changes.
    func comingInBucket() -> UnsafeBufferPointer<Event> {
        guard bucket < bucketCount && bucketSorted else { return UnsafeBufferPointer(start: nil, count: 0) }
        let events = ring.elements(bucket & Self.ringMask)
        return UnsafeBufferPointer(rebasing: events[min(cursor, events.count)...])
    }

    /// The bucket after the one being served and the events scheduled for it so far, unsorted, if
    /// its span has been dealt into the ring; valid until the queue next changes.
    func nextBucket() -> (index: Int, events: UnsafeBufferPointer<Event>)? {
        let next = bucket + 1
        guard next < bucketCount && next >> Self.spanShift == spanServed else { return nil }
        return (next, UnsafeBufferPointer(ring.elements(next & Self.ringMask)))
    }

    /// Sorts events by time, keeping the order of equal times (stable): an insertion sort for a
    /// bucket's usual few dozen events, or the hundred or so at the start of a day (birthdays,
    /// nearly all at the same time, so nearly sorted); the standard library's stable sort for more.
    private static func sortByTime(_ events: UnsafeMutableBufferPointer<Event>) {
        let n = events.count
        guard n > 1 else { return }
        guard n <= 256 else {
            var all = events
            all.sort { $0.time < $1.time }  // documented stable
            return
        }
        let base = events.baseAddress!
        for j in 1..<n {
            let event = base[j]
            var hole = j
            while hole > 0 && event.time < base[hole - 1].time {
                base[hole] = base[hole - 1]
                hole -= 1
            }
            base[hole] = event
        }
    }

    // MARK: The heap of late arrivals for the current bucket

    private mutating func pushLate(_ event: Event) {
        let entry = LateEvent(event: event, sequence: lateSequence)
        lateSequence &+= 1
        late.append(entry)
        let heap = late.base
        var hole = late.count - 1
        while hole > 0 {
            let parent = (hole - 1) / 2
            guard LateEvent.precedes(entry, heap[parent]) else { break }
            heap[hole] = heap[parent]
            hole = parent
        }
        heap[hole] = entry
    }

    private mutating func popLate() -> Event {
        let top = late[0].event
        let last = late.popLast()!
        let n = late.count
        if n == 0 { return top }
        let heap = late.base
        var hole = 0
        while true {
            var child = 2 * hole + 1
            if child >= n { break }
            if child + 1 < n && LateEvent.precedes(heap[child + 1], heap[child]) { child += 1 }
            guard LateEvent.precedes(heap[child], last) else { break }
            heap[hole] = heap[child]
            hole = child
        }
        heap[hole] = last
        return top
    }
}
