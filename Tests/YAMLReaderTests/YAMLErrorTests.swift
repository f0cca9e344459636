import Testing
@testable import YAMLReader

/// Broken documents: each asserts the whole rendered diagnostic, caret included.
@Suite struct YAMLErrorTests {
    static func rendered(_ text: String) -> String {
        do {
            let node = try YAML.read(SourceText(path: "s.yaml", text: text))
            return "read without error: \(node.json.rendered(pretty: false))"
        } catch let diagnostics as Diagnostics {
            return diagnostics.rendered
        } catch {
            return "unexpected error \(error)"
        }
    }

    static let cases: [(String, String)] = [
        // Found writing 'seed:42' and '-name: y': the fix, not only what was expected.
        ("a: 1\nseed:42\n", """
            s.yaml:2:1: error: expected ':' after key 'seed:42'; put a space after the ':' (write 'seed: 42')
                seed:42
                ^
            """),
        ("a:\n  - name: x\n  -name: y\n", """
            s.yaml:3:3: error: unexpected indentation: expected a key at column 1, like the key 'a'; a list item needs a space after '-' (write '- name: …')
                  -name: y
                  ^
            """),
        ("a:\n\tb: 1\n", """
            s.yaml:2:1: error: tab character in indentation; indent with spaces only
                \tb: 1
                ^
            """),
        ("name: x\nkey value\n", """
            s.yaml:2:1: error: expected ':' after key 'key value'
                key value
                ^
            """),
        ("start 2025-04-01\nhorizon: 2 years\n", """
            s.yaml:1:1: error: expected ':' after the key on this line (write 'key: value')
                start 2025-04-01
                ^
            """),
        ("a: 1\nb: 2\na: 3\n", """
            s.yaml:3:1: error: duplicate key 'a' (first at line 1)
                a: 3
                ^
            """),
        ("a: &x 1\n", """
            s.yaml:1:4: error: anchors ('&x') are not supported; write the value out in full
                a: &x 1
                   ^
            """),
        ("a: 1\nb: *x\n", """
            s.yaml:2:4: error: aliases ('*x') are not supported; write the value out in full
                b: *x
                   ^
            """),
        ("a: !!str 1\n", """
            s.yaml:1:4: error: tags ('!!str') are not supported; remove the tag, or quote the text
                a: !!str 1
                   ^
            """),
        ("a: 1\n---\nb: 2\n", """
            s.yaml:2:1: error: only one document per file is supported; found a second '---'
                ---
                ^
            """),
        ("a: \"abc\nb: 1\n", """
            s.yaml:1:4: error: unterminated double-quoted string; add the closing '"'
                a: "abc
                   ^
            """),
        ("a: \"x\\qy\"\n", """
            s.yaml:1:6: error: unknown escape '\\q' in a double-quoted string; write '\\\\' for a backslash
                a: "x\\qy"
                     ^
            """),
        ("a: yes\n", """
            s.yaml:1:4: error: 'yes' means true in some YAML readers and the text 'yes' in others; write true or false, or quote it to mean the text
                a: yes
                   ^
            """),
        ("a: 012\n", """
            s.yaml:1:4: error: '012' means the number 10 in some YAML readers and the number 12 in others; write 12 for the number, or quote it to mean the text
                a: 012
                   ^
            """),
        ("a:\n    b: 1\n  c: 2\n", """
            s.yaml:3:3: error: unexpected indentation: expected a key at column 1, like the key 'a'
                  c: 2
                  ^
            """),
        ("a: [1, 2\n", """
            s.yaml:1:4: error: '[' is never closed; add the matching ']'
                a: [1, 2
                   ^
            """),
        ("a: [1, 2\nb: 3\n", """
            s.yaml:2:1: error: expected ',' or ']', found 'b'; close the '[' from line 1, or quote text that goes on over lines
                b: 3
                ^
            """),
        ("? a\n: b\n", """
            s.yaml:1:1: error: complex keys ('? ') are not supported; write 'key: value'
                ? a
                ^
            """),
        ("%YAML 1.2\n---\na: 1\n", """
            s.yaml:1:1: error: directives ('%…') are not supported; remove the line
                %YAML 1.2
                ^
            """),
        ("a: some text\n  more text\n", """
            s.yaml:2:3: error: plain text continues on the next line; quote it, or use '|' for text over several lines
                  more text
                  ^
            """),
        // A key indented further than the one above is named as a key out of line, not as text.
        ("- name: a\n    in_house: true\n", """
            s.yaml:2:5: error: unexpected indentation: this line looks like a key, but is indented more than the key on the line above; line them up (or, if it is text continuing the value above, quote the text)
                    in_house: true
                    ^
            """),
        ("a: b: c\n", """
            s.yaml:1:5: error: unexpected ':'; a mapping cannot start on the same line as a key or after text — start it on the next line, or quote the text
                a: b: c
                    ^
            """),
        ("a: - b\n", """
            s.yaml:1:4: error: a list cannot start on the same line as its key; put '- ' on the next line
                a: - b
                   ^
            """),
        ("{a :1}\n", """
            s.yaml:1:4: error: put a space after ':' (YAML readers disagree about ':' directly before text)
                {a :1}
                   ^
            """),
        ("t: 1:30\nu: 1e3\n", """
            s.yaml:1:4: error: '1:30' means the number 90 in some YAML readers and the text '1:30' in others; write 90 for the number, or quote it to mean the text
                t: 1:30
                   ^
            s.yaml:2:4: error: '1e3' means the text '1e3' in some YAML readers and the number 1000.0 in others; write 1000 for the number, or quote it to mean the text
                u: 1e3
                   ^
            """),
        ("count: 99999999999999999999\n", """
            s.yaml:1:8: error: '99999999999999999999' is too large for a whole number (at most 9223372036854775807); quote it to mean the text
                count: 99999999999999999999
                       ^
            """),
        ("d: 2026-02-30\n", """
            s.yaml:1:4: error: '2026-02-30' looks like a date but is not a real one: correct the month or the day (some YAML readers reject it), or quote it to mean the text
                d: 2026-02-30
                   ^
            """),
        ("null: 1\n<<: {a: 1}\n", """
            s.yaml:1:1: error: the key 'null' means null (no value) to YAML readers, not the text; quote it to use it as a name
                null: 1
                ^
            s.yaml:2:1: error: merge keys ('<<') are not supported; write the keys out in full
                <<: {a: 1}
                ^
            """),
        ("a: 1\nb: x\u{2028}y\n", """
            s.yaml:2:5: error: the character U+2028 is not allowed here: it is a line break in some YAML readers and not in others; write it as an escape in a double-quoted string
                b: x\\Ly
                    ^
            """),
        ("- a\nb: 1\n", """
            s.yaml:2:1: error: unexpected 'b'; expected the end of the document (check the indentation)
                b: 1
                ^
            """),
        ("a: 1\n- b\n", """
            s.yaml:2:1: error: expected a key, found a list item '- '; a list cannot continue a mapping at the same indentation
                - b
                ^
            """),
        ("a: \"\\uD800\"\n", """
            s.yaml:1:5: error: escape '\\uD800' is not a Unicode character
                a: "\\uD800"
                    ^
            """),
        ("a: [1, 2]x\n", """
            s.yaml:1:10: error: unexpected 'x' after the value; quote the whole text, or start a new line
                a: [1, 2]x
                         ^
            """),
        ("a: \"b\": c\n", """
            s.yaml:1:7: error: unexpected ':'; a mapping cannot start on the same line as a key or after text — start it on the next line, or quote the text
                a: "b": c
                      ^
            """),
        ("a: [x\n  : 1]\n", """
            s.yaml:1:5: error: a key and its ':' must be on the same line
                a: [x
                    ^
            """),
        ("a: 1\n|b: 2\n", """
            s.yaml:2:1: error: a key cannot start with '|'; quote the key
                |b: 2
                ^
            """),
    ]

    @Test(arguments: cases)
    func rendersTheWholeDiagnostic(text: String, expected: String) {
        #expect(Self.rendered(text) == expected)
    }

    @Test func reportsSeveralErrorsTogetherInOrder() {
        #expect(Self.rendered("a: yes\nb: 012\nb: 1\n\tc: 1\n") == """
            s.yaml:1:4: error: 'yes' means true in some YAML readers and the text 'yes' in others; write true or false, or quote it to mean the text
                a: yes
                   ^
            s.yaml:2:4: error: '012' means the number 10 in some YAML readers and the number 12 in others; write 12 for the number, or quote it to mean the text
                b: 012
                   ^
            s.yaml:3:1: error: duplicate key 'b' (first at line 2)
                b: 1
                ^
            s.yaml:4:1: error: tab character in indentation; indent with spaces only
                \tc: 1
                ^
            """)
    }
}
