/// The text of one source file, shared by every node and diagnostic that points into it.
///
/// Immutable, so it can be shared freely between threads.
public final class SourceText: Sendable {
    /// The path as the user wrote it (used verbatim in diagnostics).
    public let path: String
    /// The whole text, as read.
    public let text: String
    /// The text split into lines, without their line terminators (`\n` or `\r\n`).
    public let lines: [Substring]

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        self.lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    }

    /// The line with the given 1-based number, or an empty string past the end.
    public func line(_ number: Int) -> Substring {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }
}

/// A position in a source file: 1-based line and 1-based column (counted in Unicode scalars).
public struct Mark: Sendable, CustomStringConvertible {
    public let source: SourceText
    public let line: Int
    public let column: Int

    public init(source: SourceText, line: Int, column: Int) {
        self.source = source
        self.line = line
        self.column = column
    }

    /// `path:line:column`, the prefix of every diagnostic.
    public var description: String { "\(source.path):\(line):\(column)" }
}

extension Mark: Equatable {
    public static func == (a: Mark, b: Mark) -> Bool {
        a.source === b.source && a.line == b.line && a.column == b.column
    }
}

extension SourceText {
    /// `bytes` read as UTF-8 text, or an error at the first byte that is not UTF-8.
    ///
    /// The error points at the line and column (in Unicode scalars) where the bad byte is, and
    /// echoes the line with the bad bytes shown as U+FFFD, as every other diagnostic does.
    /// - Throws: ``Diagnostic`` when some byte sequence is not UTF-8.
    public static func utf8Text<Bytes: Collection<UInt8>>(_ bytes: Bytes, path: String) throws -> String {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var line = 1
        var column = 1
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let atStart = offset == 0
                offset += encoded.count
                if atStart && Array(encoded) == [0xEF, 0xBB, 0xBF] {
                    continue  // a byte-order mark takes no column, as in the reader
                }
                if encoded.count == 1 && encoded.first == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                return String(decoding: bytes, as: UTF8.self)
            case .error(let length):
                let start = bytes.index(bytes.startIndex, offsetBy: offset)
                let bad = bytes[start...].prefix(length).map { "0x" + String($0, radix: 16, uppercase: true) }
                let source = SourceText(path: path, text: String(decoding: bytes, as: UTF8.self))
                let what = bad.count == 1 ? "byte \(bad[0])" : "bytes \(bad.joined(separator: " "))"
                // The characters a council's file saved as Windows-1252 ('ANSI') most often holds.
                let windows1252: [UInt8: String] = [0x80: "€", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x96: "–", 0x97: "—",
                                                    0xA3: "£", 0xE8: "è", 0xE9: "é"]
                let hint = bad.count == 1 ? bytes[start...].first.flatMap { windows1252[$0] }
                    .map { " (it is '\($0)' in Windows-1252, which Notepad and Excel call 'ANSI')" } ?? "" : ""
                throw Diagnostic(
                    "the file is not UTF-8 text: \(what) (shown as '\u{FFFD}') cannot be read as UTF-8\(hint); save the file as UTF-8",
                    at: Mark(source: source, line: line, column: column))
            }
        }
    }
}
