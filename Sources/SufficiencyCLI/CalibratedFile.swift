import Foundation
import Reports

/// The scenario file `calibrate` writes, stamped with the SHA-256 of its text so that a later
/// `calibrate` replaces it only while it is as written: an analyst told to put their own costs
/// and capacities into the file must not lose them to a second `calibrate` into the same name.
/// The data-quality report written beside it (`NAME.quality.csv`) is protected through it: the
/// scenario's stamped lines hold the report's SHA-256, so a report edited since, or one that
/// calibrate did not write, is never replaced either.
enum CalibratedFile {
    static let stampPrefix = "# written by 'sufficiency calibrate'; SHA-256 of the lines above: "
    static let qualityPrefix = "# data-quality report beside this file: "

    /// `text` with its stamp as the last line; with `quality`, the line before it holds the
    /// data-quality report's name and SHA-256.
    static func stamped(_ text: String, quality: (name: String, csv: String)? = nil) -> String {
        var body = text.hasSuffix("\n") ? text : text + "\n"
        if let quality { body += qualityLine(quality.name, csv: quality.csv) + "\n" }
        return body + stampPrefix + SHA256.hex(body) + " (once edited, calibrate will not replace this file)\n"
    }

    /// The line that records the data-quality report `name` holding `csv`.
    static func qualityLine(_ name: String, csv: String) -> String {
        qualityPrefix + name + ", SHA-256 " + SHA256.hex(csv)
    }

    /// The data-quality report's path beside the scenario `output` (`a/b.yaml` → `a/b.quality.csv`).
    static func qualityPath(_ output: String) -> String {
        let base = output.hasSuffix(".yaml") ? String(output.dropLast(5)) : output.hasSuffix(".yml") ? String(output.dropLast(4)) : output
        return base + ".quality.csv"
    }

    /// Whether the file's text is a stamped calibration left as written.
    static func isUnedited(_ text: String) -> Bool {
        guard let range = text.range(of: "\n" + stampPrefix, options: .backwards) else { return false }
        let body = String(text[..<range.lowerBound]) + "\n"
        let rest = text[range.upperBound...]
        let expected = SHA256.hex(body) + " (once edited, calibrate will not replace this file)\n"
        return rest == expected
    }

    /// Refuses to replace a file at `path` that calibrate did not write, or that was edited since,
    /// and the same for the data-quality report beside it: that report is replaced only when the
    /// scenario at `path` is a calibration left as written that records the report's SHA-256.
    static func checkReplaceable(_ path: String) throws {
        try checkScenarioReplaceable(path)
        let quality = qualityPath(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: quality, isDirectory: &isDirectory) else { return }
        let name = String(quality.split(separator: "/").last ?? "")
        if !isDirectory.boolValue, let csv = FileManager.default.contents(atPath: quality),
           let scenario = FileManager.default.contents(atPath: path).map({ String(decoding: $0, as: UTF8.self) }),
           isUnedited(scenario), scenario.contains("\n" + qualityLine(name, csv: String(decoding: csv, as: UTF8.self)) + "\n") {
            return
        }
        throw CommandFailure("""
            '\(quality)' already exists, and calibrate did not write it beside '\(path)' or it has been edited since: \
            calibrating would replace it with this calibration's data-quality report. Give another '--output', or move the file away first
            """)
    }

    /// Refuses to replace a scenario file at `path` that calibrate did not write, or that was edited since.
    private static func checkScenarioReplaceable(_ path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue { throw CommandFailure("cannot write '\(path)': it is a folder; give a file name ending in '.yaml'") }
        guard let data = FileManager.default.contents(atPath: path), isUnedited(String(decoding: data, as: UTF8.self)) else {
            throw CommandFailure("""
                '\(path)' already exists, and calibrate did not write it or it has been edited since: \
                calibrating into it would lose its figures. Give another '--output', or move the file away first
                """)
        }
    }
}
