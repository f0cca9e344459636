import CareSimulation
import Foundation
import PublishedTables
import Reports
import ScenarioModel
import YAMLReader

/// `calibrate` and `backtest` on a folder of the DfE's published tables (rather than a 903 return).
enum PublishedCommands {
    /// The folder of published tables among the inputs, when the inputs are such a folder.
    static func folder(_ arguments: Arguments) -> String? {
        let inputs = arguments.positionals("input")
        guard inputs.count == 1, PublishedRelease.looksLikeRelease(inputs[0]) else { return nil }
        return inputs[0]
    }

    /// The reporting year of `--as-of`: the year to the 31 March on or before the date.
    static func asOfYear(_ arguments: Arguments, console: Console) throws -> Int {
        let text = try ReturnInput.required(arguments, "as-of", example: "--as-of 2021-03-31")
        guard let day = Day(iso: Substring(text)) else {
            throw CommandFailure("expected a date such as '2021-03-31' for '--as-of', found '\(text)'\(Day.isoSpelling(of: text).map { "; did you mean '\($0)'?" } ?? "")", status: 2)
        }
        let c = day.civil
        let year = c.month > 3 || (c.month == 3 && c.day == 31) ? c.year : c.year - 1
        if !(c.month == 3 && c.day == 31) {
            console.err("note: the published tables count children on 31 March: calibrating as of 31 March \(year)")
        }
        return year
    }

    static func windowYears(_ arguments: Arguments) throws -> Int {
        let w = try arguments.int("window", in: 1...20) ?? 3
        return w
    }

    static func read(_ folder: String, lastYear: Int = .max) throws -> PublishedRelease {
        do { return try PublishedRelease.read(folder, lastYear: lastYear) } catch { throw diagnostic(error) }
    }

    static func diagnostic(_ error: FileError) -> Diagnostic {
        Diagnostic(error.message, path: error.path + (error.line.map { ":\($0)" } ?? ""))
    }

    static func calibrate(_ folder: String, _ arguments: Arguments, console: Console) throws -> Int32 {
        let output = try ReturnInput.required(arguments, "output", example: "--output output/medway.yaml")
        guard output.hasSuffix(".yaml") || output.hasSuffix(".yml") else {
            throw CommandFailure("the output '\(output)' should be a scenario file ending in '.yaml'")
        }
        try CalibratedFile.checkReplaceable(output)
        guard let la = arguments.string("la") else {
            throw CommandFailure("option '--la' is required with the published tables: the council's name or code, such as '--la Medway' or '--la E06000035'", status: 2)
        }
        let year = try asOfYear(arguments, console: console)
        let release = try read(folder, lastYear: year)
        let calibration: PublishedCalibration
        do {
            try release.check(asOf: year)
            let council = try release.council(la)
            calibration = try PublishedCalibrator(release: release, asOfYear: year, windowYears: try windowYears(arguments)).calibrate(council)
        } catch let error as FileError { throw diagnostic(error) }
        let (directory, file) = ReturnInput.split(output)
        let base = file.hasSuffix(".yaml") ? String(file.dropLast(5)) : String(file.dropLast(4))
        let qualityFile = base + ".quality.csv"
        let qualityCSV = quality(calibration, release)
        let text = CalibratedFile.stamped(PublishedScenarioWriter.render(calibration, options: .init(), sources: release.files.values.sorted()),
                                          quality: (qualityFile, qualityCSV))
        // The file must load as it is written: check before writing anything.
        let scenario = try ScenarioLoader(readFile: { _ in text }).load(output)
        try OutputDirectory(path: directory).write([(qualityFile, qualityCSV), (file, text)])
        let children = scenario.population.filter { $0.band < scenario.firstLeaverBand }.reduce(0) { $0 + $1.count }
        console.out("""
            calibrated '\(calibration.council.name)'\(calibration.council.code == calibration.council.name ? "" : " (\(calibration.council.code))") as of 31 March \(year) from the published tables: \
            \(children) children in care; rates over \(calibration.window.count) \(calibration.window.count == 1 ? "year" : "years") \
            to 31 March \(year); \(calibration.notes.count) \(calibration.notes.count == 1 ? "note" : "notes") on fallbacks and \
            suppressed figures (in the file and in \(qualityFile)). \
            Weekly costs and in-house capacity are defaults marked in the file: replace them with your council's figures.
            """)
        for note in calibration.notes where !note.hasPrefix("suppressed cells filled") { console.err("note: \(note)") }
        console.out("wrote \(output) and \(directory == "." ? "" : directory + "/")\(qualityFile)")
        return 0
    }

