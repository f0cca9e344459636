import Foundation
import Testing
@testable import SufficiencyCLI

/// Nothing from a file or an argument reaches the terminal as a control character, and a file
/// with a huge line or thousands of errors gives a screenful, not megabytes.
@Suite struct TerminalSafetyTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let example = repo.appendingPathComponent("scenarios/example-annotated.yaml")

    /// The example scenario with one piece of text replaced, written to a fresh folder.
    static func scenario(replacing old: String, with new: String, in folder: URL) throws -> String {
        let text = try String(contentsOf: example, encoding: .utf8)
        #expect(text.components(separatedBy: old).count == 2)
        let path = folder.appendingPathComponent("s.yaml").path
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
    }

    @Test func escapesInANameAreShownNotObeyed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.scenario(replacing: "name: Example council baseline", with: #"name: "Ex\e[31mample\a\nx""#, in: folder)
        let result = runCLI(["validate", path])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix(#"\#(path): ok: 'Ex\e[31mample\a\nx', 2025-04-01"#), "\(result.out)")
        #expect(!Self.hasControlCharacters(result.out + result.err))
    }

    @Test func escapesInAKeyAreShownNotObeyed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.scenario(replacing: "  supported accommodation:  {16",
                                     with: #"  "supported\naccommodation\e[2J":  {16"#, in: folder)
        let result = runCLI(["validate", path])
        #expect(result.status == 1)
        #expect(result.err == #"""
            \#(path):132:3: error: unknown provider 'supported\naccommodation\e[2J'; did you mean 'supported accommodation'?
                  "supported\naccommodation\e[2J":  {16 to 17: 8}
                  ^

            """#, "\(result.err)")
    }

    @Test func escapesInArgumentsAreShownNotObeyed() {
        let result = runCLI(["run", "x.yaml", "--seed", "4\u{1B}[2J2"])
        #expect(result.status == 2)
        #expect(result.err.hasPrefix(#"error: '--seed' expects a whole number from 0 to 9223372036854775807, found '4\e[2J2'"#))
        #expect(!Self.hasControlCharacters(result.out + result.err))
        let unknown = runCLI(["r\u{07}un"])
        #expect(unknown.err.hasPrefix(#"error: unknown command 'r\aun'"#))
    }

    @Test func aMegabyteLineIsNotEchoedWhole() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("s.yaml").path
        let long = String(repeating: "x", count: 1_000_000)
        try "name: \(long)\u{1B}\nstart: 2025-04-01\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = runCLI(["validate", path])
        #expect(result.status == 1)
        #expect(result.err.utf8.count < 1_000, "\(result.err.utf8.count) bytes of errors")
        #expect(result.err.hasPrefix("\(path):1:1000007: error: the character U+001B is not allowed here"))
        #expect(result.err.contains("xxx\\e\n"))
    }

    @Test func thousandsOfUnknownKeysGiveACount() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("s.yaml").path
        let keys = (0..<2_000).map { "unknown_\($0): 1\n" }.joined()
        try (try String(contentsOf: Self.example, encoding: .utf8) + keys).write(toFile: path, atomically: true, encoding: .utf8)
        let result = runCLI(["validate", path])
        #expect(result.status == 1)
        let lines = result.err.split(separator: "\n")
        #expect(lines.count == 31)
        #expect(lines.last == "… and 1,990 more errors")
    }

    @Test func theStandardConsoleEscapesControlCharactersButKeepsLayout() {
        #expect(Console.terminalSafe("a\u{1B}[2Jb\u{07}\r\tc\nd\u{9B}") == "a\\e[2Jb\\a\\r\tc\nd\\x9B")
    }
}
