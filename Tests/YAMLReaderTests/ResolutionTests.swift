import Testing
@testable import YAMLReader

/// The YAML 1.2 core schema, and the plain scalars that YAML 1.1 readers (PyYAML) read differently.
@Suite struct ResolutionTests {
    static func plain(_ text: String) -> Resolved { Node.Scalar(text: text, style: .plain).resolved }

    @Test func resolvesTheCoreSchema() {
        #expect(Self.plain("") == .null)
        #expect(Self.plain("~") == .null)
        #expect(Self.plain("NULL") == .null)
        #expect(Self.plain("True") == .bool(true))
        #expect(Self.plain("FALSE") == .bool(false))
        #expect(Self.plain("-12") == .int(-12))
        #expect(Self.plain("+7") == .int(7))
        #expect(Self.plain("0o17") == .int(15))
        #expect(Self.plain("0x1F") == .int(31))
        #expect(Self.plain("1e3") == .float(1000))
        #expect(Self.plain("-.5") == .float(-0.5))
        #expect(Self.plain("1.") == .float(1))
        #expect(Self.plain("-.inf") == .float(-.infinity))
        #expect(Self.plain("yes") == .string("yes"))
        #expect(Self.plain("2026-04-01") == .string("2026-04-01"))
        #expect(Self.plain("3%") == .string("3%"))
        #expect(Self.plain("0x") == .string("0x"))
        #expect(Self.plain("99999999999999999999") == .string("99999999999999999999"))
        guard case .float(let nan) = Self.plain(".NaN") else { Issue.record("not a float"); return }
        #expect(nan.isNaN)
    }

    @Test func quotedAndBlockScalarsAreAlwaysStrings() {
        #expect(Node.Scalar(text: "12", style: .doubleQuoted).resolved == .string("12"))
        #expect(Node.Scalar(text: "true", style: .singleQuoted).resolved == .string("true"))
        #expect(Node.Scalar(text: "~", style: .literal).resolved == .string("~"))
    }

    @Test(arguments: [
        "yes", "No", "ON", "off", "y", "N", "012", "0o17", "1_000", "1:30", "1e3", "1.0e3", "-.5", "+0x10",
        "0b101", "08", "=", "2026-02-30", "2026-04-01 10:00:00", "2026-4-1T10:00:00",
    ])
    func flagsWhatReadersDisagreeAbout(text: String) {
        #expect(Parser.ambiguity(of: text) != nil)
    }

    @Test(arguments: [
        "", "~", "null", "true", "False", "0", "00", "-12", "+5", "0x1F", "1.5", "1.", ".5", "1.5e+3", "2.0E-2",
        ".inf", "-.Inf", ".nan", "2026-04-01", "2024-02-29", "3%", "v1", "1.2.3", "name", "children's home",
    ])
    func acceptsWhatReadersAgreeAbout(text: String) {
        #expect(Parser.ambiguity(of: text) == nil)
    }

    @Test func explainsTheDisagreement() {
        #expect(Parser.ambiguity(of: "on")
            == "'on' means true in some YAML readers and the text 'on' in others; write true or false, or quote it to mean the text")
        #expect(Parser.ambiguity(of: "-.5")
            == "'-.5' means the text '-.5' in some YAML readers and the number -0.5 in others; write -0.5 for the number, or quote it to mean the text")
    }

    /// Found writing `replications: 1e3`: the advice was `1000.0`, which a count refuses as not
    /// whole. A whole number is advised whole.
    @Test func advisesAWholeNumberWhole() {
        #expect(Parser.ambiguity(of: "1e3")
            == "'1e3' means the text '1e3' in some YAML readers and the number 1000.0 in others; write 1000 for the number, or quote it to mean the text")
        #expect(Parser.ambiguity(of: "2.5e1")?.contains("write 25 for the number") == true)
    }

    /// Found trying `observed: 1e+300`: the advice was to write what was written.
    @Test(arguments: ["1e+300", "1e-300", "5e-324", "1E+20"])
    func advisesASpellingEveryReaderAgreesOn(text: String) throws {
        let message = try #require(Parser.ambiguity(of: text))
        let advised = try #require(message.firstMatch(of: /write (\S+) for the number/)?.1)
        #expect(advised != text)
        #expect(Parser.ambiguity(of: String(advised)) == nil)
    }

    @Test func nodeJSONFollowsTheSchema() throws {
        let text = "a: [1, 2.5, true, ~, '3', 2026-04-01, .inf, -.inf, .nan, 12%]\n"
        let node = try YAML.read(SourceText(path: "t.yaml", text: text))
        #expect(node.json == .object([("a", .array([
            .int(1), .number(2.5), .bool(true), .null, .string("3"), .string("2026-04-01"), .string(".inf"),
            .string("-.inf"), .string(".nan"), .string("12%"),
        ]))]))
    }

    @Test func keepsPositions() throws {
        let source = SourceText(path: "t.yaml", text: "\u{FEFF}# c\nouter:\n  - name: 'é x'\n    v: [a, {b: c}]\n")
        let node = try YAML.read(source)
        #expect((node.mark.line, node.mark.column) == (2, 1))
        guard case .mapping(let pairs) = node.content, case .sequence(let items) = pairs[0].value.content,
            case .mapping(let inner) = items[0].content, case .sequence(let flow) = inner[1].value.content
        else { Issue.record("unexpected shape"); return }
        #expect((items[0].mark.line, items[0].mark.column) == (3, 5))
        #expect((inner[1].keyMark.line, inner[1].keyMark.column) == (4, 5))
        #expect((flow[1].mark.line, flow[1].mark.column) == (4, 12))
        #expect((inner[0].value.mark.line, inner[0].value.mark.column) == (3, 11))
    }

    @Test func emptyDocumentIsNullAtTheStart() throws {
        let node = try YAML.read(SourceText(path: "t.yaml", text: "# only a comment\n\n"))
        #expect(node.json == .null)
        #expect((node.mark.line, node.mark.column) == (1, 1))
    }
}
