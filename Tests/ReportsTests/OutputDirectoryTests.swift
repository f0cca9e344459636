import Foundation
import Testing
@testable import Reports

@Suite("Output directory")
final class OutputDirectoryTests {
    /// A fresh, empty scratch directory for one test, removed when the test ends.
    let scratch: String

    init() throws {
        scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("OutputDirectoryTests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: scratch)
    }

    func entries(_ path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    func contents(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test("creates missing parents and writes every file, leaving no temporaries")
    func writesNewDirectory() throws {
        let path = scratch + "/output/medway/baseline"
        try OutputDirectory(path: path).write([
            (name: "projection.csv", contents: "month,children\r\n2025-04,412\r\n"),
            (name: "cost £.csv", contents: "\u{FEFF}cost (£)\r\n"),
            (name: "run.json", contents: "{}\n"),
        ])
        #expect(try entries(path) == ["cost £.csv", "projection.csv", "run.json"])
        #expect(try contents(path + "/projection.csv") == "month,children\r\n2025-04,412\r\n")
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path + "/cost £.csv"))).prefix(3) == [0xEF, 0xBB, 0xBF])
        #expect(try contents(path + "/run.json") == "{}\n")
    }

    @Test("replaces existing files and leaves unrelated ones alone")
    func replacesFiles() throws {
        let directory = OutputDirectory(path: scratch)
        try directory.write([(name: "a.csv", contents: "old a, longer than the new one\n"), (name: "run.json", contents: "old")])
        try "keep".write(toFile: scratch + "/notes.txt", atomically: false, encoding: .utf8)
        try directory.write([(name: "a.csv", contents: "new a\n"), (name: "run.json", contents: "new")])
        #expect(try entries(scratch) == ["a.csv", "notes.txt", "run.json"])
        #expect(try contents(scratch + "/a.csv") == "new a\n")
        #expect(try contents(scratch + "/run.json") == "new")
        #expect(try contents(scratch + "/notes.txt") == "keep")
    }

    @Test("an empty list only creates the directory")
    func emptyList() throws {
        try OutputDirectory(path: scratch + "/empty/").write([])
        #expect(try entries(scratch + "/empty") == [])
    }

    @Test("a path that is a file is an error naming it")
    func pathIsFile() throws {
        let path = scratch + "/results"
        try "not a directory".write(toFile: path, atomically: false, encoding: .utf8)
        let error = #expect(throws: OutputDirectoryError.self) {
            try OutputDirectory(path: path).write([(name: "run.json", contents: "{}")])
        }
        #expect(error?.description == "cannot write to '\(path)': it is a file, not a directory")
        #expect(try contents(path) == "not a directory")
    }

    @Test("a path under a regular file is an error naming the file")
    func parentIsFile() throws {
        let file = scratch + "/somefile"
        try "x".write(toFile: file, atomically: false, encoding: .utf8)
        let error = #expect(throws: OutputDirectoryError.self) {
            try OutputDirectory(path: file + "/sub/deeper").write([(name: "run.json", contents: "{}")])
        }
        #expect(error?.description == "cannot write to '\(file)/sub/deeper': '\(file)' is a file, not a directory")
    }

    @Test("a path that cannot be created reports the system's reason in lower case")
    func cannotCreate() throws {
        // Tests run as root, which ignores permissions; a name over 255 bytes fails for anyone.
        let path = scratch + "/" + String(repeating: "n", count: 300)
        let error = #expect(throws: OutputDirectoryError.self) {
            try OutputDirectory(path: path).write([(name: "run.json", contents: "{}")])
        }
        #expect(error?.description == "cannot write to '\(path)': file name too long")
    }

    @Test("a failure while writing temporaries leaves existing files untouched and no temporaries")
    func failureBeforeRenames() throws {
        let directory = OutputDirectory(path: scratch)
        // A 250-byte name is a valid file name, but its hidden temporary ('.<name>.tmp-<random>')
        // is over the 255-byte limit, so opening it fails after a.csv's temporary is written.
        let long = String(repeating: "b", count: 246) + ".csv"
        try directory.write([(name: "a.csv", contents: "old a"), (name: "run.json", contents: "old run")])
        try "old b".write(toFile: scratch + "/" + long, atomically: false, encoding: .utf8)
        let error = #expect(throws: OutputDirectoryError.self) {
            try directory.write([(name: "a.csv", contents: "new a"), (name: "c.csv", contents: "new c"),
                                 (name: long, contents: "new b"), (name: "run.json", contents: "new run")])
        }
        #expect(error?.description == "cannot write to '\(scratch)/\(long)': file name too long")
        #expect(try entries(scratch) == ["a.csv", long, "run.json"])
        #expect(try contents(scratch + "/a.csv") == "old a")
        #expect(try contents(scratch + "/" + long) == "old b")
        #expect(try contents(scratch + "/run.json") == "old run")
    }

    @Test("temporaries are made exclusively: a planted link at any name is never written through")
    func plantedLinksAreNotFollowed() throws {
        // A victim file outside the folder, and links to it at every name a temporary could
        // take if names were predictable (the old '.<name>.tmp-<pid>'), and at the final name.
        let victim = scratch + "/victim.txt"
        try "precious".write(toFile: victim, atomically: false, encoding: .utf8)
        let folder = scratch + "/out"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in [".a.csv.tmp-\(getpid())", ".run.json.tmp-\(getpid())", "a.csv"] {
            try FileManager.default.createSymbolicLink(atPath: folder + "/" + name, withDestinationPath: victim)
        }
        try OutputDirectory(path: folder).write([(name: "a.csv", contents: "new a"), (name: "run.json", contents: "{}")])
        #expect(try contents(victim) == "precious")
        // The final name's link is replaced by the file itself, not written through.
        let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/a.csv")
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(try contents(folder + "/a.csv") == "new a")
        // Nothing left but the outputs and the planted links.
        #expect(try entries(folder) == [".a.csv.tmp-\(getpid())", ".run.json.tmp-\(getpid())", "a.csv", "run.json"])
    }

    @Test("a destination that is a folder stops the write before anything is renamed")
    func folderInTheWayStopsBeforeRenaming() throws {
        let directory = OutputDirectory(path: scratch)
        try directory.write([(name: "a.csv", contents: "old a"), (name: "run.json", contents: "old run")])
        // b.csv is a non-empty folder, so a file cannot be renamed over it.
        try FileManager.default.createDirectory(atPath: scratch + "/b.csv/inner", withIntermediateDirectories: true)
        let error = #expect(throws: OutputDirectoryError.self) {
            try directory.write([(name: "a.csv", contents: "new a"), (name: "b.csv", contents: "new b"), (name: "run.json", contents: "new run")])
        }
        #expect(error?.description == "cannot write to '\(scratch)/b.csv': is a folder, not a file; move it away and run again")
        // Nothing was renamed: the old run is whole, with no temporaries left.
        #expect(try entries(scratch) == ["a.csv", "b.csv", "run.json"])
        #expect(try contents(scratch + "/a.csv") == "old a")
        #expect(try contents(scratch + "/run.json") == "old run")
    }
}
