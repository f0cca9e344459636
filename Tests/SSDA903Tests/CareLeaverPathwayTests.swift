import Foundation
import ScenarioModel
import Testing
@testable import SSDA903

/// The care-leaver pathway is written by the placement left: staying put from foster care at its
/// own rate, and not at all from children's homes or supported accommodation.
@Suite struct CareLeaverPathwayTests {
    @Test func stayingPutIsRecoveredByThePlacementLeft() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let truth = try SyntheticReturn.write(to: folder, options: .init(seed: 12, years: 5, childrenInCare: 1000))
        let c = Estimator.estimate(EpisodeStitcher.stitch(try ReturnReader.read(folder)), windowYears: 5)
        let text = ScenarioWriter.render(c, options: .init(name: "leavers", horizonYears: 1))
        let scenario = try ScenarioLoader(readFile: { _ in text }).load("leavers.yaml")
        let leavers = try #require(scenario.careLeavers)
        let names = scenario.placementTypes.map(\.name)
        let stayingPut = try #require(names.firstIndex(of: "staying put"))
        func share(_ type: CalibratedType) throws -> Double {
            leavers.pathwayFrom[try #require(names.firstIndex(of: type.rawValue))].shares[stayingPut]
        }
        // Foster care: within 3 binomial standard errors of the truth.
        let left = Placement.allCases.filter { CalibratedType($0) == .fosterCare }
            .reduce(0) { $0 + (c.agedOutFrom[$1]?.values.reduce(0, +) ?? 0) }
        #expect(left >= 100)
        let p = truth.stayingPutAt18[.fosterInHouse]!
        #expect(abs(try share(.fosterCare) - p) <= 3 * (p * (1 - p) / Double(left)).squareRoot(), "foster care")
        // The others: none stay put in the truth, so none may in the scenario.
        for type in [CalibratedType.childrensHome, .supportedAccommodation, .connectedCarers, .other] {
            #expect(try share(type) == 0, "\(type.rawValue)")
        }
        #expect(c.agedOutFrom.filter { CalibratedType($0.key) == .childrensHome }.values.contains { ($0.values.reduce(0, +)) > 0 })
    }
}
