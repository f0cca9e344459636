import Foundation
import Reports

/// The scenario file `calibrate` writes, stamped with the SHA-256 of its text so that a later
/// `calibrate` replaces it only while it is as written: an analyst told to put their own costs
/// and capacities into the file must not lose them to a second `calibrate` into the same name.
enum CalibratedFile {
    static let stampPrefix = "# written by 'sufficiency calibrate'; SHA-256 of the lines above: "

    /// `text` with its stamp as the last line.
    static func stamped(_ text: String) -> String {
        let body = text.hasSuffix("\n") ? text : text + "\n"
        return body + stampPrefix + SHA256.hex(body) + " (once edited, calibrate will not replace this file)\n"
    }

    /// Whether the file's text is a stamped calibration left as written.
    static func isUnedited(_ text: String) -> Bool {
        guard let range = text.range(of: "\n" + stampPrefix, options: .backwards) else { return false }
        let body = String(text[..<range.lowerBound]) + "\n"
        let rest = text[range.upperBound...]
        let expected = SHA256.hex(body) + " (once edited, calibrate will not replace this file)\n"
        return rest == expected
    }

    /// Refuses to replace a file at `path` that calibrate did not write, or that was edited since.
    static func checkReplaceable(_ path: String) throws {
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
