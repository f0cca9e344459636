import Foundation
import Testing
@testable import YAMLReader

/// Hostile and damaged input: every input gives a node or diagnostics, never a crash or a hang.
@Suite struct RobustnessTests {
    /// SplitMix64 (Steele, Lea & Flood 2014): a tiny seeded generator, so runs are reproducible.
    struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let pieces: [String] = [
        " ", "  ", "\n", "\r\n", "\t", "-", "- ", ":", ": ", "#", " #", "[", "]", "{", "}", ",", "'", "\"",
        "\\", "|", "|-", ">", "?", "&a", "*a", "!t", "%", "---", "...", "yes", "012", "1e3", "é", "😀",
        "\u{FEFF}", "\u{2028}", "\0", "key: value\n", "  - item\n", "\\u12", "''",
    ]

    static func corpus() throws -> [[Unicode.Scalar]] {
        try ConformanceTests.corpusNames.map { name in
            let url = ConformanceTests.corpus.appendingPathComponent(name + ".yaml")
            return Array(try String(contentsOf: url, encoding: .utf8).unicodeScalars)
        }
    }

    /// Reads the text and checks the result is well formed: a node, or at least one diagnostic
    /// whose position lies inside the text.
    static func readIsWellFormed(_ text: String) -> Bool {
        let source = SourceText(path: "fuzz.yaml", text: text)
        do {
            _ = try YAML.read(source).json.rendered()
            return true
        } catch let diagnostics as Diagnostics {
            return !diagnostics.items.isEmpty && diagnostics.items.allSatisfy { item in
                guard let mark = item.mark else { return false }
                _ = item.rendered
                return mark.line >= 1 && mark.line <= max(1, source.lines.count) && mark.column >= 1
            }
        } catch {
            return false
        }
    }

    @Test func mutatedAndTruncatedDocumentsNeverCrash() throws {
        let documents = try Self.corpus()
        var failures: [UInt64] = []
        for seed in UInt64(0)..<5_000 {
            var rng = SplitMix64(state: seed)
            var text = documents[rng.below(documents.count)]
            for _ in 0..<(1 + rng.below(4)) {
                let at = text.isEmpty ? 0 : rng.below(text.count + 1)
                switch rng.below(4) {
                case 0: text.removeSubrange(at..<text.count)  // truncate
                case 1: if at < text.count { text.remove(at: at) }
                case 2: text.insert(contentsOf: Self.pieces[rng.below(Self.pieces.count)].unicodeScalars, at: at)
                default:
                    if at < text.count { text[at] = Self.pieces[rng.below(Self.pieces.count)].unicodeScalars.first ?? " " }
                }
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: text)
            if !Self.readIsWellFormed(String(view)) { failures.append(seed) }
        }
        #expect(failures.isEmpty, "seeds \(failures.prefix(10))")
    }

    @Test(arguments: ["[", "{a: ", "- ", "[{"])
    func deepFlowAndCompactNestingIsAnError(prefix: String) throws {
        let text = String(repeating: prefix, count: 100_000)
        #expect(throws: Diagnostics.self) { try YAML.read(SourceText(path: "deep.yaml", text: text)) }
        let error = try #require(try? { () throws -> Diagnostics? in
            do { _ = try YAML.read(SourceText(path: "deep.yaml", text: text)); return nil } catch let d as Diagnostics { return d }
        }())
        #expect(error.items.first?.message == "nesting deeper than 256 levels")
    }

    @Test func deepBlockIndentationIsAnError() throws {
        // 100,000 levels of "key:" each indented one space more (5·10⁹ characters would be needed
        // for all of them; the reader must stop at level 257, so the text only needs that many).
        var text = ""
        for level in 0..<300 { text += String(repeating: " ", count: level) + "k:\n" }
        text += String(repeating: " ", count: 300) + "end\n"
        do {
            _ = try YAML.read(SourceText(path: "deep.yaml", text: text))
            Issue.record("read 300 levels without error")
        } catch let diagnostics as Diagnostics {
            // The 258-character line is cut to a window of maxEchoWidth ending at its end.
            let shown = Diagnostic.maxEchoWidth - 2
            #expect(diagnostics.rendered == """
                deep.yaml:257:257: error: nesting deeper than 256 levels
                    …\(String(repeating: " ", count: shown))k:
                     \(String(repeating: " ", count: shown))^
                """)
        }
    }

    @Test func nestingUpToTheLimitReads() throws {
        let text = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        var node = try YAML.read(SourceText(path: "ok.yaml", text: text))
        var depth = 1
        while case .sequence(let items) = node.content, let first = items.first {
            node = first
            depth += 1
        }
        #expect(depth == 256)
    }

    @Test func hundredThousandLevelsOfSequenceDashesIsAnError() {
        let text = String(repeating: "- ", count: 100_000) + "a\n"
        #expect(throws: Diagnostics.self) { try YAML.read(SourceText(path: "deep.yaml", text: text)) }
    }

    @Test func benchmarkDocumentReadsAndHasTheRequestedSize() throws {
        let text = YAML.benchmarkDocument(bytes: 100_000)
        #expect(text.utf8.count >= 100_000 && text.utf8.count < 110_000)
        let node = try YAML.read(SourceText(path: "bench.yaml", text: text))
        guard case .mapping(let pairs) = node.content else { Issue.record("not a mapping"); return }
        #expect(pairs.map(\.key).contains("placements"))
    }
}
