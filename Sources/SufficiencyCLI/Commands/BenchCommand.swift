import CareSimulation
import Foundation
import ScenarioModel
import YAMLReader

/// `sufficiency bench`: fixed cases, timed, one JSON object per line. Build with `-c release`.
enum BenchCommand {
    static let command = CLI.Command(spec: ArgumentSpec(
        command: "bench", summary: "time fixed cases (a Medway-size council, an England-size system, a 1 MB scenario read)",
        options: [
            .init("scenario", value: "FILE", help: "the council case (default: scenarios/medway-baseline.yaml)"),
            .init("replications", value: "N", help: "replications per case (default: 1000)"),
            .init("threads", value: "N", help: "threads (default: every core)"),
            .init("case", value: "NAME", help: "run one case only: medway, england, yaml or england-shards (not run by default: England-size as --shards processes started at once, then their merge in another, against one whole run)", isRepeatable: true),
            .init("shards", value: "N", help: "shards for england-shards (default 4)"),
            .init("shard", value: "K/N", help: "for england-shards' own processes: the shard to run"),
            .init("output", value: "DIR", help: "for england-shards' own processes: the shard's folder, or the shards' parent folder to merge"),
        ])
    ) { arguments, console in
        let path = arguments.string("scenario") ?? "scenarios/medway-baseline.yaml"
        let replications = try arguments.int("replications", in: 1...1_000_000) ?? 1000
        let threads = try arguments.int("threads", in: 1...1024) ?? MonteCarlo.defaultThreads
        let cases = arguments.strings("case")
        for name in cases where !["medway", "england", "yaml", "england-shards", "england-shard", "england-merge"].contains(name) {
            throw CommandFailure("unknown case '\(name)'; the cases are medway, england, yaml and england-shards", status: 2)
        }
        func wanted(_ name: String) -> Bool { cases.isEmpty || cases.contains(name) }
        if cases.contains(where: { $0.hasPrefix("england-") }) {
            let council = try ScenarioLoader().load(path)
            var england = scaled(council, toInCare: 80_000, entriesPerYear: 32_000)
            england.replications = replications
            let shards = try arguments.int("shards", in: 1...64) ?? 4
            if cases.contains("england-shard") {
                let shard = try ShardOption.parse(arguments.string("shard") ?? "", environment: [:])
                console.out(try BenchShards.runShard(england, shard: shard, threads: threads, folder: arguments.string("output") ?? "."))
            } else if cases.contains("england-merge") {
                console.out(try BenchShards.merge(england, shards: shards, folder: arguments.string("output") ?? "."))
            } else {
                console.out(try BenchShards.compare(england, scenarioPath: path, shards: shards, threads: threads))
            }
            return 0
        }
        #if DEBUG
        console.err("warning: this is a debug build; measure with 'swift build -c release' and .build/release/sufficiency")
        #endif
        if wanted("yaml") {
            let text = YAML.benchmarkDocument(bytes: 1 << 20)
            let started = Date()
            _ = try YAML.read(SourceText(path: "bench.yaml", text: text))
            let seconds = Date().timeIntervalSince(started)
            console.out(line([("name", .string("yaml-read-1mb")), ("bytes", .int(text.utf8.count)),
                              ("wall_seconds", .number(rounded(seconds))), ("peak_rss_mb", .number(peakRSSMegabytes()))]))
        }
        let council = try ScenarioLoader().load(path)
        if wanted("medway") { console.out(time("medway", council, replications, threads)) }
        if wanted("england") { console.out(time("england", scaled(council, toInCare: 80_000, entriesPerYear: 32_000), replications, threads)) }
        return 0
    }

    static func time(_ name: String, _ scenario: Scenario, _ replications: Int, _ threads: Int) -> String {
        let model = CareModel(scenario)
        let started = Date()
        let tallies = MonteCarlo.run(model, replications: replications, threads: threads)
        let seconds = Date().timeIntervalSince(started)
        let events = tallies.reduce(0) { $0 + $1.events }
        return line([
            ("name", .string(name)), ("replications", .int(replications)), ("threads", .int(threads)),
            ("in_care_at_start", .int(scenario.population.reduce(0) { $0 + $1.count })),
            ("events", .int(events)), ("wall_seconds", .number(rounded(seconds))),
            ("events_per_second", .int(Int(Double(events) / seconds))), ("peak_rss_mb", .number(peakRSSMegabytes())),
        ])
    }

    /// The council scaled up (see ``Scenario/scaled(toInCare:entriesPerYear:)``), renamed to say so.
    static func scaled(_ council: Scenario, toInCare target: Int, entriesPerYear: Double) -> Scenario {
        var s = council.scaled(toInCare: target, entriesPerYear: entriesPerYear)
        let k = Double(target) / Double(council.population.reduce(0) { $0 + $1.count })
        s.name = "England-size system (\(council.name) × \(Int(k.rounded())))"
        return s
    }

    static func line(_ fields: [(String, JSON)]) -> String { JSON.object(fields).rendered(pretty: false) }

    static func rounded(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }

    /// Peak resident memory of this process so far (VmHWM from /proc/self/status), in MB.
    static func peakRSSMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return (kb / 1024 * 10).rounded() / 10
    }
}
