import Foundation
import Reports
import SSDA903
import ScenarioModel
import YAMLReader

/// `sufficiency calibrate INPUT... --as-of DATE`: a scenario file from a council's 903 return.
enum CalibrateCommand {
    static let spec = ArgumentSpec(
        command: "calibrate", summary: "write a scenario from the DfE's published tables or a council's 903 return, with a data-quality report",
        positionals: [.init("input", help: "a folder of the DfE's published tables, or folders of 903 tables: a raw return (year folders), one year, or a regional folder",
                            isRepeating: true)],
        options: [
            .init("as-of", value: "DATE", help: "the snapshot date, such as 2024-03-31 (required)"),
            .init("window", value: "YEARS", help: "years before the date that rates are estimated over (default: 3; a return holding fewer gives rates over the years it holds, and says so)"),
            .init("la", value: "NAME", help: "the local authority (name or code), or England or a region: required with the published tables; chooses its rows in a regional 903 folder; with a raw 903 return (one council's, no LA column) it names the scenario only"),
            .init("output", value: "FILE", help: "the scenario file to write (.yaml); the report goes beside it (required)"),
        ],
        flags: [ReturnInput.acceptRejections])

    static let command = CLI.Command(spec: spec) { arguments, console in
        if let folder = PublishedCommands.folder(arguments) { return try PublishedCommands.calibrate(folder, arguments, console: console) }
        let output = try ReturnInput.required(arguments, "output", example: "--output medway-calibrated.yaml")
        guard output.hasSuffix(".yaml") || output.hasSuffix(".yml") else {
            throw CommandFailure("the output '\(output)' should be a scenario file ending in '.yaml'")
        }
        try CalibratedFile.checkReplaceable(output)
        let input = try ReturnInput(arguments)
        try input.check(arguments, console: console)
        let calibration = try input.calibration()
        let (directory, file) = ReturnInput.split(output)
        let base = file.hasSuffix(".yaml") ? String(file.dropLast(5)) : String(file.dropLast(4))
        let qualityFile = base + ".quality.csv"
        let report = input.stitched.report
        let text = CalibratedFile.stamped(ScenarioWriter.render(calibration, options: .init(
            name: input.regionalLA ?? input.la ?? base,
            notes: ["collection years \(input.yearsText); episodes: \(report.rowsRead[.episodes] ?? 0) rows read, \(report.rowsUsed[.episodes] ?? 0) used, \(report.total(.episodes, .merged)) merged, \(report.total(.episodes, .rejected)) rejected (see \(qualityFile))"])),
            quality: (qualityFile, report.csv))
        // The file must load as it is written: check before writing anything.
        let scenario = try ScenarioLoader(readFile: { _ in text }).load(output)
        try OutputDirectory(path: directory).write([(qualityFile, report.csv), (file, text)])

        console.out(report.text)
        if calibration.windowYears < input.windowYears - 0.005 {
            console.err(String(format: "note: the return holds %.2f years before %@, fewer than the %@ years '--window' asks for: the rates are over those %.2f years",
                               calibration.windowYears, formatLong(input.asOf.number), arguments.string("window") ?? "3", calibration.windowYears))
        }
        console.out(summary(calibration, scenario: scenario))
        console.out("wrote \(output) and \(directory == "." ? "" : directory + "/")\(qualityFile)")
        return 0
    }

    /// One paragraph: what was estimated, from what, and what the analyst must still do.
    static func summary(_ c: Calibration, scenario: Scenario) -> String {
        let entries = c.entries.values.reduce(0) { $0 + $1.events }
        let exits = c.exits.values.flatMap(\.values).reduce(0) { $0 + $1.events }
        let moves = c.moves.values.reduce(0) { $0 + $1.events }
        let childYears = c.exposure.values.reduce(0, +)
        return String(format: """
            calibrated '%@' as of %@ over the %.2f years before it: %d children in care, \
            %d entries (%.1f a year), %d exits before 18 and %d placement moves over %.1f child-years in care, \
            %d placement types. Weekly costs, inflation and capacities are defaults marked in the file: \
            replace them with your council's figures.
            """, scenario.name, formatLong(c.asOf), c.windowYears, c.populationTotal, entries,
            c.windowYears > 0 ? Double(entries) / c.windowYears : 0, exits, moves, childYears, scenario.placementTypes.count)
    }

