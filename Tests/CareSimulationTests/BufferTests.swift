import Testing
@testable import CareSimulation

/// The engine's unsafe buffers: growth keeps every element, copies share one memory, and a list
/// removal moves the last element into the gap (the engine keeps each child's slot by that rule).
@Suite struct BufferTests {
    @Test func growableBufferKeepsEveryElementAcrossGrowth() {
        let buffer = GrowableBuffer<Int32>(capacity: 1)
        for k in 0..<1_000 { buffer.append(Int32(k)) }
        #expect(buffer.count == 1_000)
        #expect((0..<1_000).allSatisfy { buffer[$0] == Int32($0) })
        #expect(buffer.popLast() == 999 && buffer.count == 999)
        buffer.removeAll()
        #expect(buffer.count == 0 && buffer.popLast() == nil)
        buffer.append(7)
        #expect(buffer[0] == 7)
    }

    @Test func copiesShareOneMemory() {
        let buffer = GrowableBuffer<Int32>(capacity: 2)
        let copy = buffer
        for k in 0..<100 { copy.append(Int32(k)) }  // grows through the copy
        #expect(buffer.count == 100 && buffer[99] == 99)
        let fixed = FixedBuffer<Double>(repeating: 0, count: 3)
        let alias = fixed
        alias[2] = 4.5
        #expect(fixed[2] == 4.5 && fixed.array == [0, 0, 4.5])
        fixed.fill(1)
        #expect(alias.array == [1, 1, 1])
    }

    @Test func listRemovalMovesTheLastIntoTheGap() {
        let lists = ListArray<Int32>(count: 3)
        for k in 0..<10 { #expect(lists.append(1, Int32(k)) == k) }  // past the first capacity of 4
        #expect(lists.count(0) == 0 && lists.count(1) == 10 && lists.count(2) == 0)
        #expect(lists.remove(1, at: 2) == 9)  // 9 moves into slot 2
        #expect(Array(lists.elements(1)) == [0, 1, 9, 3, 4, 5, 6, 7, 8])
        #expect(lists.remove(1, at: 8) == 8)  // removing the last moves nothing else
        #expect(lists.count(1) == 8)
        lists.removeAll()
        #expect((0..<3).allSatisfy { lists.count($0) == 0 })
    }
}
