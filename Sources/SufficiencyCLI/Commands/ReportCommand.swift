import Foundation
import Reports

/// `sufficiency report RUN_DIR`: the report of a past run (or comparison) from its folder alone:
/// `report.html` for councillors and each chart as an SVG file in `charts/`.
enum ReportCommand {
    static let command = CLI.Command(spec: ArgumentSpec(
        command: "report", summary: "write report.html and the charts as SVG from a run or comparison folder",
        positionals: [.init("folder", help: "a folder written by 'sufficiency run' or 'sufficiency compare'")])
    ) { arguments, console in
        let folder = arguments.positional("folder")!
        let files: [String]
        // No run may replace the folder while its report is written (a missing folder is
        // reported by RunReport, naming it).
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue
        let lock = exists ? try FolderReplacement.hold(folder) : nil
        defer { lock?.release() }
        do { files = try RunReport.write(folder: folder) } catch let error as FileError {
            console.err(error.description)
            return 1
        }
        // A run folder's run.json lists every file in it: the report and charts join the list.
        if !ComparisonFolder.isComparison(folder) {
            let runJSON = RunFolder.join(folder, "run.json")
            let text = (try? String(contentsOfFile: runJSON, encoding: .utf8)) ?? ""
            if let listed = RunRecord.listing(files, inRunJSON: text) {
                if listed != text { try OutputDirectory(path: folder).write([("run.json", listed)]) }
            } else {
                console.err("note: \(runJSON) has no list of files as a run writes it; report.html and the charts are not added to it")
            }
        }
        let charts = files.filter { $0.hasPrefix("charts/") }.count
        let shown = folder.hasSuffix("/") ? folder : folder + "/"
        console.out("wrote \(shown)report.html and \(charts) charts in \(shown)charts/")
        return 0
    }
}
