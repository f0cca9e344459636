// Engine-owned memory for the hot loop: noncopyable buffers of plain values, read and written in
// place through a pointer.
//
// Why unsafe: a write such as `people[i].band = b` into a `ContiguousArray` stored in the engine
// checks that the array's storage is uniquely referenced (and may copy it) every time; nested
// arrays (`occupants[p].append`) check twice. Measured at ~6% of all instructions, plus the
// retains and copies that come with them.
//
// Why safe: each buffer is `~Copyable`, so exactly one value owns its memory and frees it in
// `deinit`; no copy can alias it, and the engine that holds it is itself noncopyable. Elements are
// `BitwiseCopyable` (no references inside), so memory needs no deinitialisation. Indices are
// checked by `assert` in debug builds (where the tests run) and not in release builds, exactly
// as an unsafe buffer pointer's subscript does.

/// A fixed number of values, allocated once.
struct FixedBuffer<Element: BitwiseCopyable>: ~Copyable {
    let base: UnsafeMutablePointer<Element>
    let count: Int

    init(repeating value: Element, count: Int) {
        base = .allocate(capacity: Swift.max(count, 1))
        base.initialize(repeating: value, count: count)
        self.count = count
    }

    deinit { base.deallocate() }

    @inline(__always)
    subscript(i: Int) -> Element {
        unsafeAddress {
            assert(i >= 0 && i < count, "index out of range")
            return UnsafePointer(base + i)
        }
        nonmutating unsafeMutableAddress {
            assert(i >= 0 && i < count, "index out of range")
            return base + i
        }
    }

    /// Sets every element to `value`.
    func fill(_ value: Element) { base.update(repeating: value, count: count) }

    /// The values as an array.
    var array: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }
}

/// A growable list of values that keeps its capacity when emptied (like `removeAll(keepingCapacity:)`).
struct GrowableBuffer<Element: BitwiseCopyable>: ~Copyable {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 64) {
        self.capacity = Swift.max(capacity, 1)
        base = Self.allocate(self.capacity)
    }

    /// Memory for `count` elements aligned to a cache line (64 bytes), so that a 64-byte element is one line.
    private static func allocate(_ count: Int) -> UnsafeMutablePointer<Element> {
        UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Element>.stride,
                                         alignment: Swift.max(64, MemoryLayout<Element>.alignment))
            .bindMemory(to: Element.self, capacity: count)
    }

    deinit { UnsafeMutableRawPointer(base).deallocate() }

    @inline(__always)
    subscript(i: Int) -> Element {
        unsafeAddress {
            assert(i >= 0 && i < count, "index out of range")
            return UnsafePointer(base + i)
        }
        nonmutating unsafeMutableAddress {
            assert(i >= 0 && i < count, "index out of range")
            return base + i
        }
    }

    /// - Complexity: amortised O(1).
    @inline(__always)
    mutating func append(_ value: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: value)
        count += 1
    }

    @inline(__always)
    mutating func popLast() -> Element? {
        guard count > 0 else { return nil }
        count -= 1
        return base[count]
    }

    mutating func removeAll() { count = 0 }

    private mutating func grow() {
        let bigger = Self.allocate(capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        UnsafeMutableRawPointer(base).deallocate()
        base = bigger
        capacity *= 2
    }
}
