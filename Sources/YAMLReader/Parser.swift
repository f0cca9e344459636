/// The reader's state: the text as Unicode scalars, a cursor, and the diagnostics found so far.
///
/// The parser is split by concern over several files: this one moves the cursor and skips
/// blanks and comments; `Parser+Block.swift` reads indentation-based structure,
/// `Parser+Flow.swift` reads `[...]` and `{...}`, `Parser+Scalar.swift` reads plain, quoted and
/// block scalars. Every method advances the cursor, so the whole read is linear in the input.
struct Parser {
    /// Thrown after a diagnostic that makes reading further meaningless; the collected
    /// diagnostics are then reported together.
    struct Stop: Error {}

    /// The deepest nesting of collections accepted, so that hostile input cannot exhaust the stack.
    static let maxDepth = 256

    let source: SourceText
    let s: [Unicode.Scalar]
    /// The cursor: an index into `s`.
    var i: Int
    /// The 1-based number of the line the cursor is on.
    var line = 1
    /// The index in `s` where the current line starts (after a byte order mark on line 1).
    var lineStart: Int
    var diagnostics: [Diagnostic] = []
    /// The last line a tab was reported on, so that one bad line gives one error.
    var lastTabLine = 0

    init(_ source: SourceText) {
        self.source = source
        s = Array(source.text.unicodeScalars)
        let start = s.first == "\u{FEFF}" ? 1 : 0
        i = start
        lineStart = start
    }

    // MARK: Positions and errors

    /// The 1-based column of the cursor, in Unicode scalars.
    var column: Int { i - lineStart + 1 }
    /// The number of columns before the cursor on its line: the indentation when at a line's content.
    var indent: Int { i - lineStart }
    var mark: Mark { Mark(source: source, line: line, column: column) }

    /// Records a diagnostic and keeps reading.
    mutating func report(_ message: String, at mark: Mark) {
        diagnostics.append(Diagnostic(message, at: mark))
    }

    /// Records a diagnostic and stops reading.
    mutating func fail(_ message: String, at mark: Mark? = nil) -> Stop {
        diagnostics.append(Diagnostic(message, at: mark ?? self.mark))
        return Stop()
    }

    // MARK: Looking at the text

    var atEnd: Bool { i >= s.count }
    var current: Unicode.Scalar { i < s.count ? s[i] : "\0" }
    func peek(_ offset: Int) -> Unicode.Scalar { i + offset < s.count ? s[i + offset] : "\0" }

    static func isBreak(_ c: Unicode.Scalar) -> Bool { c == "\n" || c == "\r" }
    static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" }
    /// A space, tab, line break or the end of the text: what must follow an indicator like `-` or `:`.
    static func isBlank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\0" }

    /// Whether the cursor is at a line end or the end of the text.
    var atLineEnd: Bool { atEnd || Parser.isBreak(current) }

    /// Whether a `#` at the cursor starts a comment (it must follow a space or start the line).
    var atComment: Bool { current == "#" && (i == lineStart || Parser.isSpace(s[i - 1])) }

    /// The user's text at the cursor, for messages: one character, or the name of a line end.
    var currentDescription: String {
        atEnd ? "the end of the file" : Parser.isBreak(current) ? "the end of the line" : "'\(Character(current))'"
    }

    /// Whether the cursor is at a `---` or `...` document marker at the start of a line.
    var atDocumentMarker: Bool {
        guard i == lineStart, i + 2 < s.count else { return false }
        let c = s[i]
        return (c == "-" || c == ".") && s[i + 1] == c && s[i + 2] == c && Parser.isBlank(peek(3))
    }

    // MARK: Moving

    /// Steps over a line break (`\n` or `\r\n`) and starts the next line.
    mutating func consumeBreak() {
        if current == "\r" { i += 1 }
        if current == "\n" { i += 1 }
        line += 1
        lineStart = i
    }

    /// Skips spaces on the current line; a tab is reported (YAML readers disagree about tabs) and skipped.
    mutating func skipSpaces() {
        while i < s.count, Parser.isSpace(s[i]) {
            if s[i] == "\t" { reportTab() }
            i += 1
        }
    }

    /// Reports a tab at the cursor, once per line.
    mutating func reportTab() {
        guard lastTabLine != line else { return }
        lastTabLine = line
        let leading = s[lineStart..<i].allSatisfy(Parser.isSpace)
        report(
            leading
                ? "tab character in indentation; indent with spaces only"
                : "tab character outside quotes; separate with spaces, or quote text that contains a tab",
            at: mark)
    }

    /// Skips the rest of the line if it holds only spaces and a comment; returns whether it did.
    mutating func skipTrailingComment() -> Bool {
        skipSpaces()
        if atComment { while !atLineEnd { i += 1 } }
        return atLineEnd
    }

    /// Skips spaces, comments and line breaks up to the next content or the end of the text.
    mutating func skipBlankLines() {
        while true {
            _ = skipTrailingComment()
            guard !atEnd, Parser.isBreak(current) else { return }
            consumeBreak()
        }
    }
}
