import CareSimulation
import Foundation
import Reports
import SSDA903

/// `sufficiency backtest INPUT... --as-of DATE --years N`: how well a calibrated forecast did.
enum BacktestCommand {
    static let spec = ArgumentSpec(
        command: "backtest",
        summary: "calibrate on the data up to a past date, simulate forward and compare with what happened",
        positionals: [.init("input", help: "a folder of the DfE's published tables (every council unless --la), or folders of 903 tables",
                            isRepeating: true)],
        options: [
            .init("as-of", value: "DATE", help: "the past date to calibrate to, such as 2022-03-31 (required)"),
            .init("years", value: "N", help: "years to simulate from that date (required)"),
            .init("window", value: "YEARS", help: "years before the date that rates are estimated over (default: 3)"),
            .init("la", value: "NAME", help: "one council of the published tables (or England, or a region), or the local authority's rows in a regional 903 folder (a raw 903 return is one council's: not used)"),
            .init("replications", value: "N", help: "how many Monte Carlo replications (default: 1000)"),
            .init("seed", value: "N", help: "the random seed (default: 1)"),
            .init("threads", value: "N", help: "threads to use (default: every core); results do not depend on it"),
            .init("output", value: "DIR", help: "where to write backtest.csv (default: output/backtest/)"),
        ],
        flags: [ReturnInput.acceptRejections])

    static let command = CLI.Command(spec: spec) { arguments, console in
        if let folder = PublishedCommands.folder(arguments) { return try PublishedCommands.backtest(folder, arguments, console: console) }
        let yearsText = try ReturnInput.required(arguments, "years", example: "--years 3")
        guard let years = Int(yearsText), (1...50).contains(years) else {
            throw CommandFailure("'--years' expects a whole number from 1 to 50, found '\(yearsText)'", status: 2)
        }
        let replications = try arguments.int("replications", in: 2...1_000_000) ?? 1000
        let seed = try arguments.int("seed", in: 0...Int.max).map(UInt64.init) ?? 1
        let threads = try arguments.int("threads", in: 1...1024) ?? MonteCarlo.defaultThreads
        let output = arguments.string("output") ?? "output/backtest"
        try RunOptions.checkWritable(output)
        // Taken before the work: the folder is replaced as a whole at the end, or left as it was.
        let folder = try FolderReplacement.begin(output)
        let input = try ReturnInput(arguments)
        try input.check(arguments, console: console)
        let backtest = try Backtest.run(input.stitched, asOf: input.asOf.number, years: years, windowYears: input.windowYears,
                                        replications: replications, seed: seed, threads: threads)
        guard backtest.coverage.cells > 0 else {
            throw CommandFailure("no 31 March after \(input.asOf) within \(years) years is inside the data (collection years \(input.yearsText)): choose an earlier '--as-of'")
        }
        try OutputDirectory(path: folder.staging).write([("backtest-scenario.yaml", backtest.scenarioText), ("backtest.csv", backtest.csv),
                                                              ("backtest-summary.csv", backtest.summaryCSV)])
        try folder.commit()
        console.out(input.stitched.report.text)
        console.out(backtest.table)
        console.out("wrote backtest.csv (each measure, placement type, age band and year), backtest-summary.csv and backtest-scenario.yaml to \(output)/")
        return 0
    }
}
