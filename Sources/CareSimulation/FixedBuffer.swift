// Engine memory for the hot loop: buffers of plain values, read and written in place through a
// pointer.
//
// Why unsafe: a write such as `people[i].band = b` into a `ContiguousArray` stored in the engine
// checks that the array's storage is uniquely referenced (and may copy it) every time; nested
// arrays (`occupants[p].append`) check twice. Measured at ~6% of all instructions, plus the
// retains and copies that come with them.
//
// Why safe: each buffer is an ordinary copyable value holding its pointer and a `MemoryOwner`, a
// small class that frees the memory when the last copy of the buffer goes. A copy therefore
// shares the memory (like a class), and memory is never freed while any copy can still reach it.
// (An earlier version made the buffers and the engine `~Copyable`; the 6.3 compiler's `-O` builds
// freed one of that engine's arrays inside its initialiser. Nothing here depends on noncopyable
// types.) Mutable bookkeeping (a growable buffer's count and capacity) lives in the owned memory
// too, so no copy can go stale when the buffer grows. Elements are `BitwiseCopyable` (no
// references inside), so memory needs no deinitialisation. Indices are checked by `assert` in
// debug builds (where the tests run) and not in release builds, exactly as an unsafe buffer
// pointer's subscript does.

/// Frees memory when the last value that holds it goes.
final class MemoryOwner {
    private let free: () -> Void

    init(free: @escaping () -> Void) { self.free = free }

    deinit { free() }
}

/// A fixed number of values, allocated once.
struct FixedBuffer<Element: BitwiseCopyable> {
    let base: UnsafeMutablePointer<Element>
    let count: Int
    private let owner: MemoryOwner

    init(repeating value: Element, count: Int) {
        let base = UnsafeMutablePointer<Element>.allocate(capacity: Swift.max(count, 1))
        base.initialize(repeating: value, count: count)
        self.base = base
        self.count = count
        owner = MemoryOwner { base.deallocate() }
    }

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
///
/// Its elements' address, count and capacity are kept in owned memory, so every copy sees the
/// same list (the methods are `nonmutating`).
struct GrowableBuffer<Element: BitwiseCopyable> {
    private let header: UnsafeMutablePointer<RawList<Element>>
    private let owner: MemoryOwner

    init(capacity: Int = 64) {
        let header = UnsafeMutablePointer<RawList<Element>>.allocate(capacity: 1)
        header.initialize(to: RawList(capacity: capacity))
        self.header = header
        owner = MemoryOwner {
            header.pointee.deallocate()
            header.deallocate()
        }
    }

    /// The first element's address; valid until the buffer next grows.
    @inline(__always)
    var base: UnsafeMutablePointer<Element> { header.pointee.base }

    @inline(__always)
    var count: Int { header.pointee.count }

    @inline(__always)
    subscript(i: Int) -> Element {
        unsafeAddress {
            assert(i >= 0 && i < count, "index out of range")
            return UnsafePointer(header.pointee.base + i)
        }
        nonmutating unsafeMutableAddress {
            assert(i >= 0 && i < count, "index out of range")
            return header.pointee.base + i
        }
    }

    /// - Complexity: amortised O(1).
    @inline(__always)
    func append(_ value: Element) { _ = header.pointee.append(value) }

    @inline(__always)
    func popLast() -> Element? {
        guard header.pointee.count > 0 else { return nil }
        header.pointee.count -= 1
        return header.pointee.base[header.pointee.count]
    }

    func removeAll() { header.pointee.count = 0 }
}

/// The elements, count and capacity of one growable list, kept in owned memory by
/// `GrowableBuffer` and `ListArray` (which free it with `deallocate`).
struct RawList<Element: BitwiseCopyable> {
    var base: UnsafeMutablePointer<Element>
    var count = 0
    var capacity: Int

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 1)
        base = Self.allocate(self.capacity)
    }

    /// Memory for `count` elements aligned to a cache line (64 bytes), so that a 64-byte element is one line.
    private static func allocate(_ count: Int) -> UnsafeMutablePointer<Element> {
        UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Element>.stride,
                                         alignment: Swift.max(64, MemoryLayout<Element>.alignment))
            .bindMemory(to: Element.self, capacity: count)
    }

    /// Adds `value` at the end and returns its position. - Complexity: amortised O(1).
    @inline(__always)
    mutating func append(_ value: Element) -> Int {
        if count == capacity { grow() }
        (base + count).initialize(to: value)
        count += 1
        return count - 1
    }

    private mutating func grow() {
        let bigger = Self.allocate(capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        deallocate()
        base = bigger
        capacity *= 2
    }

    /// Frees the elements' memory.
    func deallocate() { UnsafeMutableRawPointer(base).deallocate() }
}
