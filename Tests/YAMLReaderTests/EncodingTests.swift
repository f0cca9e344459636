import Testing
@testable import YAMLReader

/// A file that is not UTF-8 is reported at its first bad byte, with the line and a caret.
@Suite struct EncodingTests {
    static func rendered(_ bytes: [UInt8]) -> String {
        do {
            return "read: " + (try SourceText.utf8Text(bytes, path: "s.yaml"))
        } catch let diagnostic as Diagnostic {
            return diagnostic.rendered
        } catch {
            return "unexpected error \(error)"
        }
    }

    @Test func latin1ByteIsPointedAt() {
        // "name: café" saved as Windows-1252: é is the single byte 0xE9.
        let bytes = Array("start: 2026-04-01\nname: caf".utf8) + [0xE9] + Array("\nx: 1\n".utf8)
        #expect(Self.rendered(bytes) == """
            s.yaml:2:10: error: the file is not UTF-8 text: byte 0xE9 (shown as '\u{FFFD}') cannot be read as UTF-8 (it is 'é' in Windows-1252, which Notepad and Excel call 'ANSI'); save the file as UTF-8
                name: caf\u{FFFD}
                         ^
            """)
    }

    @Test func columnCountsCharactersNotBytes() {
        // 'é' and '£' are two bytes each in UTF-8 but one column each.
        let bytes = Array("a: é£ ".utf8) + [0xFF, 0xFE] + Array(" z\n".utf8)
        #expect(Self.rendered(bytes) == """
            s.yaml:1:7: error: the file is not UTF-8 text: byte 0xFF (shown as '\u{FFFD}') cannot be read as UTF-8; save the file as UTF-8
                a: é£ \u{FFFD}\u{FFFD} z
                      ^
            """)
    }

    @Test func byteOrderMarkAtTheStartTakesNoColumn() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: ".utf8) + [0xC3] + Array("\n".utf8)
        #expect(Self.rendered(bytes) == """
            s.yaml:1:4: error: the file is not UTF-8 text: byte 0xC3 (shown as '\u{FFFD}') cannot be read as UTF-8; save the file as UTF-8
                a: \u{FFFD}
                   ^
            """)
    }

    @Test func utf8IsReadAsIs() {
        #expect(Self.rendered(Array("a: café £5\n".utf8)) == "read: a: café £5\n")
    }
}
