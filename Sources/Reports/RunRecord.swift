import Foundation
import ScenarioModel
import YAMLReader

/// `run.json`: what was run, from which files (with their SHA-256), with what seed, by which
/// version of the tool, and how long it took — enough for an auditor to reproduce the run.
package struct RunRecord: Sendable {
    package var scenarioPath: String
    package var scenarioName: String
    /// Every file the scenario was built from: the file given, then each baseline it extends.
    package var sources: [(path: String, text: String)]
    package var overrides: [String]
    package var seed: UInt64
    package var replications: Int
    package var threads: Int
    package var toolVersion: String
    package var events: Int
    package var wallSeconds: Double
    /// When the run started (written as an ISO 8601 UTC time).
    package var runDate: Date
    /// Paths of the files written, for the reader's convenience.
    package var files: [String]
    /// For a run merged from shards, how many.
    package var shards: Int?
    /// What the 90% intervals carry, in words (``Scenario/intervalIncludes``); written when known.
    package var intervalIncludes: [String] = []
    /// The first and last days simulated (the scenario's `start`, and the day before `start` +
    /// `horizon`), so that a report names a year simulated in part by its days; written when known.
    package var firstDay: Day?
    package var lastDay: Day?

    package init(scenarioPath: String, scenarioName: String, sources: [(path: String, text: String)],
                 overrides: [String], seed: UInt64, replications: Int, threads: Int, toolVersion: String,
                 events: Int, wallSeconds: Double, runDate: Date, files: [String]) {
        self.scenarioPath = scenarioPath
        self.scenarioName = scenarioName
        self.sources = sources
        self.overrides = overrides
        self.seed = seed
        self.replications = replications
        self.threads = threads
        self.toolVersion = toolVersion
        self.events = events
        self.wallSeconds = wallSeconds
        self.runDate = runDate
        self.files = files
    }

    package var json: JSON {
        var fields: [(String, JSON)] = [
            ("scenario", .string(scenarioPath)),
            ("scenario_name", .string(scenarioName)),
            ("sha256", .string(SHA256.hex(sources.first?.text ?? ""))),
            ("scenario_files", .array(sources.map { .object([("path", .string($0.path)), ("sha256", .string(SHA256.hex($0.text)))]) })),
            ("overrides", .array(overrides.map(JSON.string))),
            ("seed", .int(Int(clamping: seed))),
            ("replications", .int(replications)),
            ("threads", .int(threads)),
            ("tool_version", .string(toolVersion)),
            ("events", .int(events)),
            ("wall_seconds", .number((wallSeconds * 1000).rounded() / 1000)),
            ("run_date", .string(ISO8601DateFormatter().string(from: runDate))),
            ("quantiles", .string("Hyndman & Fan (1996) definition 7, as Excel PERCENTILE.INC")),
            ("files", .array(files.map(JSON.string))),
        ]
        if let shards { fields.insert(("shards", .int(shards)), at: 8) }
        if let firstDay, let lastDay {
            fields.insert(contentsOf: [("first_day", .string(firstDay.description)), ("last_day", .string(lastDay.description))], at: 7)
        }
        if !intervalIncludes.isEmpty {
            fields.insert(("intervals_include", .array(intervalIncludes.map(JSON.string))), at: fields.count - 1)
            fields.insert(("intervals_exclude", .string(Scenario.intervalExcludes)), at: fields.count - 1)
        }
        return .object(fields)
    }
}

extension Projection {
    /// The CSV files of a run, by name, in the order they are written (run.json comes after them).
    package func csvFiles() -> [(name: String, contents: String)] {
        [
            ("bed_need.csv", bedNeedTable().rendered()),
            ("costs.csv", costsTable().rendered()),
            ("flows.csv", flowsTable().rendered()),
            ("sufficiency_gap.csv", gapTable().rendered()),
            ("bed_need_by_location.csv", locationTable().rendered()),
            ("mtfs.csv", mtfsTable().rendered()),
            ("mtfs_wide.csv", mtfsWideTable().rendered()),
            ("measures.csv", measuresTable().rendered()),
        ]
    }
}

extension RunRecord {
    /// run.json's text with `added` joined to its `files` list (those not listed already, in
    /// order), every other byte kept; `nil` when the text has no `files` list as a run writes it
    /// (a hand-made or damaged run.json is left alone). For `sufficiency report`, whose report
    /// and charts are files of the run folder too.
    package static func listing(_ added: [String], inRunJSON text: String) -> String? {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any],
              let listed = object["files"] as? [String],
              let key = text.range(of: "\"files\"", options: .backwards),
              let open = text[key.upperBound...].firstIndex(where: { !$0.isWhitespace && $0 != ":" }), text[open] == "[",
              let close = text[open...].firstIndex(of: "]") else { return nil }
        let files = listed + added.filter { !listed.contains($0) }
        let array = JSON.array(files.map(JSON.string)).rendered().replacingOccurrences(of: "\n", with: "\n  ")
        let result = String(text[..<open]) + array + String(text[text.index(after: close)...])
        // The edit must leave the same record with the longer list, or it is not made.
        guard let check = (try? JSONSerialization.jsonObject(with: Data(result.utf8))) as? [String: Any],
              check["files"] as? [String] == files, check.count == object.count else { return nil }
        return result
    }
}
