/// What happens at an event. Events are plain values dispatched by `switch`; no closures.
public enum EventKind: UInt8, Sendable {
    /// A person's own next event (a move, leaving care, the end of support): decided when it fires.
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
public struct Event: Sendable {
    public var time: Double
    public var sequence: UInt64
    public var kind: EventKind
    /// The person, age band, capacity change or provider the event is about.
    public var subject: Int32
    /// For person events: the person's version when scheduled; a stale event is skipped.
    public var stamp: UInt32

    @inline(__always)
    static func precedes(_ a: Event, _ b: Event) -> Bool {
        a.time < b.time || (a.time == b.time && a.sequence < b.sequence)
    }
}

/// A binary min-heap of events over a `ContiguousArray`, moving values into the hole rather than
/// swapping (as swift-collections' `Heap` does). Capacity is kept across `removeAll`, so a
/// replication that reuses the queue allocates nothing.
public struct EventQueue: Sendable {
    private var storage: ContiguousArray<Event> = []
    private var nextSequence: UInt64 = 0

    public init(capacity: Int = 1024) { storage.reserveCapacity(capacity) }

    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.isEmpty }

    /// The earliest event, if any. - Complexity: O(1).
    @inline(__always)
    public var first: Event? { storage.first }

    /// Empties the queue, keeping its capacity, and restarts the tie-breaking sequence.
    public mutating func removeAll() {
        storage.removeAll(keepingCapacity: true)
        nextSequence = 0
    }

    /// Schedules an event. - Complexity: O(log *n*).
    @inline(__always)
    public mutating func schedule(at time: Double, _ kind: EventKind, subject: Int32, stamp: UInt32 = 0) {
        let event = Event(time: time, sequence: nextSequence, kind: kind, subject: subject, stamp: stamp)
        nextSequence &+= 1
        storage.append(event)
        storage.withUnsafeMutableBufferPointer { heap in
            var hole = heap.count - 1
            while hole > 0 {
                let parent = (hole - 1) / 2
                guard Event.precedes(event, heap[parent]) else { break }
                heap[hole] = heap[parent]
                hole = parent
            }
            heap[hole] = event
        }
    }

    /// Removes and returns the earliest event. - Complexity: O(log *n*).
    @inline(__always)
    public mutating func removeFirst() -> Event {
        let top = storage[0]
        let last = storage.removeLast()
        if storage.isEmpty { return top }
        storage.withUnsafeMutableBufferPointer { heap in
            let n = heap.count
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
        }
        return top
    }
}
