import Foundation
import Testing
@testable import Reports

@Suite("Folder replacement")
final class FolderReplacementTests {
    let scratch: String

    init() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("FolderReplacementTests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: scratch) }

    func entries(_ path: String) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: path).sorted() }

    /// Writes `files` into a new replacement of `path` and commits it.
    func replace(_ path: String, with files: [(name: String, contents: String)]) throws {
        let replacement = try FolderReplacement.begin(path)
        try OutputDirectory(path: replacement.staging).write(files)
        try replacement.commit()
    }

    @Test("the new folder replaces the old one whole: no old file survives, nothing hidden is left")
    func replacesWhole() throws {
        let path = scratch + "/out/run"
        try replace(path, with: [("a.csv", "old a"), ("report.html", "old report"), ("run.json", "old")])
        try OutputDirectory(path: path + "/charts").write([("x.svg", "<svg/>")])
        try replace(path, with: [("a.csv", "new a"), ("run.json", "new")])
        #expect(try entries(path) == ["a.csv", "run.json"])
        #expect(try String(contentsOfFile: path + "/a.csv", encoding: .utf8) == "new a")
        #expect(try entries(scratch + "/out") == ["run"])
    }

    @Test("a second run into a folder in use is refused, naming the process; once released it may go on")
    func secondRunRefused() throws {
        let path = scratch + "/run"
        let first = try FolderReplacement.begin(path)
        let error = #expect(throws: OutputDirectoryError.self) { try FolderReplacement.begin(path) }
        #expect(error?.description == "cannot write to '\(path)': another run is writing to it (process \(getpid())); wait for it to finish, or give another --output")
        try OutputDirectory(path: first.staging).write([("run.json", "{}")])
        try first.commit()
        let second = try FolderReplacement.begin(path)
        second.release()
        #expect(try entries(scratch) == ["run"])
    }

    @Test("a folder held for its report cannot be replaced meanwhile, nor held twice")
    func held() throws {
        let path = scratch + "/run"
        try replace(path, with: [("run.json", "{}")])
        let hold = try FolderReplacement.hold(path)
        #expect(throws: OutputDirectoryError.self) { try FolderReplacement.begin(path) }
        #expect(throws: OutputDirectoryError.self) { try FolderReplacement.hold(path) }
        hold.release()
        try replace(path, with: [("run.json", "{}")])
        #expect(try entries(scratch) == ["run"])
    }

    @Test("an abandoned replacement leaves the old folder as it was")
    func abandoned() throws {
        let path = scratch + "/run"
        try replace(path, with: [("a.csv", "old a"), ("run.json", "old")])
        do {
            let replacement = try FolderReplacement.begin(path)
            try OutputDirectory(path: replacement.staging).write([("a.csv", "half")])
        }
        #expect(try entries(scratch) == ["run"])
        #expect(try String(contentsOfFile: path + "/a.csv", encoding: .utf8) == "old a")
    }

    @Test("a folder that no run wrote is not replaced (its files would be lost)")
    func foreignFolderRefused() throws {
        let path = scratch + "/documents"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try "mine".write(toFile: path + "/notes.txt", atomically: false, encoding: .utf8)
        let error = #expect(throws: OutputDirectoryError.self) { try FolderReplacement.begin(path) }
        #expect(error?.description == "cannot write to '\(path)': it holds files that no run wrote (such as 'notes.txt'), which replacing it would delete; give a new or empty folder")
        #expect(try entries(path) == ["notes.txt"])
        // A hidden folder such as .git is someone's work too; a file browser's .DS_Store is not.
        let repository = scratch + "/repository"
        try FileManager.default.createDirectory(atPath: repository + "/.git", withIntermediateDirectories: true)
        #expect(throws: OutputDirectoryError.self) { try FolderReplacement.begin(repository) }
        let browsed = scratch + "/browsed"
        try FileManager.default.createDirectory(atPath: browsed, withIntermediateDirectories: true)
        try "".write(toFile: browsed + "/.DS_Store", atomically: false, encoding: .utf8)
        try replace(browsed, with: [("run.json", "{}")])
        #expect(try entries(browsed) == ["run.json"])
    }

    @Test("what a killed run left is cleared, and a folder it set aside is put back")
    func recovers() throws {
        let path = scratch + "/run"
        // A killed run's staging folder, and an old folder set aside with none in its place.
        try OutputDirectory(path: scratch + "/.run.new-abc").write([("a.csv", "partial")])
        try OutputDirectory(path: scratch + "/.run.old-def").write([("a.csv", "old a"), ("run.json", "old")])
        let replacement = try FolderReplacement.begin(path)
        #expect(try entries(path) == ["a.csv", "run.json"])
        #expect(try entries(scratch).filter { !$0.hasPrefix(".run.new-") && !$0.hasPrefix(".run.lock") } == ["run"])
        replacement.release()
        #expect(try entries(scratch) == ["run"])
    }

    @Test("a planted link at the lock's name is refused, not followed")
    func plantedLockLink() throws {
        let victim = scratch + "/victim.txt"
        try "precious".write(toFile: victim, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: scratch + "/.run.lock", withDestinationPath: victim)
        let error = #expect(throws: OutputDirectoryError.self) { try FolderReplacement.begin(self.scratch + "/run") }
        #expect(error?.description.hasPrefix("cannot write to '\(scratch)/run': cannot make its lock file") == true)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
    }
}
