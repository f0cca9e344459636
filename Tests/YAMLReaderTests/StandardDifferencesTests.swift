import Testing
@testable import YAMLReader

/// Places where fuzzing found the reader differing from PyYAML and libyaml: each now reads as
/// they do (the folded scalar, also in the conformance corpus) or is refused with a message.
@Suite struct StandardDifferencesTests {
    static func rendered(_ text: String) -> String { YAMLErrorTests.rendered(text) }

    @Test(arguments: [
        // (document, PyYAML's reading of the value of 'a')
        ("a: >2\n\n   x\n", "\n x\n"),
        ("a: >2\n\n   x\n  y\n", "\n x\ny\n"),
        ("a: >1\n\n\n  x\n", "\n\n x\n"),
        ("a: >2-\n\n   x\n", "\n x"),
        ("a: >2\n\n  x\n", "\nx\n"),
        ("a: >\n  x\n\n   y\n", "x\n\n y\n"),
    ])
    func foldedScalarWithExplicitIndentKeepsLeadingBreaks(document: String, value: String) throws {
        let node = try YAML.read(SourceText(path: "s.yaml", text: document))
        #expect(node.json == .object([("a", .string(value))]))
    }

    @Test func byteOrderMarkInsideTheFileIsRefused() {
        #expect(Self.rendered("a: 1\n\u{FEFF}b: 2\n") == """
            s.yaml:2:1: error: a byte-order mark (U+FEFF) after the start of the file is not allowed here: it is invisible, and YAML readers disagree whether it is part of the text; write it as an escape in a double-quoted string
                \\uFEFFb: 2
                ^
            """)
        #expect(Self.rendered("a: \"x\u{FEFF}\"\n").hasPrefix("s.yaml:1:6: error: a byte-order mark (U+FEFF) after"))
    }

    @Test func byteOrderMarkAtTheStartIsSkipped() throws {
        let node = try YAML.read(SourceText(path: "s.yaml", text: "\u{FEFF}a: 1\n"))
        #expect(node.json == .object([("a", .int(1))]))
    }

    @Test func keysUpTo1024CharactersAreRead() throws {
        let key = String(repeating: "k", count: 1024)
        for text in ["\(key): 1\n", "{\(key): 1}\n", "'\(String(key.dropFirst(2)))': 1\n"] {
            let node = try YAML.read(SourceText(path: "s.yaml", text: text))
            guard case .mapping(let pairs) = node.content else { Issue.record("not a mapping"); continue }
            #expect(pairs.count == 1)
        }
    }

    @Test func keysOver1024CharactersAreRefused() {
        let key = String(repeating: "k", count: 1025)
        let window = String(repeating: "k", count: Diagnostic.maxEchoWidth)
        #expect(Self.rendered("\(key): 1\n") == """
            s.yaml:1:1: error: this key takes 1,025 characters up to its ':'; YAML allows at most 1,024, so shorten it
                \(window)…
                ^
            """)
        #expect(Self.rendered("a:\n  \"\(key)\": 1\n").hasPrefix("s.yaml:2:3: error: this key takes 1,027 characters"))
        #expect(Self.rendered("a: {b: 1, \(key): 2}\n").hasPrefix("s.yaml:1:11: error: this key takes 1,025 characters"))
        #expect(Self.rendered("- \(key)   : 1\n").hasPrefix("s.yaml:1:3: error: this key takes 1,028 characters"))
    }
}
