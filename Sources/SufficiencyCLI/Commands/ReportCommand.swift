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
        let charts = files.filter { $0.hasPrefix("charts/") }.count
        let shown = folder.hasSuffix("/") ? folder : folder + "/"
        console.out("wrote \(shown)report.html and \(charts) charts in \(shown)charts/")
        return 0
    }
}
