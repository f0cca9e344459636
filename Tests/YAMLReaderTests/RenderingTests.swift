import Testing
@testable import YAMLReader

/// What reaches the terminal: control characters escaped, long lines cut around the caret,
/// and thousands of errors capped with a count.
@Suite struct RenderingTests {
    static func diagnostic(_ message: String, line: String, column: Int) -> Diagnostic {
        Diagnostic(message, at: Mark(source: SourceText(path: "s.yaml", text: line + "\n"), line: 1, column: column))
    }

    @Test func controlCharactersInMessagesAndLinesAreEscaped() {
        // A key written "a\e[31mb\u0007\n" in double quotes reaches messages with ESC, BEL and a newline.
        let key = "a\u{1B}[31mb\u{07}\nc\u{202E}"
        let d = Self.diagnostic("unknown key '\(key)' in the scenario", line: "\u{1B}]0;x\u{07}: 1", column: 1)
        #expect(d.rendered == """
            s.yaml:1:1: error: unknown key 'a\\e[31mb\\a\\nc\\u202E' in the scenario
                \\e]0;x\\a: 1
                ^
            """)
        #expect(!d.rendered.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func caretStaysUnderItsCharacterAfterEscapes() {
        let d = Self.diagnostic("bad", line: "a\u{1B}\u{7F}\tb: x", column: 6)
        #expect(d.rendered == "s.yaml:1:6: error: bad\n    a\\e\\x7F\tb: x\n           \t ^")
    }

    @Test func aPathWithoutMarkIsEscapedToo() {
        #expect(Diagnostic("no such file", path: "a\u{1B}b.yaml").rendered == "a\\eb.yaml: error: no such file")
    }

    @Test func longLinesShowAWindowAroundTheCaret() {
        let line = String(repeating: "a", count: 5_000_000) + "X" + String(repeating: "b", count: 5_000_000)
        let d = Self.diagnostic("here", line: line, column: 5_000_001)
        let half = Diagnostic.maxEchoWidth / 2
        let expected = "s.yaml:1:5000001: error: here\n    …" + String(repeating: "a", count: half) + "X"
            + String(repeating: "b", count: half - 1) + "…\n     " + String(repeating: " ", count: half) + "^"
        #expect(d.rendered == expected)
    }

    @Test func longLineWithCaretNearTheEndShowsTheEnd() {
        let line = String(repeating: "a", count: 1000) + "Z"
        let rendered = Self.diagnostic("here", line: line, column: 1001).rendered
        let width = Diagnostic.maxEchoWidth
        #expect(rendered == "s.yaml:1:1001: error: here\n    …" + String(repeating: "a", count: width - 1) + "Z\n     "
            + String(repeating: " ", count: width - 1) + "^")
    }

    @Test func longMessagesKeepTheirStartAndEnd() {
        let key = String(repeating: "k", count: 100_000)
        let rendered = Self.diagnostic("unknown key '\(key)'; did you mean 'capacity'?", line: "x", column: 1).rendered
        let firstLine = rendered.split(separator: "\n")[0]
        #expect(firstLine.count < Diagnostic.maxMessageLength + 40)
        #expect(firstLine.hasPrefix("s.yaml:1:1: error: unknown key 'kkk"))
        #expect(firstLine.hasSuffix("kkk'; did you mean 'capacity'?"))
        #expect(firstLine.contains(" … "))
    }

    @Test func manyErrorsAreCappedWithACount() {
        let source = SourceText(path: "s.yaml", text: "a: 1\n")
        let items = (0..<900_000).map { Diagnostic("unknown key 'k\($0)'", at: Mark(source: source, line: 1, column: 1)) }
        let rendered = Diagnostics(items).rendered
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == Diagnostics.maxRendered * 3 + 1)
        #expect(lines.last == "… and 899,990 more errors")
        #expect(lines.first == "s.yaml:1:1: error: unknown key 'k0'")
    }

    @Test func fewErrorsAreAllShown() {
        let source = SourceText(path: "s.yaml", text: "a: 1\n")
        let items = (0..<Diagnostics.maxRendered).map { Diagnostic("e\($0)", at: Mark(source: source, line: 1, column: 1)) }
        #expect(!Diagnostics(items).rendered.contains("more"))
        #expect(Diagnostics(items + [items[0]]).rendered.hasSuffix("\n… and 1 more error"))
    }
}
