import Foundation
import Testing
@testable import SSDA903

/// Calibration recovers the generator's known rates: each estimate within k·SE of the truth.
@Suite struct RecoveryTests {
    /// Tolerance in standard errors. With ~60 rates checked per seed, |z| > 4 has probability
    /// about 6e-5 each, so a failure points at a bias, not at chance.
    static let k = 4.0

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func recoversEntryExitAndMoveRates(seed: UInt64) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = SyntheticReturn.Options(seed: seed, years: 5, childrenInCare: 1500)
        options.faultRate = 0.002
        let truth = try SyntheticReturn.write(to: folder, options: options)
        let stitched = EpisodeStitcher.stitch(try ReturnReader.read(folder))
        #expect(stitched.report.isBalanced)
        // Every injected fault is reported under its reason, with its count.
        for (reason, n) in truth.injectedFaults {
            let outcome: DataQualityReport.Outcome = reason == "exact duplicate row" ? .merged : .rejected
            #expect(stitched.report.counts[.init(table: .episodes, outcome: outcome, reason: reason)] == n, "\(reason)")
        }
        let c = Estimator.estimate(stitched, windowYears: 5)
        #expect(abs(c.windowYears - 5) < 0.01)
        func check(_ rate: Rate, _ expected: Double, _ label: String) {
            guard rate.exposure > 0, expected > 0 else { return }
            // Standard error from the truth (√(λT)/T), so that a zero count is judged fairly.
            let se = (expected / rate.exposure).squareRoot()
            #expect(abs(rate.value - expected) <= Self.k * se, "\(label): \(rate.rendered) vs \(expected)")
        }
        // Babies placed first with a parent (R3) are families, not entries.
        let r3 = truth.firstPlacement[.under1]![.parentAndChild]! / truth.firstPlacement[.under1]!.values.reduce(0, +)
        check(Rate(events: c.babiesFirstInParentAndChild, exposure: c.windowYears), truth.entriesPerYear[.under1]! * r3, "families")
        for band in AgeBand.allCases {
            check(c.entries[band]!, truth.entriesPerYear[band]! * (band == .under1 ? 1 - r3 : 1), "entries \(band)")
            for reason in ExitReason.allCases {
                check(c.exits[reason]![band]!, truth.exitHazard[reason]?[band] ?? 0, "exit \(reason) \(band)")
                if (truth.exitHazard[reason]?[band] ?? 0) == 0 { #expect(c.exits[reason]![band]!.events == 0, "exit \(reason) \(band)") }
            }
        }
        for (placement, hazard) in truth.moveHazard { check(c.moves[placement] ?? Rate(), hazard, "moves \(placement)") }
        #expect(c.agedOut.values.reduce(0, +) > 0)
        #expect(c.populationTotal > 1000 && c.populationTotal < 2000)
    }
}
