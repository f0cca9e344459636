import Foundation
import Reports
import ScenarioModel
import YAMLReader

/// `sufficiency sweep SCENARIO --set key.path=v1,v2,v3`: one setting over several values, each run
/// with the same seed (common random numbers), in one table.
enum SweepCommand {
    static let spec = ArgumentSpec(
        command: "sweep",
        summary: "run one setting over several values, given as --set key=a,b,c (quote values that contain commas), and tabulate the results",
        positionals: [.init("scenario", help: "the scenario file")],
        options: RunOptions.options(output: "where to write sweep.csv (default: output/sweep-<scenario file name>/)"))

    static let command = CLI.Command(spec: spec) { arguments, console in
        let options = try RunOptions(arguments)
        let path = arguments.positional("scenario")!
        let swept = options.overrides.filter { values(of: $0).count > 1 }
        guard swept.count == 1, let setting = swept.first, let equals = setting.firstIndex(of: "=") else {
            throw CommandFailure("give exactly one --set with several values, such as --set entries.trend=0%,2%,4%", status: 2)
        }
        let key = String(setting[..<equals])
        let choices = values(of: setting)
        // '£1,000,£1,200' splits into '£1', '000', …: a piece that starts with three digits after a
        // piece ending in a digit is a thousands separator, not a new value.
        // ('10,1000' is two values: a group of thousands has exactly three digits.)
        for (previous, piece) in zip(choices, choices.dropFirst())
        where previous.last?.isNumber == true && piece.count >= 3 && piece.prefix(3).allSatisfy(\.isNumber)
            && piece.dropFirst(3).first?.isNumber != true {
            throw CommandFailure("'\(previous),\(piece)' looks like one amount with a thousands comma; quote values that contain commas, such as --set \"\(key)='£1,000','£1,200'\", or write £1000", status: 2)
        }
        let fixed = options.overrides.filter { $0 != setting }
        // Each value runs with the first value's seed and replications (common random numbers),
        // except when those are what is swept: then each value's own (found: '--set seed=1,2'
        // ran seed 1 twice, and the rows for seed 2 were seed 1's figures).
        let sweepsSeed = key.trimmingCharacters(in: .whitespaces) == "seed"
        let sweepsReplications = key.trimmingCharacters(in: .whitespaces) == "replications"
        if sweepsSeed, options.seed != nil {
            throw CommandFailure("give the seeds once: in --set seed=… or in --seed, not both", status: 2)
        }
        if sweepsReplications, options.replications != nil {
            throw CommandFailure("give the replications once: in --set replications=… or in --replications, not both", status: 2)
        }
        var table = CSVTable(header: ["setting", "value", "financial_year", "children_in_care_p50", "children_in_care_p05",
                                      "children_in_care_p95", "cost_mean", "cost_p05", "cost_p50", "cost_p95", "currency", "months_simulated"])
        var printed: [[String]] = []
        // Every value is checked before any is simulated: a mistake in the last must not cost the runs before it.
        for value in choices { _ = try ScenarioLoader().load(path, overrides: fixed + ["\(key)=\(value)"]) }
        var seed = options.seed, replications = options.replications
        for value in choices {
            let run = try SimulatedRun(path: path, overrides: fixed + ["\(key)=\(value)"], replications: replications,
                                       seed: seed, threads: options.threads, console: console)
            if !sweepsSeed { seed = run.scenario.seed }
            if !sweepsReplications { replications = run.scenario.replications }
            let p = run.projection
            if printed.isEmpty {
                printed.append([String(key.split(separator: ".").last ?? Substring(key))] + p.model.years.map { "\($0) cost" } + ["in care at end"])
                let settings = (sweepsReplications ? [] : ["\(run.scenario.replications) replications"]) + (sweepsSeed ? [] : ["seed \(run.scenario.seed)"])
                console.out("\(Escaping.visible(run.scenario.name)): " + (settings.isEmpty ? "" : settings.joined(separator: ", ") + "; ") + "medians")
            }
            var row = [value]
            for (year, fy) in p.model.years.enumerated() {
                let cost = p.summary { p.cost($0, year: year, provider: nil) }
                let children = p.closingMonth(ofYear: year).map { m in p.summary { p.childrenInCare($0, month: m) } }
                table.rows.append([.text(key), .text(value), .text(fy.description)]
                    + [children?.p50, children?.p05, children?.p95].map { $0.map { .number($0, decimals: 1) } ?? .text("") }
                    + [cost.mean, cost.p05, cost.p50, cost.p95].map { .number($0, decimals: 0) }
                    + [.text(Projection.currency), p.monthsField(year: year)])
                row.append(Money.short(cost.p50))
            }
            let last = p.summary { p.childrenInCare($0, month: p.model.monthEnds.count - 1) }
            row.append("\(Int(last.p50.rounded()))")
            printed.append(row)
        }
        let directory = options.output ?? "output/sweep-\(RunOptions.baseName(path))"
        try OutputDirectory(path: directory).write([("sweep.csv", table.rendered())])
        console.out(Projection.align(printed))
        console.out("")
        console.out("wrote sweep.csv to \(directory)/")
        return 0
    }

    /// The values of `key=v1,v2,v3`, split at commas outside brackets and quotes.
    static func values(of setting: String) -> [String] {
        guard let equals = setting.firstIndex(of: "=") else { return [] }
        var parts: [String] = [], current = "", depth = 0
        var quote: Character?
        for c in setting[setting.index(after: equals)...] {
            if let q = quote { if c == q { quote = nil } }
            else if c == "'" || c == "\"" { quote = c }
            else if c == "[" || c == "{" { depth += 1 }
            else if c == "]" || c == "}" { depth -= 1 }
            else if c == ",", depth == 0 {
                parts.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
                continue
            }
            current.append(c)
        }
        parts.append(current.trimmingCharacters(in: .whitespaces))
        return parts
    }
}
