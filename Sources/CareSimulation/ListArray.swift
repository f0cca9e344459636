/// A fixed number of growable lists of plain values: the occupants of each provider, the events
/// of each bucket of the event queue. Each list keeps its capacity when emptied.
///
/// See `FixedBuffer.swift` for why the engine keeps its hot state in unsafe memory and why that
/// is safe: copies share the lists, which are freed when the last copy goes; indices are checked
/// by `assert` in debug builds.
struct ListArray<Element: BitwiseCopyable> {
    private let lists: UnsafeMutablePointer<RawList<Element>>
    let listCount: Int
    private let owner: MemoryOwner

    /// `count` empty lists, each with room for a few elements.
    init(count: Int) {
        let lists = UnsafeMutablePointer<RawList<Element>>.allocate(capacity: Swift.max(count, 1))
        for k in 0..<count { (lists + k).initialize(to: RawList(capacity: 4)) }
        self.lists = lists
        listCount = count
        owner = MemoryOwner {
            for k in 0..<count { lists[k].deallocate() }
            lists.deallocate()
        }
    }

    /// How many elements list `k` has.
    @inline(__always)
    func count(_ k: Int) -> Int {
        assert(k >= 0 && k < listCount, "index out of range")
        return lists[k].count
    }

    /// Element `j` of list `k`.
    @inline(__always)
    func element(_ k: Int, _ j: Int) -> Element {
        assert(k >= 0 && k < listCount && j >= 0 && j < lists[k].count, "index out of range")
        return lists[k].base[j]
    }

    /// List `k`'s elements, for sorting in place (valid until the list next grows).
    @inline(__always)
    func elements(_ k: Int) -> UnsafeMutableBufferPointer<Element> {
        assert(k >= 0 && k < listCount, "index out of range")
        return UnsafeMutableBufferPointer(start: lists[k].base, count: lists[k].count)
    }

    /// Adds `value` to list `k` and returns its position. - Complexity: amortised O(1).
    @inline(__always)
    func append(_ k: Int, _ value: Element) -> Int {
        assert(k >= 0 && k < listCount, "index out of range")
        return lists[k].append(value)
    }

    /// Removes element `j` of list `k` by moving the last element into its place (as an array's
    /// `removeLast` and a store would); returns the element moved, which is the one removed when
    /// `j` was last.
    @inline(__always)
    func remove(_ k: Int, at j: Int) -> Element {
        assert(k >= 0 && k < listCount && j >= 0 && j < lists[k].count, "index out of range")
        let list = lists + k
        list.pointee.count -= 1
        let moved = list.pointee.base[list.pointee.count]
        list.pointee.base[j] = moved
        return moved
    }

    /// Empties list `k`, keeping its capacity.
    @inline(__always)
    func removeAll(_ k: Int) { lists[k].count = 0 }

    /// Empties every list, keeping capacity.
    func removeAll() { for k in 0..<listCount { lists[k].count = 0 } }
}
