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

/// One scheduled event: ordered by time, then by the order it was scheduled in (deterministic ties).
public struct Event: Sendable, BitwiseCopyable {
    public var time: Double
    public var sequence: UInt64
    public var kind: EventKind
    /// The person, age band, capacity change or provider the event is about.
    public var subject: Int32
    /// For person and attrition events: the version when scheduled; a stale event is skipped.
    public var stamp: UInt32

    @inline(__always)
    static func precedes(_ a: Event, _ b: Event) -> Bool {
        a.time < b.time || (a.time == b.time && a.sequence < b.sequence)
    }
}

/// A calendar queue (Brown 1988) with a bucket per sixteenth of a simulated day, for a fixed horizon.
///
/// Scheduling appends to the event's bucket; a bucket is sorted by (time, sequence) once,
/// when the simulation reaches it. The order events come out in is exactly that of any priority
/// queue on (time, sequence), so results do not depend on the queue; but the cost per event is
/// O(1) plus a sort of a bucket's few dozen events (a sixteenth of a day, measured best of 1–32
/// per day: the sort is an insertion sort and few events land in the bucket being served), where a
/// binary heap over 80,000 pending events costs ~17 cache-missing levels per operation. Buckets keep their capacity across
/// `removeAll`, so a replication that reuses the queue allocates nothing.
///
/// Noncopyable: its buckets are engine-style owned unsafe lists (`ListArray`), written without
/// the uniqueness checks of nested arrays.
public struct EventQueue: ~Copyable {
    private let buckets: ListArray<Event>
    /// Buckets per day; a power of two, so that `time * bucketsPerDay` is exact and bucket order is time order.
    static let bucketsPerDay = 16.0
    /// The bucket being served, whether it is sorted yet, and the next event in it.
    private var bucket = 0
    private var bucketSorted = false
    private var cursor = 0
    private var nextSequence: UInt64 = 0
    /// Events scheduled for the bucket being served after it was sorted: a small binary heap.
    private var late = GrowableBuffer<Event>(capacity: 64)
    /// Events at or after this time are not kept.
    public let horizon: Double

    /// A queue for events in [0, `horizon`) days.
    public init(horizon: Double) {
        self.horizon = horizon
        buckets = ListArray(count: max(1, Int((horizon * Self.bucketsPerDay).rounded(.up))))
    }

    /// Empties the queue, keeping its capacity, and restarts the tie-breaking sequence.
    public mutating func removeAll() {
        buckets.removeAll()
        late.removeAll()
        bucket = 0
        bucketSorted = false
        cursor = 0
        nextSequence = 0
    }

    /// Schedules an event; one at or after the horizon is dropped, one before the current time is
    /// a programming error. - Complexity: O(1), or O(*k*) for *k* events left in the current bucket.
    @inline(__always)
    public mutating func schedule(at time: Double, _ kind: EventKind, subject: Int32, stamp: UInt32 = 0) {
        guard time < horizon else { return }
        let event = Event(time: time, sequence: nextSequence, kind: kind, subject: subject, stamp: stamp)
        nextSequence &+= 1
        let d = max(0, Int(time * Self.bucketsPerDay))
        precondition(d >= bucket, "an event scheduled in the past")
        if d == bucket && bucketSorted { pushLate(event) } else { _ = buckets.append(d, event) }
    }

    /// Removes and returns the earliest event, or `nil` when none is left before the horizon.
    /// - Complexity: amortised O(log *k*) for *k* events in a bucket (the bucket's sort).
    @inline(__always)
    public mutating func popFirst() -> Event? {
        while bucket < buckets.listCount {
            if !bucketSorted {
                if buckets.count(bucket) > 1 {
                    var events = buckets.elements(bucket)
                    events.sort(by: Event.precedes)
                }
                bucketSorted = true
                cursor = 0
            }
            let sortedLeft = cursor < buckets.count(bucket)
            if late.count > 0 && (!sortedLeft || Event.precedes(late[0], buckets.element(bucket, cursor))) { return popLate() }
            if sortedLeft {
                cursor += 1
                return buckets.element(bucket, cursor - 1)
            }
            buckets.removeAll(bucket)
            bucket += 1
            bucketSorted = false
        }
        return nil
    }

    // MARK: The heap of late arrivals for the current bucket

    private mutating func pushLate(_ event: Event) {
        late.append(event)
        let heap = late.base
        var hole = late.count - 1
        while hole > 0 {
            let parent = (hole - 1) / 2
            guard Event.precedes(event, heap[parent]) else { break }
            heap[hole] = heap[parent]
            hole = parent
        }
        heap[hole] = event
    }

    private mutating func popLate() -> Event {
        let top = late[0]
        let last = late.popLast()!
        let n = late.count
        if n == 0 { return top }
        let heap = late.base
        var hole = 0
        while true {
            var child = 2 * hole + 1
            if child >= n { break }
            if child + 1 < n && Event.precedes(heap[child + 1], heap[child]) { child += 1 }
            guard Event.precedes(heap[child], last) else { break }
            heap[hole] = heap[child]
            hole = child
        }
        heap[hole] = last
        return top
    }
}