    static func formatLong(_ day: Int) -> String {
        let d = Day(number: day)
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(d.civil.day) \(months[d.civil.month - 1]) \(d.civil.year)"
    }
}

/// The inputs shared by calibrate and backtest: folders, LA, snapshot date and window, read and stitched.
struct ReturnInput {
    var la: String?
    var asOf: Day
    var windowYears: Double
    var stitched: StitchedReturn
    /// The LA whose rows were taken from a regional folder, as the files spell it.
    var regionalLA: String?
    /// Said on the console when `--la` is given with a raw return only, where it chooses nothing.
    var laNote: String?

    init(_ arguments: Arguments) throws {
        let asOfText = try ReturnInput.required(arguments, "as-of", example: "--as-of 2024-03-31")
        guard let day = Day(iso: Substring(asOfText)) else {
            throw CommandFailure("expected a date such as '2024-03-31' for '--as-of', found '\(asOfText)'\(Day.isoSpelling(of: asOfText).map { "; did you mean '\($0)'?" } ?? "")", status: 2)
        }
        asOf = day
        windowYears = try arguments.double("window") ?? 3
        guard windowYears > 0, windowYears <= 50 else {
            throw CommandFailure("'--window' must be more than 0 and at most 50 years, found '\(arguments.string("window") ?? "")'", status: 2)
        }
        la = arguments.string("la")
        let inputs = arguments.positionals("input").map { URL(fileURLWithPath: $0) }
        do {
            let read = try ReturnReader.read(inputs: inputs, la: la)
            stitched = EpisodeStitcher.stitch(read)
            // The council's name as the regional files spell it ('--la bromley' finds 'Bromley').
            regionalLA = read.regionalLAs.first
            if let la, read.regionalLAs.isEmpty {
                laNote = "note: '--la \(Escaping.visible(la))' chooses no rows: a raw 903 return holds one council's rows and no LA column, "
                    + (arguments.spec.command == "calibrate" ? "so '\(Escaping.visible(la))' names the scenario only" : "so it is not used")
            }
        } catch {
            // Rendered as 'path:line: error: message', like every other input problem.
            throw Diagnostic(error.message, path: error.path + (error.line.map { ":\($0)" } ?? ""))
        }
        guard let first = stitched.years.first, let last = stitched.years.last else {
            throw CommandFailure("no episodes found in \(inputs.map { "'\($0.path)'" }.joined(separator: ", "))")
        }
        guard asOf.number >= first.firstDay - 1, asOf.number < stitched.dataEnd else {
            throw CommandFailure("the date '\(asOfText)' is outside the data, which runs from \(Day(number: first.firstDay)) to \(Day(number: last.lastDay))")
        }
    }

    /// The flag that lets a command go on from a return that looks wrong.
    static let acceptRejections = ArgumentSpec.Flag("accept-rejections",
        help: "go on when more than a fifth of episode rows are rejected or the dates look like mm/dd/YYYY")

    /// Stops, with the data-quality report printed and counts that say why, when the return looks
    /// wrong as read (see ``ReturnCheck``), unless `--accept-rejections` is given.
    func check(_ arguments: Arguments, console: Console) throws {
        if let laNote { console.err(laNote) }
        guard let problem = ReturnCheck.problems(stitched) else { return }
        guard arguments.flag("accept-rejections") else {
            console.out(stitched.report.text)
            throw CommandFailure(problem + ". See the data-quality report above; correct the files, "
                                 + "or give --accept-rejections to go on with the rows that can be used")
        }
        console.err("warning: \(problem); going on with the rows that can be used, as --accept-rejections asks")
    }

    /// `2017/18 to 2021/22`.
    var yearsText: String {
        guard let first = stitched.years.first, let last = stitched.years.last else { return "none" }
        return first == last ? "\(first)" : "\(first) to \(last)"
    }

    func calibration() throws -> Calibration {
        Estimator.estimate(stitched, asOf: asOf.number, windowYears: windowYears)
    }

    /// An option the command cannot do without.
    static func required(_ arguments: Arguments, _ name: String, example: String) throws -> String {
        guard let value = arguments.string(name) else {
            throw CommandFailure("option '--\(name)' is required, such as '\(example)'", status: 2)
        }
        return value
    }

    /// A file path as (folder, file name); the folder is "." for a bare name.
    static func split(_ path: String) -> (String, String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }
}
