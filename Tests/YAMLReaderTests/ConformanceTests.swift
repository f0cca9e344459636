import Foundation
import Testing
@testable import YAMLReader

/// Compares our reading with PyYAML's: the committed corpus (expected trees produced once by
/// `scripts/regenerate-yaml-conformance.py`) and, at test time, the repository's scenarios.
@Suite struct ConformanceTests {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repositoryRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = testsFolder.appendingPathComponent("Fixtures/conformance")

    static var corpusNames: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    @Test func corpusIsLargeEnough() {
        #expect(Self.corpusNames.count >= 60)
    }

    @Test(arguments: corpusNames)
    func readsLikePyYAML(name: String) throws {
        let yamlURL = Self.corpus.appendingPathComponent(name + ".yaml")
        let text = try String(contentsOf: yamlURL, encoding: .utf8)
        let expectedData = try Data(contentsOf: Self.corpus.appendingPathComponent(name + ".json"))
        let expected = try JSONSerialization.jsonObject(with: expectedData, options: [.fragmentsAllowed])
        let node = try YAML.read(SourceText(path: name + ".yaml", text: text))
        #expect(JSONComparison.matches(node.json, expected), "\(name): got \(node.json.rendered())")
    }

    // MARK: Scenarios, against PyYAML at test time

    static let pythonWithYAML: Bool = PyYAML.run(arguments: ["-c", "import yaml"], input: Data()) != nil

    @Test(.enabled(if: pythonWithYAML, "needs python3 with PyYAML (import yaml) to compare readings"))
    func scenariosReadLikePyYAML() throws {
        let folder = Self.repositoryRoot.appendingPathComponent("scenarios")
        let mismatches = try PyYAML.mismatches(in: folder)
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test(.enabled(if: pythonWithYAML, "needs python3 with PyYAML (import yaml) to compare readings"))
    func scenarioHarnessFindsAgreementAndDisagreement() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yaml-harness-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "name: x\nlist: [1, 2.5, true, ~]\nwhen: 2026-04-01\n".write(
            to: folder.appendingPathComponent("agree.yaml"), atomically: true, encoding: .utf8)
        #expect(try PyYAML.mismatches(in: folder).isEmpty)
        // A document we reject while PyYAML reads it must be reported, so the harness can fail.
        try "answer: yes\n".write(to: folder.appendingPathComponent("ambiguous.yaml"), atomically: true, encoding: .utf8)
        #expect(try PyYAML.mismatches(in: folder) == ["ambiguous.yaml"])
    }
}

/// Runs PyYAML through the regeneration script's `--stdin` mode.
enum PyYAML {
    static let script = ConformanceTests.repositoryRoot.appendingPathComponent("scripts/regenerate-yaml-conformance.py")

    /// Runs python3 with the arguments and input; the standard output, or nil if it failed.
    static func run(arguments: [String], input: Data) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        stdin.fileHandleForWriting.write(input)
        try? stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? output : nil
    }

    /// The names of the `.yaml` files in `folder` that we and PyYAML read differently
    /// (including files only one of the two can read).
    static func mismatches(in folder: URL) throws -> [String] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
        var mismatched: [String] = []
        for name in names {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let ours = try? YAML.read(SourceText(path: name, text: String(decoding: data, as: UTF8.self)))
            let theirs = run(arguments: [script.path, "--stdin"], input: data)
                .flatMap { try? JSONSerialization.jsonObject(with: $0, options: [.fragmentsAllowed]) }
            if let ours, let theirs, JSONComparison.matches(ours.json, theirs) { continue }
            mismatched.append(name)
        }
        return mismatched
    }
}

/// Structural comparison of our JSON with a Foundation JSON object: numbers compare numerically,
/// and integers must match integers, floats floats (PyYAML writes floats with a '.' or exponent).
enum JSONComparison {
    static func matches(_ json: JSON, _ any: Any) -> Bool {
        switch json {
        case .null: return any is NSNull
        case .bool(let value):
            guard let number = any as? NSNumber, isBool(number) else { return false }
            return number.boolValue == value
        case .int(let value):
            guard let number = any as? NSNumber, !isBool(number), !isDouble(number) else { return false }
            return number.int64Value == Int64(value)
        case .number(let value):
            guard let number = any as? NSNumber, isDouble(number) else { return false }
            return number.doubleValue == value
        case .string(let value): return (any as? String) == value
        case .array(let items):
            guard let others = any as? [Any], others.count == items.count else { return false }
            return zip(items, others).allSatisfy { matches($0, $1) }
        case .object(let members):
            guard let others = any as? [String: Any], others.count == members.count else { return false }
            return members.allSatisfy { key, value in others[key].map { matches(value, $0) } ?? false }
        }
    }

    private static func isBool(_ number: NSNumber) -> Bool { String(cString: number.objCType) == "c" }
    private static func isDouble(_ number: NSNumber) -> Bool { String(cString: number.objCType) == "d" }
}
