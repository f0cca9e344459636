import Foundation
import Reports
import ScenarioModel
import YAMLReader

/// `sufficiency compare BASE VARIANT...`: paired runs with common random numbers, and the
/// differences variant − base with their intervals.
enum CompareCommand {
    static let spec = ArgumentSpec(
        command: "compare",
        summary: "compare strategies: variant minus base per year, with common random numbers",
        positionals: [
            .init("base", help: "the baseline scenario, or a run folder written by 'sufficiency merge'"),
            .init("variant", help: "variant scenarios (none: the base with the --set changes), or merged run folders", isOptional: true, isRepeating: true),
        ],
        options: RunOptions.options(output: "where to write (default: output/compare-<base file name>/)"),
        flags: [.init("report", help: "also write report.html and the charts as SVG files")])

    static let command = CLI.Command(spec: spec) { arguments, console in
        let options = try RunOptions(arguments)
        let basePath = arguments.positional("base")!
        let variantPaths = arguments.positionals("variant")
        guard !variantPaths.isEmpty || !options.overrides.isEmpty else {
            throw CommandFailure("give a variant scenario, or --set changes to compare with the base", status: 2)
        }
        let baseName = RunOptions.baseName(basePath)
        let directory = options.output ?? "output/compare-\(baseName)"
        // The whole comparison folder is written beside it and swapped in at the end.
        var folder: FolderReplacement?
        let base: SimulatedRun
        let variants: [(name: String, run: SimulatedRun)]
        if isFolder(basePath) {
            // Runs merged from shards: compared as they were run, replication by replication.
            guard !variantPaths.isEmpty, options.overrides.isEmpty, options.replications == nil, options.seed == nil else {
                throw CommandFailure("compare merged runs as they were run: give the variants' merged folders, without --set, --replications or --seed", status: 2)
            }
            folder = try FolderReplacement.begin(directory)
            base = try SimulatedRun(mergedFolder: basePath)
            variants = try variantPaths.map { path in
                let run = try SimulatedRun(mergedFolder: path)
                guard run.scenario.seed == base.scenario.seed else {
                    throw CommandFailure("'\(path)' was run with seed \(run.scenario.seed) and '\(basePath)' with seed \(base.scenario.seed); a paired comparison needs one seed (common random numbers)")
                }
                return (RunOptions.baseName(path), run)
            }
        } else {
            if let merged = variantPaths.first(where: isFolder) {
                throw CommandFailure("'\(merged)' is a folder, and the base '\(basePath)' a scenario: compare a merged run with merged runs (give the base's merged folder), or give the variant's scenario file", status: 2)
            }
            // The base decides the seed and replications; every run uses them, so replication r of
            // each run draws the same random numbers wherever the scenarios agree.
            base = try SimulatedRun(path: basePath, overrides: variantPaths.isEmpty ? [] : options.overrides,
                                    replications: options.replications, seed: options.seed,
                                    threads: options.threads, console: console,
                                    spillDirectory: RunOptions.parent(of: directory)) {
                folder = try FolderReplacement.begin(directory)
            }
            variants = try (variantPaths.isEmpty ? [basePath] : variantPaths).map { path in
                // A variant's own seed or replications give way to the base's (paired differences
                // need one seed): said, not dropped without a word (found: a variant with 'seed: 7'
                // showed no difference at all, its seed never used).
                if options.seed == nil || options.replications == nil, !variantPaths.isEmpty,
                   let own = try? ScenarioLoader().load(path, overrides: options.overrides) {
                    let differs = (options.seed == nil && own.seed != base.scenario.seed ? ["seed \(own.seed)"] : [])
                        + (options.replications == nil && own.replications != base.scenario.replications ? ["\(own.replications) replications"] : [])
                    if !differs.isEmpty {
                        console.err("note: '\(path)' gives \(differs.joined(separator: " and ")); compare runs every scenario with the base's "
                                    + "(seed \(base.scenario.seed), \(base.scenario.replications) replications), so that each difference is paired")
                    }
                }
                var run = try SimulatedRun(path: path, overrides: options.overrides, replications: base.scenario.replications,
                                           seed: base.scenario.seed, threads: options.threads, console: console,
                                           spillDirectory: RunOptions.parent(of: directory))
                if variantPaths.isEmpty { run.loaded.scenario.name += " with " + options.overrides.joined(separator: ", ") }
                let name = variantPaths.isEmpty ? "\(RunOptions.baseName(path))-with-changes" : RunOptions.baseName(path)
                return (name, run)
            }
        }
        guard let folder else { preconditionFailure("the folder is taken before simulating") }
        let staging = folder.staging
        var seen = Set([baseName])
        for v in variants where !seen.insert(v.name).inserted {
            throw CommandFailure("two scenarios are named '\(Escaping.visible(v.name))'; give the variants distinct file names", status: 2)
        }
        var written = try base.write(to: "\(staging)/\(baseName)").count
        console.out("base: \(base.header)")
        for variant in variants {
            // The paired tables take a few seconds (longer at England size): say what is happening.
            if console.errIsTerminal { console.err("comparing '\(variant.name)' with '\(baseName)', replication by replication…") }
            let comparison: Comparison
            do {
                comparison = try Comparison(base: base.projection, variant: variant.run.projection)
            } catch let error as Comparison.Mismatch {
                throw CommandFailure("cannot compare '\(variant.name)' with '\(baseName)': \(error.message)")
            }
            written += try variant.run.write(to: "\(staging)/\(variant.name)").count
            let record = JSON.object([
                ("base", .string(baseName)), ("variant", .string(variant.name)),
                ("difference", .string("variant minus base, replication by replication (common random numbers)")),
                ("seed", .int(Int(clamping: base.scenario.seed))), ("replications", .int(base.scenario.replications)),
                ("overrides", .array(options.overrides.map(JSON.string))),
            ])
            let files = [
                ("bed_need.csv", comparison.bedNeedTable().rendered()),
                ("costs.csv", comparison.costsTable().rendered()),
                ("flows.csv", comparison.flowsTable().rendered()),
                ("measures.csv", comparison.measuresTable().rendered()),
                ("difference.json", record.rendered() + "\n"),
            ]
            try OutputDirectory(path: "\(staging)/\(variant.name)-vs-\(baseName)").write(files)
            written += files.count
            console.out("")
            console.out("\(variant.name) minus \(baseName) (\(Escaping.visible(variant.run.scenario.name)) − \(Escaping.visible(base.scenario.name))):")
            console.out(comparison.summaryTable())
        }
        let compare = JSON.object([
            ("base", .string(baseName)), ("variants", .array(variants.map { .string($0.name) })),
            ("replications", .int(base.scenario.replications)), ("seed", .int(Int(clamping: base.scenario.seed))),
            ("tool_version", .string(CLI.version)),
        ])
        try OutputDirectory(path: staging).write([("compare.json", compare.rendered() + "\n")])
        written += 1
        if arguments.flag("report") { written += try RunReport.write(folder: staging, shownAs: directory).count }
        try folder.commit()
        console.out("")
        console.out("wrote \(written) files to \(directory)/")
        return 0
    }
}

/// Whether `path` is a folder (a merged run) rather than a scenario file.
private func isFolder(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
}
