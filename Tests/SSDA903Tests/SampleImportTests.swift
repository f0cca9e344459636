import Foundation
import Testing
@testable import SSDA903

@Suite struct SampleImportTests {
    @Test func rawPerYearSamplesAccountForEveryRow() throws {
        guard let samples = TestSupport.samples else {
            print("skipped: ../shared/data/ssda903-samples not found beside the repository")
            return
        }
        let data = try ReturnReader.read(samples.appendingPathComponent("raw-per-year"))
        #expect(data.years.map(\.description) == ["2017/18", "2018/19", "2019/20", "2020/21", "2021/22"])
        let stitched = EpisodeStitcher.stitch(data)
        print(stitched.report.text)
        #expect(stitched.report.rowsRead[.episodes] == 3737)
        #expect(stitched.report.isBalanced)
        #expect(stitched.report.total(.episodes, .rejected) > 0)
        let calibration = Estimator.estimate(stitched, windowYears: 3)
        print(calibration.text)
        #expect(calibration.populationTotal > 0)
    }

    @Test func regionalSamplesNeedAnLAAndAccountForEveryRow() throws {
        guard let samples = TestSupport.samples else {
            print("skipped: ../shared/data/ssda903-samples not found beside the repository")
            return
        }
        let folder = samples.appendingPathComponent("regional-iso")
        #expect(throws: ImportError(path: folder.appendingPathComponent("episodes.csv").path,
                                    "the file holds several LAs ('Bromley', 'Hillingdon', 'Southwark'); choose one with '--la NAME'")) {
            try ReturnReader.read(folder)
        }
        #expect(throws: ImportError(path: folder.appendingPathComponent("episodes.csv").path,
                                    "no rows for LA 'Bromly'; did you mean 'Bromley'? The file holds 'Bromley', 'Hillingdon', 'Southwark'")) {
            try ReturnReader.read(folder, la: "Bromly")
        }
        var total = 0
        for la in ["Bromley", "Hillingdon", "Southwark"] {
            let stitched = EpisodeStitcher.stitch(try ReturnReader.read(folder, la: la))
            print(stitched.report.text)
            #expect(stitched.report.isBalanced)
            total += stitched.report.rowsRead[.episodes] ?? 0
        }
        #expect(total == 3737)
    }
}
