import Foundation
import Testing
import ScenarioModel
@testable import CareSimulation

/// Every tally of fixed scenarios and seeds, hashed, against hashes recorded before the engine was
/// optimised: the engine may get faster, but for the same scenario and seed it must give
/// bit-identical results (the same draws from the same streams, the same event order, the same
/// floating-point sums in the same order).
///
/// To re-record after an intended change of results, run the suite and copy the printed hashes.
/// Re-recorded: when exponential variates moved from inversion to the ziggurat (same distribution,
/// different numbers); when occupied days became each provider's count integrated over time rather
/// than a sum of each placement's days (the same days, summed in another order, so the last bits differ).
@Suite struct GoldenTallyTests {
    @Test func medwayBaselineTalliesAreUnchanged() throws {
        let scenario = try TestScenarios.read(GoldenScenarios.medway)
        #expect(Self.hash(scenario, replications: 24, label: "medway") == 0x528a_0933_6750_9092)
    }

    @Test func annotatedExampleTalliesAreUnchanged() throws {
        let scenario = try TestScenarios.read(GoldenScenarios.annotated)
        #expect(Self.hash(scenario, replications: 24, label: "annotated") == 0xf0b6_5aa2_a165_4caa)
    }

    @Test func englandSizeTalliesAreUnchanged() throws {
        let council = try TestScenarios.read(GoldenScenarios.medway)
        let england = council.scaled(toInCare: 80_000, entriesPerYear: 32_000)
        #expect(Self.hash(england, replications: 2, label: "england") == 0xc56b_8921_12fa_015b)
    }

    /// FNV-1a (64-bit) over every tally array's bit patterns and event count, replications in order.
    static func hash(_ scenario: Scenario, replications: Int, label: String) -> UInt64 {
        let tallies = MonteCarlo.run(CareModel(scenario), replications: replications, threads: 2)
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ value: UInt64) {
            var v = value
            for _ in 0..<8 {
                h = (h ^ (v & 0xff)) &* 0x0000_0100_0000_01b3
                v >>= 8
            }
        }
        for tally in tallies {
            for array in [tally.stock, tally.local, tally.gap, tally.capacity, tally.flowCounts] {
                mix(UInt64(array.count))
                for x in array { mix(UInt64(UInt32(bitPattern: x))) }
            }
            mix(UInt64(tally.occupiedDays.count))
            for x in tally.occupiedDays { mix(x.bitPattern) }
            mix(UInt64(tally.events))
        }
        print("golden \(label): 0x\(String(h, radix: 16))")
        return h
    }

}
