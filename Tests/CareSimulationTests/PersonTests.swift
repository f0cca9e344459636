import Testing
@testable import CareSimulation

@Suite struct PersonTests {
    /// The pool is laid out for one person per 64-byte cache line; a new field must keep it so.
    @Test func aPersonIsOneCacheLine() {
        #expect(MemoryLayout<Person>.stride == 64)
    }
}
