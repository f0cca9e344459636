import ScenarioModel
import Foundation

/// A run folder read back from disk — `run.json` and the projection CSVs that
/// `sufficiency run` writes — so that a report can be made from any past run, with nothing
/// but the folder.
package struct RunFolder: Sendable {
    /// What `run.json` says about the run; keys it lacks get a neutral default.
    package struct Record: Sendable, Equatable {
        /// The scenario file the run was made from, as given.
        package var scenario: String
        /// The scenario's own name, e.g. `Medway baseline`.
        package var scenarioName: String
        package var sha256: String
        package var seed: String
        package var replications: Int
        package var toolVersion: String
        /// The quantile definition run.json names, if it names one.
        package var quantiles: String?
        /// The `--set KEY=VALUE` changes the run was made with.
        package var overrides: [String]
        /// What the 90% intervals carry and what they do not (empty for runs from before run.json said).
        package var intervalsInclude: [String] = []
        package var intervalsExclude: String = ""
        /// The first and last days simulated (nil for runs from before run.json said).
        package var firstDay: Day? = nil
        package var lastDay: Day? = nil
    }

    /// The folder, as given.
    package var path: String
    package var record: Record
    /// The day the run was made: from run.json (`run_date`, `date`, `started` or `finished`)
    /// or else the day run.json was last written, as `YYYY-MM-DD`.
    package var runDate: String
    /// `bed_need.csv`: date, placement, age_band.
    package var bedNeed: QuantileTable
    /// `costs.csv`: financial_year, placement, with budget and variance.
    package var costs: QuantileTable
    /// `sufficiency_gap.csv`: date, placement, measure; nil for runs from before it existed.
    package var gap: QuantileTable?
    /// `mtfs.csv`, when the run has one: projected spend per cost line and financial year.
    package var mtfs: [MTFSLine]?
    /// `measures.csv`: financial_year (or `start`), measure; nil for runs from before it existed.
    package var measures: QuantileTable? = nil

    /// One row of `mtfs.csv`.
    package struct MTFSLine: Sendable, Equatable {
        package var financialYear: String
        /// A provider, or `total`.
        package var costLine: String
        /// The mean spend over the simulated futures.
        package var projectedSpend: Double
        /// The 5th and 95th percentiles of spend, when the file gives them.
        package var p05: Double?
        package var p95: Double?
        package var budget: Double?
        package var variance: Double?
    }

    /// Reads the run folder at `path`.
    /// - Throws: ``FileError`` when `path` is not a folder, has no run.json (it is not a run
    ///   folder, or the run did not finish), or a file is missing or malformed (with its line).
    package static func read(_ path: String) throws(FileError) -> RunFolder {
        try checkFolder(path)
        let runJSON = join(path, "run.json")
        guard FileManager.default.fileExists(atPath: runJSON) else {
            throw FileError(path: path, "not a run folder: no run.json; run 'sufficiency run SCENARIO' first")
        }
        let object = try readJSON(runJSON)
        let record = Record(object, path: runJSON)
        let runDate = Self.date(in: object) ?? Self.modificationDate(runJSON)
        let bedNeed = try QuantileTable.read(try csv(path, "bed_need.csv"), period: "date", group: "placement", detail: "age_band")
        let costs = try QuantileTable.read(try csv(path, "costs.csv"), period: "financial_year", group: "placement", detail: nil)
        var gap: QuantileTable?
        if let file = try csv(path, "sufficiency_gap.csv", optional: true) {
            gap = try QuantileTable.read(file, period: "date", group: "placement", detail: "measure")
        }
        let mtfs = try csv(path, "mtfs.csv", optional: true).map { file throws(FileError) in try mtfsLines(file) }
        let measures = try csv(path, "measures.csv", optional: true).map { file throws(FileError) in
            try QuantileTable.read(file, period: "financial_year", group: "measure", detail: nil)
        }
        return RunFolder(path: path, record: record, runDate: runDate, bedNeed: bedNeed, costs: costs, gap: gap, mtfs: mtfs,
                         measures: measures)
    }

    /// The rows of `mtfs.csv`; blank budget and variance cells are no figure.
    static func mtfsLines(_ file: CSVFile) throws(FileError) -> [MTFSLine] {
        let (year, line, spend) = (try file.requiredColumn("financial_year"), try file.requiredColumn("cost_line"),
                                   try file.requiredColumn("projected_spend"))
        let (budget, variance) = (file.column("budget"), file.column("variance"))
        let (p05, p95) = (file.column("p05"), file.column("p95"))
        let needed = [year, line, spend, budget ?? 0, variance ?? 0, p05 ?? 0, p95 ?? 0].max()! + 1
        var result: [MTFSLine] = []
        for (fields, number) in zip(file.rows, file.lines) {
            guard fields.count >= needed else {
                throw FileError(path: file.path, line: number, "expected \(file.columns.count) fields, found \(fields.count)")
            }
            func figure(_ index: Int?, blankAllowed: Bool) throws(FileError) -> Double? {
                guard let index else { return nil }
                let text = fields[index].trimmingCharacters(in: .whitespaces)
                if text.isEmpty && blankAllowed { return nil }
                guard let value = Double(text), value.isFinite else {
                    throw FileError(path: file.path, line: number, "expected a number for '\(file.columns[index])', found '\(text)'")
                }
                return value
            }
            result.append(MTFSLine(
                financialYear: fields[year], costLine: CSVTable.restored(fields[line]), projectedSpend: try figure(spend, blankAllowed: false)!,
                p05: try figure(p05, blankAllowed: true), p95: try figure(p95, blankAllowed: true),
                budget: try figure(budget, blankAllowed: true), variance: try figure(variance, blankAllowed: true)))
        }
        return result
    }

    /// Throws unless `path` is an existing folder.
    static func checkFolder(_ path: String) throws(FileError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw FileError(path: path, "no such folder")
        }
        guard isDirectory.boolValue else { throw FileError(path: path, "not a folder; give the folder a run wrote") }
    }

    /// `folder/name`, without doubling a trailing `/`.
    package static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// Reads `folder/name` as CSV; nil when `optional` and the file is absent.
    static func csv(_ folder: String, _ name: String, optional: Bool = false) throws(FileError) -> CSVFile? {
        let file = join(folder, name)
        guard FileManager.default.fileExists(atPath: file) else {
            if optional { return nil }
            throw FileError(path: file, "missing; the run folder is incomplete (run the scenario again)")
        }
        return try CSVReader.read(URL(fileURLWithPath: file))
    }

    /// Reads `folder/name` as CSV, which must be there.
    static func csv(_ folder: String, _ name: String) throws(FileError) -> CSVFile {
        try csv(folder, name, optional: false)!
    }

    /// Reads a JSON object from `path`.
    package static func readJSON(_ path: String) throws(FileError) -> [String: Any] {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw FileError(path: path, "cannot read the file: \(error.localizedDescription)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw FileError(path: path, "not a JSON object; the file is damaged (run the scenario again)")
        }
        return object
    }

    /// The run's date from run.json, if it records one.
    private static func date(in object: [String: Any]) -> String? {
        for key in ["run_date", "date", "started", "finished"] {
            if let text = object[key] as? String, text.count >= 10, Day(iso: text.prefix(10)) != nil { return String(text.prefix(10)) }
        }
        return nil
    }

    /// The local day `path` was last modified, as `YYYY-MM-DD`.
    static func modificationDate(_ path: String) -> String {
        let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? Date()
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: modified)
        return (Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(number: 0)).description
    }
}

extension RunFolder.Record {
    /// The record in run.json's object; the scenario's file name stands in for a missing name.
    init(_ object: [String: Any], path: String) {
        let scenario = object["scenario"] as? String ?? ""
        let fileName = scenario.split(separator: "/").last.map(String.init) ?? ""
        self.scenario = scenario
        scenarioName = object["scenario_name"] as? String ?? (fileName.isEmpty ? "unnamed scenario" : fileName)
        sha256 = object["sha256"] as? String ?? ""
        seed = (object["seed"] as? NSNumber)?.stringValue ?? (object["seed"] as? String ?? "not recorded")
        replications = (object["replications"] as? NSNumber)?.intValue ?? 0
        toolVersion = object["tool_version"] as? String ?? "not recorded"
        quantiles = object["quantiles"] as? String
        overrides = object["overrides"] as? [String] ?? []
        intervalsInclude = object["intervals_include"] as? [String] ?? []
        intervalsExclude = object["intervals_exclude"] as? String ?? ""
        firstDay = (object["first_day"] as? String).flatMap { Day(iso: Substring($0)) }
        lastDay = (object["last_day"] as? String).flatMap { Day(iso: Substring($0)) }
    }
}
