import ScenarioModel
import YAMLReader

/// `sufficiency validate FILE...`: check scenarios; `--resolved` prints one as JSON, as it will run.
enum ValidateCommand {
    static let command = CLI.Command(spec: ArgumentSpec(
        command: "validate", summary: "check scenario files and report every problem",
        positionals: [.init("file", help: "scenario files", isRepeating: true)],
        options: [.init("set", value: "KEY=VALUE", help: "change one setting before checking", isRepeatable: true)],
        flags: [.init("resolved", help: "print the scenario as it will be simulated (variants merged, defaults filled) as JSON")])
    ) { arguments, console in
        let files = arguments.positionals("file")
        guard !files.isEmpty else { throw CommandFailure("give at least one scenario file", status: 2) }
        let overrides = arguments.strings("set")
        if arguments.flag("resolved") {
            guard files.count == 1 else { throw CommandFailure("--resolved takes one scenario file", status: 2) }
            let scenario = try ScenarioLoader().load(files[0], overrides: overrides)
            console.out(scenario.json.rendered())
            return 0
        }
        var failed = false
        for file in files {
            do {
                let s = try ScenarioLoader().load(file, overrides: overrides)
                console.out("\(file): ok: '\(Escaping.visible(s.name))', \(s.start) for \(s.months) \(s.months == 1 ? "month" : "months"), \(s.placementTypes.count) placement types, \(s.providers.count) providers; at the start \(startingPeople(s)); \(s.replications) replications")
                if let note = s.unusedBudgetNote { console.out(note) }
                if let note = s.changesAfterTheEndNote { console.out(note) }
            } catch let d as Diagnostics {
                console.err(d.rendered)
                failed = true
            }
        }
        return failed ? 1 : 0
    }
}

/// "471 children in care, 180 care leavers, 4 parent-and-child families" (the parts present).
func startingPeople(_ s: Scenario) -> String {
    var children = 0, leavers = 0, families = 0
    for cell in s.population {
        if cell.band >= s.ageBands.count { families += cell.count }
        else if cell.band >= s.firstLeaverBand { leavers += cell.count }
        else { children += cell.count }
    }
    var parts = ["\(children) children in care"]
    if let observed = s.populationObserved {
        // Says the key was read as the spread's evidence (a provider named 'observed' would not be).
        let n = observed == observed.rounded() && observed < 1e15 ? String(Int(observed)) : String(observed)
        parts[0] += " (their spread over providers and ages estimated, as if counted from \(n) children)"
    }
    if leavers > 0 { parts.append("\(leavers) care \(leavers == 1 ? "leaver" : "leavers")") }
    if families > 0 { parts.append("\(families) parent-and-child \(families == 1 ? "family" : "families")") }
    return parts.joined(separator: ", ")
}