    /// The data-quality report: what was read, and where the council's own figures were not used.
    static func quality(_ c: PublishedCalibration, _ release: PublishedRelease) -> String {
        var table = CSVTable(header: ["item", "detail"])
        for (t, file) in release.files.sorted(by: { $0.value < $1.value }) {
            let years = (release.years[t] ?? []).sorted()
            let span = years.first.map { "years \($0) to \(years.last!)" } ?? "no year to 31 March \(c.asOfYear) (not used)"
            table.rows.append([.text("table read"), .text("\(file): \(t.rawValue), \(span)")])
        }
        for missing in PublishedRelease.Table.allCases where release.files[missing] == nil {
            table.rows.append([.text("table missing"), .text("\(missing.rawValue): fallbacks used where it is needed")])
        }
        for note in c.notes { table.rows.append([.text("note"), .text(note)]) }
        return table.rendered()
    }

    static func backtest(_ folder: String, _ arguments: Arguments, console: Console) throws -> Int32 {
        let yearsText = try ReturnInput.required(arguments, "years", example: "--years 2")
        guard let years = Int(yearsText), (1...50).contains(years) else {
            throw CommandFailure("'--years' expects a whole number from 1 to 50, found '\(yearsText)'", status: 2)
        }
        let year = try asOfYear(arguments, console: console)
        let replications = try arguments.int("replications", in: 2...1_000_000) ?? 1000
        let seed = try arguments.int("seed", atLeast: 0).map(UInt64.init) ?? 1
        let threads = try arguments.int("threads", in: 1...1024) ?? MonteCarlo.defaultThreads
        let output = arguments.string("output") ?? "output/backtest"
        try RunOptions.checkWritable(output)
        // Taken before the work: the folder is replaced as a whole at the end, or left as it was.
        let outputFolder = try FolderReplacement.begin(output)
        let councils = arguments.string("la").map { [$0] } ?? []
        let window = try windowYears(arguments)
        var progress: (@Sendable (Int, Int, String) -> Void)?
        if console.errIsTerminal {
            let err = console.err
            progress = { i, n, name in err("back-test: council \(i + 1) of \(n): \(name)") }
        }
        let backtest: PublishedBacktest
        do {
            backtest = try PublishedBacktest.run(
                directory: folder, asOfYear: year, years: years, councils: councils, windowYears: window,
                replications: replications, seed: seed, threads: threads, progress: progress)
        } catch let error as FileError { throw diagnostic(error) }
        guard !backtest.rows.isEmpty else {
            if let first = backtest.skipped.first, backtest.skipped.count == max(councils.count, 1) || councils.isEmpty {
                throw CommandFailure("no council could be calibrated as of 31 March \(year): \(first.council): \(first.reason)")
            }
            throw CommandFailure("no published figure after 31 March \(year) within \(years) \(years == 1 ? "year" : "years") is in the tables: choose an earlier '--as-of'")
        }
        let compared = Set(backtest.rows.map(\.year)).sorted()
        if let last = compared.last, last < year + years {
            console.err("note: the tables end at 31 March \(last): compared \(compared.map(String.init).joined(separator: ", ")) only")
        }
        try OutputDirectory(path: outputFolder.staging).write([("backtest-summary.csv", backtest.summaryCSV), ("backtest.csv", backtest.csv)])
        try outputFolder.commit()
        console.out(backtest.table)
        console.out("wrote backtest.csv (\(councils.isEmpty ? "every council, measure and year" : "each measure and year")) and backtest-summary.csv to \(output)/")
        return 0
    }
}
