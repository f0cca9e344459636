/// See `FixedBuffer` for why the engine keeps its hot state in unsafe memory and why that is safe.
/// The occupants of each provider: one growable list per provider, removal by moving the last
/// occupant into the hole (so the order, and hence a random pick by position, is exactly that of
/// an array with `removeLast` and a store).
struct OccupantLists: ~Copyable {
    private struct List {
        var base: UnsafeMutablePointer<Int32>
        var count: Int
        var capacity: Int
    }

    private let lists: UnsafeMutablePointer<List>
    let providers: Int

    init(providers: Int) {
        self.providers = providers
        lists = .allocate(capacity: Swift.max(providers, 1))
        for p in 0..<providers { (lists + p).initialize(to: List(base: .allocate(capacity: 16), count: 0, capacity: 16)) }
    }

    deinit {
        for p in 0..<providers { lists[p].base.deallocate() }
        lists.deallocate()
    }

    /// How many people provider `p` has.
    @inline(__always)
    func count(_ p: Int) -> Int { lists[p].count }

    /// The occupant at position `k` of provider `p`.
    @inline(__always)
    func occupant(_ p: Int, _ k: Int) -> Int32 {
        assert(k >= 0 && k < lists[p].count, "index out of range")
        return lists[p].base[k]
    }

    /// Adds person `i` to provider `p`'s list and returns its position.
    @inline(__always)
    func append(_ p: Int, _ i: Int32) -> Int {
        let list = lists + p
        if list.pointee.count == list.pointee.capacity {
            let bigger = UnsafeMutablePointer<Int32>.allocate(capacity: list.pointee.capacity * 2)
            bigger.moveInitialize(from: list.pointee.base, count: list.pointee.count)
            list.pointee.base.deallocate()
            list.pointee.base = bigger
            list.pointee.capacity *= 2
        }
        let k = list.pointee.count
        list.pointee.base[k] = i
        list.pointee.count = k + 1
        return k
    }

    /// Removes the occupant at position `slot` of provider `p` by moving the last one into its
    /// place; returns the person moved (which is the one removed when `slot` was last).
    @inline(__always)
    func remove(_ p: Int, at slot: Int) -> Int32 {
        let list = lists + p
        assert(slot >= 0 && slot < list.pointee.count, "index out of range")
        list.pointee.count -= 1
        let moved = list.pointee.base[list.pointee.count]
        list.pointee.base[slot] = moved
        return moved
    }

    /// Empties every list, keeping capacity.
    func removeAll() { for p in 0..<providers { lists[p].count = 0 } }
}
