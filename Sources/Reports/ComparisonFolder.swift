import Foundation

/// A comparison folder read back from disk, as `sufficiency compare BASE VARIANT…` writes it:
/// `compare.json`, one run folder per scenario (named by the scenario file's base name) and
/// one `<variant>-vs-<base>` folder per variant holding the paired differences.
package struct ComparisonFolder: Sendable {
    /// One variant: its own run and its paired differences from the base.
    package struct Variant: Sendable {
        /// The variant's folder name, e.g. `medway-two-homes`.
        package var name: String
        package var run: RunFolder
        /// `<variant>-vs-<base>/costs.csv`: each figure summarises variant − base per replication.
        package var costDifference: QuantileTable
        /// `<variant>-vs-<base>/bed_need.csv`, the same for bed need.
        package var bedNeedDifference: QuantileTable
        /// `<variant>-vs-<base>/measures.csv`, the same for the strategy's measures; nil for older comparisons.
        package var measuresDifference: QuantileTable? = nil
    }

    package var path: String
    /// The base scenario's folder name.
    package var baseName: String
    package var base: RunFolder
    package var variants: [Variant]

    /// What the report calls each run, base first: the scenario's name, with its `--set`
    /// changes when it has any; the folder names instead when that leaves two alike.
    package var labels: [String] {
        let runs = [base] + variants.map(\.run)
        let named = runs.map { run in
            run.record.scenarioName + (run.record.overrides.isEmpty ? "" : " (\(run.record.overrides.joined(separator: ", ")))")
        }
        return Set(named).count == named.count ? named : [baseName] + variants.map(\.name)
    }

    /// Whether `path` holds a `compare.json`, so is a comparison folder rather than a run folder.
    package static func isComparison(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: RunFolder.join(path, "compare.json"))
    }

    /// Reads the comparison folder at `path`.
    /// - Throws: ``FileError`` naming the file (and line) that is missing or malformed.
    package static func read(_ path: String) throws(FileError) -> ComparisonFolder {
        try RunFolder.checkFolder(path)
        let jsonPath = RunFolder.join(path, "compare.json")
        let object = try RunFolder.readJSON(jsonPath)
        guard let baseName = object["base"] as? String, !baseName.isEmpty else {
            throw FileError(path: jsonPath, "no 'base' scenario named; the file is damaged (run the comparison again)")
        }
        guard let names = object["variants"] as? [String], !names.isEmpty else {
            throw FileError(path: jsonPath, "no 'variants' named; the file is damaged (run the comparison again)")
        }
        let base = try RunFolder.read(RunFolder.join(path, baseName))
        var variants: [Variant] = []
        for name in names {
            let run = try RunFolder.read(RunFolder.join(path, name))
            let differences = RunFolder.join(path, "\(name)-vs-\(baseName)")
            try RunFolder.checkFolder(differences)
            let costs = try QuantileTable.read(try RunFolder.csv(differences, "costs.csv"),
                                               period: "financial_year", group: "placement", detail: nil)
            let beds = try QuantileTable.read(try RunFolder.csv(differences, "bed_need.csv"),
                                              period: "date", group: "placement", detail: "age_band")
            let measures = try RunFolder.csv(differences, "measures.csv", optional: true).map { file throws(FileError) in
                try QuantileTable.read(file, period: "financial_year", group: "measure", detail: nil)
            }
            variants.append(Variant(name: name, run: run, costDifference: costs, bedNeedDifference: beds, measuresDifference: measures))
        }
        return ComparisonFolder(path: path, baseName: baseName, base: base, variants: variants)
    }
}
