import Foundation
import Reports
import Testing
@testable import SSDA903

/// No identifier from the input appears in any output.
@Suite struct PrivacyTests {
    @Test func noIdentifierLeavesTheTool() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try SyntheticReturn.write(to: folder, options: .init(seed: 7, years: 4, childrenInCare: 300))
        let data = try ReturnReader.read(folder)
        let stitched = EpisodeStitcher.stitch(data)
        let calibration = Estimator.estimate(stitched)
        let outputs = [stitched.report.text, stitched.report.csv, calibration.text]

        // Identifiers, read back from the input files themselves.
        var identifiers: Set<String> = []
        for year in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let dir = folder.appendingPathComponent(year)
            let header = try CSVReader.read(dir.appendingPathComponent("header.csv"))
            for row in header.rows {
                identifiers.insert(row[0])  // CHILD
                identifiers.insert(row[4])  // UPN
                if let dob = CivilDate.parse(row[2]) {
                    identifiers.insert(CivilDate.formatRaw(dob))
                    identifiers.insert(CivilDate.formatISO(dob))
                }
            }
            let episodes = try CSVReader.read(dir.appendingPathComponent("episodes.csv"))
            for row in episodes.rows {
                identifiers.insert(row[0])
                for column in 10...12 { identifiers.insert(row[column]) }  // HOME_POST, PL_POST, URN
            }
        }
        identifiers.remove("")
        #expect(identifiers.count > 1000)
        for output in outputs {
            let leaked = identifiers.filter { output.contains($0) }
            #expect(leaked.isEmpty, "leaked: \(leaked.sorted().prefix(5))")
        }
    }
}
