import Foundation
import Testing
@testable import SSDA903

/// A return with day and month swapped (`mm/dd/YYYY`) is caught, and its years do not shift.
@Suite struct DateOrderTests {
    /// Rewrites every `nn/nn/YYYY` date in the CSV files under `folder` with its first two numbers swapped.
    static func swapDaysAndMonths(under folder: URL) throws {
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
        for case let url as URL in files where url.pathExtension == "csv" {
            let text = try String(contentsOf: url, encoding: .utf8)
            let swapped = text.replacing(/(\d\d)\/(\d\d)\/(\d{4})/) { "\($0.2)/\($0.1)/\($0.3)" }
            try Data(swapped.utf8).write(to: url)
        }
    }

    @Test func swappedDatesAreFoundWithCountsAndTheYearsDoNotShift() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try SyntheticReturn.write(to: folder, options: .init(seed: 7, years: 4, childrenInCare: 200))
        let good = EpisodeStitcher.stitch(try ReturnReader.read(folder))
        #expect(ReturnCheck.problems(good) == nil)
        #expect(good.dateOrder.monthFirstFiles.isEmpty && good.dateOrder.totals.dayFirst > 1000)

        try Self.swapDaysAndMonths(under: folder)
        let read = try ReturnReader.read(folder)
        #expect(read.years == good.years, "the collection years shifted")
        let swapped = EpisodeStitcher.stitch(read)
        // Episodes and header in each of the 4 year folders.
        #expect(swapped.dateOrder.monthFirstFiles.count == 8)
        #expect(swapped.dateOrder.totals.dayFirst == 0)
        let problem = try #require(ReturnCheck.problems(swapped))
        let rejected = swapped.report.total(.episodes, .rejected), rows = swapped.report.rowsRead[.episodes]!
        #expect(Double(rejected) > 0.2 * Double(rows))
        #expect(problem.contains("\(rejected) of \(rows) episode rows"))
        #expect(problem.contains("look like mm/dd/YYYY (month first) in 8 files"))
    }

    /// Dates without leading zeros (`1/4/2019`, as a spreadsheet may save them) read as the same
    /// days as `01/04/2019` (they were all rejected); written the US way (`4/13/2019`) they are
    /// caught as month first, as padded ones are.
    @Test func datesWithoutLeadingZeros() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try SyntheticReturn.write(to: folder, options: .init(seed: 8, years: 3, childrenInCare: 120))
        let padded = EpisodeStitcher.stitch(try ReturnReader.read(folder))
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "csv" }
        func rewrite(_ change: (Substring, Substring, Substring) -> String) throws {
            for url in files {
                let text = try String(contentsOf: url, encoding: .utf8)
                try Data(text.replacing(/(\d\d)\/(\d\d)\/(\d{4})/) { change($0.1, $0.2, $0.3) }.utf8).write(to: url)
            }
        }
        func unpadded(_ n: Substring) -> Substring { n.first == "0" ? n.dropFirst() : n }
        try rewrite { d, m, y in "\(unpadded(d))/\(unpadded(m))/\(y)" }
        let bare = EpisodeStitcher.stitch(try ReturnReader.read(folder))
        #expect(bare.report.rowsRead == padded.report.rowsRead && bare.report.counts == padded.report.counts)
        #expect(bare.children.count == padded.children.count && ReturnCheck.problems(bare) == nil)
        #expect(bare.dateOrder.totals == padded.dateOrder.totals)

        // The same dates the US way: month, then day.
        for url in files {
            let text = try String(contentsOf: url, encoding: .utf8)
            try Data(text.replacing(/(\d{1,2})\/(\d{1,2})\/(\d{4})/) { "\($0.2)/\($0.1)/\($0.3)" }.utf8).write(to: url)
        }
        let us = EpisodeStitcher.stitch(try ReturnReader.read(folder))
        #expect(!us.dateOrder.monthFirstFiles.isEmpty && us.dateOrder.totals.dayFirst == 0)
        #expect(ReturnCheck.problems(us)?.contains("look like mm/dd/YYYY (month first)") == true)
    }

    /// A folder named by the year its collection starts is still read as such, decided over all
    /// folders together; a few future-dated starts in a folder named by the year it ends do not shift it.
    @Test func yearNamingIsDecidedOverAllFoldersAndResistsAFewOddDates() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = folder.appendingPathComponent("ending"), starting = folder.appendingPathComponent("starting")
        try SyntheticReturn.write(to: original, options: .init(seed: 4, years: 3, childrenInCare: 150))
        try FileManager.default.createDirectory(at: starting, withIntermediateDirectories: true)
        for year in 2024...2026 {
            try FileManager.default.copyItem(at: original.appendingPathComponent("\(year)"), to: starting.appendingPathComponent("\(year - 1)"))
        }
        let years = (2024...2026).map(CollectionYear.init(endingYear:))
        #expect(try ReturnReader.read(original).years == years)
        #expect(try ReturnReader.read(starting).years == years)

        // Five starts dated after 31 March 2025 in the folder for 2024/25 (the old rule took the
        // latest start, so one such date shifted the folder a year).
        let url = original.appendingPathComponent("2025/episodes.csv")
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\r\n")
        for k in 1...5 {
            var fields = lines[k].components(separatedBy: ",")
            fields[1] = "1\(k)/06/2025"
            fields[7] = ""
            fields[8] = ""
            lines[k] = fields.joined(separator: ",")
        }
        try Data(lines.joined(separator: "\r\n").utf8).write(to: url)
        let read = try ReturnReader.read(original)
        #expect(read.years == years)
        let stitched = EpisodeStitcher.stitch(read)
        #expect(stitched.report.counts[.init(table: .episodes, outcome: .rejected, reason: "start date after its collection year ends")] == 5)
        #expect(ReturnCheck.problems(stitched) == nil)
    }
}
